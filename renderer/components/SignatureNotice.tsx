import { useTranslation } from 'react-i18next';
import type { SigningErrorCode } from '../../electron/api/errors';
import { useApiErrorText } from '../i18n/use-api-error-text';

interface SignatureNoticeProps {
  readonly signed: boolean;
  /** Why the token did not sign (SIGNING_* code); null when signed or not recorded. */
  readonly reason: SigningErrorCode | null;
}

/**
 * Whether a saved dossier's files carry the agency's signature. "Chưa ký số"
 * is a warning, not an error: nothing is lost, the dossier is saved and
 * syncs; the clerk reads why and what to do.
 */
export function SignatureNotice({ signed, reason }: SignatureNoticeProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  if (signed)
    return (
      <p className="signature-notice signed" data-signed="true" role="status">
        <span className="badge badge-ok">{t('intake.signing.signed')}</span>{' '}
        {t('intake.signing.signedNote')}
      </p>
    );
  return (
    <div className="signature-notice unsigned" data-signed="false" role="status">
      <p>
        <span className="badge badge-warn">{t('intake.signing.unsigned')}</span>{' '}
        {t('intake.signing.unsignedNote')}
      </p>
      {reason !== null && (
        <p className="fix">
          {t('intake.signing.reason', { text: errorText({ code: reason, message: '' }) })}
        </p>
      )}
      <p className="fix">{t('intake.signing.unsignedTodo')}</p>
    </div>
  );
}
