import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessages } from '../../electron/api/error-messages';
import { useKiosk } from '../api/KioskContext';
import { formatDateTime } from '../i18n/format';
import { pdfBlobUrl } from './pdf-blob-url';
import { usePreviewLeavesFocus } from './use-preview-leaves-focus';

export interface ReceiptViewProps {
  /** The dossier's id or code, as dossier.receipt takes it. */
  readonly idOrCode: string;
  /** The dossier code and the appointment (epoch ms), shown in large text. */
  readonly code: string;
  readonly dueAt: number;
  /** Very large text for the self-service kiosk. */
  readonly large?: boolean;
}

interface Pdf {
  readonly url: string;
  readonly fileName: string;
}

/**
 * The receipt (Mẫu 01) of a saved dossier: the code and the appointment in
 * large text, the PDF shown from a blob: URL, printed from its frame, or
 * downloaded under the file name the core chose. The blob URL is revoked
 * when the view goes, so the citizen's receipt does not outlive the screen.
 */
export function ReceiptView({ idOrCode, code, dueAt, large }: ReceiptViewProps) {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const [pdf, setPdf] = useState<Pdf | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let url: string | undefined;
    let live = true;
    void api.dossier.receipt({ idOrCode }).then((answer) => {
      if (!live) return;
      if (answer.ok) {
        url = pdfBlobUrl(answer.value.pdfBase64);
        setPdf({ url, fileName: answer.value.fileName });
      } else {
        const message = errorMessages[answer.error.code];
        setError(i18n.language === 'en' ? message.en : message.vi);
      }
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
    // i18n.language only picks the error's language; a switch must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, idOrCode, attempt]);

  usePreviewLeavesFocus(frame, pdf !== undefined);

  const print = useCallback(() => {
    const view = frame.current?.contentWindow;
    if (view) view.print();
    else window.print();
  }, []);

  return (
    <section className={`receipt-view${large ? ' large' : ''}`} aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t('intake.receipt.title')}</h2>
      <dl className="receipt-facts">
        <dt>{t('intake.receipt.code')}</dt>
        <dd className="receipt-code" data-code={code}>
          {code}
        </dd>
        <dt>{t('intake.receipt.due')}</dt>
        <dd className="receipt-due">{formatDateTime(dueAt)}</dd>
      </dl>
      {!pdf && !error && (
        <p role="status" className="progress">
          {t('intake.receipt.loading')}
        </p>
      )}
      {error && (
        <div role="alert" className="error">
          <p>{error}</p>
          <button
            type="button"
            onClick={() => {
              setError(undefined);
              setAttempt((n) => n + 1);
            }}
          >
            {t('intake.receipt.retry')}
          </button>
        </div>
      )}
      {pdf && (
        <>
          <div className="receipt-actions">
            <button type="button" className="primary" onClick={print}>
              {t('intake.receipt.print')}
            </button>
            <a className="button" href={pdf.url} download={pdf.fileName}>
              {t('intake.receipt.download')}
            </a>
          </div>
          <iframe
            ref={frame}
            className="receipt-pdf"
            src={pdf.url}
            title={t('intake.receipt.frame')}
          />
        </>
      )}
    </section>
  );
}
