import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReceiptView } from '../../components/ReceiptView';
import { useKiosk } from '../../api/KioskContext';
import { formatDateTime } from '../../i18n/format';
import { receiptOutages, type ReceiptOutages } from './receipt-outages';
import { useHelpCounter } from './use-help-counter';

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
  const { api } = useKiosk();
  const counter = useHelpCounter();
  const [qr, setQr] = useState<string | undefined>(undefined);
  const [outages, setOutages] = useState<ReceiptOutages>({ portal: false, printer: false });

  // Asked once the dossier is saved: a portal or printer that is down changes what the
  // citizen must do next (nothing more for the portal; the counter for a paper receipt).
  useEffect(() => {
    let live = true;
    void api.system.health().then((result) => {
      if (live && result.ok) setOutages(receiptOutages(result.value));
    });
    return () => {
      live = false;
    };
  }, [api]);

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
      {outages.printer && (
        <p role="alert" className="error outage" data-outage="printer">
          {t('selfService.receipt.printerDown', { counter })}
        </p>
      )}
      {outages.portal && (
        <p role="status" className="outage-note" data-outage="portal">
          {t('selfService.receipt.portalDown', { counter })}
        </p>
      )}
      <div className="answer-buttons">
        <button type="button" className="primary big" onClick={onFinish}>
          {t('selfService.receipt.finish')}
        </button>
      </div>
    </>
  );
}
