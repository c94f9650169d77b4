import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../api/KioskContext';

/**
 * The counter an outage message sends the citizen to, as signed in the hall
 * ("Quầy số 3", config helpCounter), or "quầy tiếp nhận" when IT set none.
 * A citizen who cannot finish alone must know exactly where to walk.
 */
export function useHelpCounter(): string {
  const { t } = useTranslation();
  const { info } = useKiosk();
  return info.helpCounter === '' ? t('kiosk.defaultCounter') : info.helpCounter;
}
