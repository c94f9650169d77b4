import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReceiptView } from '../../components/ReceiptView';
import { formatDateTime } from '../../i18n/format';
import { OutageNotes } from './OutageNotes';
import { useHelpCounter } from './use-help-counter';
import { useOutages } from './use-outages';

export interface Created {
  readonly code: string;
  readonly receivedAt: number;
  readonly dueAt: number;
}

interface ReceiptStepProps {
  readonly created: Created;
  readonly onFinish: () => void;
}

/**
 * The dossier is saved: the receipt (code and appointment very large, the
 * PDF to print), a QR of the code that the lookup screen reads back, and
 * "Hoàn tất".
 */
export function ReceiptStep({ created, onFinish }: ReceiptStepProps) {
  const { t } = useTranslation();
  const counter = useHelpCounter();
  const [qr, setQr] = useState<string | undefined>(undefined);

  // Asked again once the dossier is saved (the start screen asked too): a portal or
  // printer that is down changes what the citizen must do next.
  const outages = useOutages();

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
      {/* First under the heading: on a 1366×768 screen anything under the code and the
          appointment is already below the fold, and the preview further still. */}
      <OutageNotes outages={outages} counter={counter} when="receipt" />
      <ReceiptView idOrCode={created.code} code={created.code} dueAt={created.dueAt} large />
      <div className="receipt-qr-row">
        {qr && (
          <img
            className="receipt-qr"
            src={qr}
            alt={t('selfService.receipt.qr', { code: created.code })}
          />
        )}
        <p>
          {t('selfService.receipt.received', { time: formatDateTime(created.receivedAt) })}.{' '}
          {t('selfService.receipt.keep')}
        </p>
      </div>
      <div className="answer-buttons">
        <button type="button" className="primary big" onClick={onFinish}>
          {t('selfService.receipt.finish')}
        </button>
      </div>
    </>
  );
}
