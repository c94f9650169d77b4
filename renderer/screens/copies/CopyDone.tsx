import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { formatDong } from '../../../electron/api/contract/copy-fee';
import { useKiosk } from '../../api/KioskContext';
import { pdfBlobUrl } from '../../components/pdf-blob-url';
import { useApiErrorText } from '../../i18n/use-api-error-text';

type Certified = Result<'copies.certify'>;

interface CopyDoneProps {
  readonly done: Certified;
  readonly onAnother: () => void;
}

/**
 * The certified copies to download (the citizen's USB stick is a browser
 * download) and the slip with the numbers, fees and a QR per copy, shown to
 * print. Blob URLs live as long as this view.
 */
export function CopyDone({ done, onAnother }: CopyDoneProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [files, setFiles] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<string | undefined>(undefined);
  const frame = useRef<HTMLIFrameElement>(null);
  const slipLink = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    const slip = pdfBlobUrl(done.slipPdfBase64);
    if (frame.current) frame.current.src = slip;
    if (slipLink.current) slipLink.current.href = slip;
    return () => {
      URL.revokeObjectURL(slip);
    };
  }, [done]);

  useEffect(() => {
    // An object, not a let: the cleanup flips it while the loop awaits.
    const view = { alive: true };
    const urls: string[] = [];
    void (async () => {
      for (const copy of done.copies) {
        const answer = await api.copies.file({ id: copy.id });
        if (!view.alive) return;
        if (!answer.ok) {
          setError(errorText(answer.error));
          continue;
        }
        const url = pdfBlobUrl(answer.value.pdfBase64);
        urls.push(url);
        setFiles((f) => ({ ...f, [copy.id]: url }));
      }
    })();
    return () => {
      view.alive = false;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [api, done, errorText]);

  return (
    <section className="intake-step" aria-labelledby="copy-done">
      <p id="copy-done" role="status" className="success">
        {t('copies.done', { count: done.copies.length })}
      </p>
      <ul className="copy-list">
        {done.copies.map((c) => (
          <li key={c.id} data-copy-number={c.number}>
            {t('copies.doneCopy', {
              index: c.copyIndex,
              number: c.number,
              book: c.book,
              fee: formatDong(c.fee),
            })}
            <br />
            <a
              className="button primary"
              href={files[c.id]}
              download={c.fileName}
              aria-disabled={files[c.id] === undefined}
            >
              {t('copies.downloadCopy', { number: c.number })}
            </a>
          </li>
        ))}
      </ul>
      <p className="hint">{t('copies.downloadHint')}</p>
      <p className="fee">
        <strong>{t('copies.totalFee', { total: formatDong(done.totalFee) })}</strong>
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="receipt-actions">
        <a ref={slipLink} className="button" download={done.slipFileName}>
          {t('copies.downloadSlip')}
        </a>
        <button
          type="button"
          onClick={() => {
            frame.current?.contentWindow?.print();
          }}
        >
          {t('copies.printSlip')}
        </button>
        <button type="button" onClick={onAnother}>
          {t('copies.another')}
        </button>
      </div>
      <iframe ref={frame} className="receipt-pdf" title={t('copies.slip')} />
    </section>
  );
}
