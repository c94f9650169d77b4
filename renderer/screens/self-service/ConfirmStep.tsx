import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { formatDate } from '../../i18n/format';

interface ConfirmStepProps {
  readonly read: Result<'card.read'>;
  readonly onYes: () => void;
  readonly onNo: () => void;
}

/**
 * "Đây có phải là Ông/Bà?": the chip's photo, name and date of birth, big.
 * A card whose signature does not chain to a trusted CSCA cannot be used
 * here: the citizen is sent to the desk, where staff can check the card.
 */
export function ConfirmStep({ read, onYes, onNo }: ConfirmStepProps) {
  const { t } = useTranslation();
  const trusted = read.passiveAuthentication.status === 'trusted';
  return (
    <>
      <div className="confirm-person" data-trust={read.passiveAuthentication.status}>
        {read.photo && (
          <img src={read.photo.dataUrl} alt={t('selfService.confirm.photo')} className="portrait" />
        )}
        <dl>
          <dt>{t('selfService.confirm.fullName')}</dt>
          <dd className="person-name">{read.citizen.fullName}</dd>
          <dt>{t('selfService.confirm.birthDate')}</dt>
          <dd>{formatDate(read.citizen.birthDate)}</dd>
        </dl>
      </div>
      {!trusted && (
        <p role="alert" className="error">
          {t('selfService.confirm.untrusted')}
        </p>
      )}
      <div className="answer-buttons">
        <button type="button" className="primary big" disabled={!trusted} onClick={onYes}>
          {t('selfService.confirm.yes')}
        </button>
        <button type="button" className="big" onClick={onNo}>
          {t('selfService.confirm.no')}
        </button>
      </div>
    </>
  );
}
