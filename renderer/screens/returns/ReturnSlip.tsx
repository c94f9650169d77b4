import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { pdfBlobUrl } from '../../components/pdf-blob-url';
import { formatDateTime } from '../../i18n/format';

type Recorded = Result<'return.record'>;

interface ReturnSlipProps {
  readonly recorded: Recorded;
  readonly onAnother: () => void;
}

/**
 * After `return.record` answered ok: "Đã trả kết quả", whether the result
 * was signed, that the status waits in the outbox, and the hand-over slip,
 * printed from its frame or downloaded under the core's file name.
 */
export function ReturnSlip({ recorded, onAnother }: ReturnSlipProps) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const link = useRef<HTMLAnchorElement>(null);

  // The slip's blob: URL lives exactly as long as this view (so the
  // citizen's slip does not outlive the screen); it is handed to the frame
  // and the link directly, as the DOM is what it is made for.
  useEffect(() => {
    const url = pdfBlobUrl(recorded.slipPdfBase64);
    if (frame.current) frame.current.src = url;
    if (link.current) link.current.href = url;
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [recorded.slipPdfBase64]);

  const print = () => {
    const view = frame.current?.contentWindow;
    if (view) view.print();
    else window.print();
  };

  return (
    <section className="intake-step return-done" aria-labelledby="return-done-title">
      <h2 id="return-done-title">{t('returns.slipTitle')}</h2>
      <p role="status" className="success" data-returned={recorded.code}>
        {t('returns.done', { code: recorded.code })}
      </p>
      <dl className="return-facts">
        <dt>{t('returns.returnedAt')}</dt>
        <dd>{formatDateTime(recorded.returnedAt)}</dd>
      </dl>
      <p data-signed={recorded.signed}>
        {recorded.signed ? t('returns.doneSigned') : t('returns.doneUnsigned')}
      </p>
      {recorded.offlineInHand && <p>{t('returns.offlineRecorded')}</p>}
      <p className="hint">{t('returns.queued')}</p>
      <div className="receipt-actions">
        <button type="button" className="primary" onClick={print}>
          {t('returns.printSlip')}
        </button>
        <a ref={link} className="button" download={recorded.slipFileName}>
          {t('returns.downloadSlip')}
        </a>
        {/* Above the preview, as on the counter notices: no scrolling past a page-high PDF. */}
        <button type="button" onClick={onAnother}>
          {t('returns.another')}
        </button>
      </div>
      <iframe ref={frame} className="receipt-pdf" title={t('returns.slipFrame')} />
    </section>
  );
}
