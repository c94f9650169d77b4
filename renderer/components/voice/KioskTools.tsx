import { useTranslation } from 'react-i18next';
import { useKioskPrefs } from './KioskPrefs';
import { VoiceBar } from './VoiceBar';

/**
 * The citizen's aids, under the header on every kiosk screen (not only the
 * first): "Chữ to" and "Nghe hướng dẫn". Both last until the session ends.
 */
export function KioskTools() {
  const { t } = useTranslation();
  const { largeText, toggleLargeText } = useKioskPrefs();
  return (
    <aside className="kiosk-tools" aria-label={t('kiosk.tools')}>
      <button
        type="button"
        className="text-size"
        aria-pressed={largeText}
        onClick={toggleLargeText}
      >
        {largeText ? t('kiosk.normalText') : t('kiosk.largeText')}
      </button>
      <VoiceBar />
    </aside>
  );
}
