import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReceiptView } from '../../components/ReceiptView';
import { formatDateTime } from '../../i18n/format';

export interface Created {
  readonly code: string;
  readonly receivedAt: number;
  readonly dueAt: number;
}

interface ReceiptStepProps {
  readonly created: Created;
  readonly onFinish: () => void;
}

/** `dd/mm/yyyy` of an instant, local time. */
const dayOf = (at: number) => formatDateTime(at).slice(0, 10);

/**
 * The dossier is saved: its code and appointment day very large, a QR that
 * the lookup screen reads back, the receipt PDF to print, and "Hoàn tất".
 */
export function ReceiptStep({ created, onFinish }: ReceiptStepProps) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(created.code, { errorCorrectionLevel: 'M', margin: 2, scale: 8 }).then(
      (url) => {
        if (live) setQr(url);
      },
    );
    return () => {
      live = false;
    };
  }, [created.code]);

  return (
    <>
      <div className="receipt-big">
        <dl>
          <dt>{t('selfService.receipt.code')}</dt>
          <dd className="big-code" data-code={created.code}>
            {created.code}
          </dd>
          <dt>{t('selfService.receipt.due')}</dt>
          <dd className="big-due">{dayOf(created.dueAt)}</dd>
        </dl>
        {qr && (
          <img
            className="receipt-qr"
            src={qr}
            alt={t('selfService.receipt.qr', { code: created.code })}
          />
        )}
      </div>
      <p className="hint">
        {t('selfService.receipt.received', { time: formatDateTime(created.receivedAt) })}.{' '}
        {t('selfService.receipt.keep')}
      </p>
      <ReceiptView idOrCode={created.code} code={created.code} dueAt={created.dueAt} large />
      <div className="answer-buttons">
        <button type="button" className="primary big" onClick={onFinish}>
          {t('selfService.receipt.finish')}
        </button>
      </div>
    </>
  );
}
