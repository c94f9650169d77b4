import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcrStatus } from '../../electron/api/contract/ocr';
import { useKiosk } from '../api/KioskContext';
import './ocr-pool-status.css';

interface OcrPoolStatusProps {
  /** Changes when Diagnostics is asked to check again, so the figures are read again too. */
  readonly generation: number;
}

/** The OCR worker pool's figures for Diagnostics: workers, busy, waiting pages, pages done. */
export function OcrPoolStatus({ generation }: OcrPoolStatusProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const [status, setStatus] = useState<OcrStatus | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void api.ocr.status().then((result) => {
      if (live) setStatus(result.ok ? result.value : null);
    });
    return () => {
      live = false;
    };
  }, [api, generation]);

  return (
    <section className="ocr-pool" aria-labelledby="ocr-pool-title">
      <h2 id="ocr-pool-title">{t('diagnostics.ocr.title')}</h2>
      {status === null && <p className="error">{t('diagnostics.ocr.unavailable')}</p>}
      {status && (
        <dl className="figures" data-ocr-size={status.size}>
          <dt>{t('diagnostics.ocr.size')}</dt>
          <dd>{status.size}</dd>
          <dt>{t('diagnostics.ocr.busy')}</dt>
          <dd>{status.busy}</dd>
          <dt>{t('diagnostics.ocr.queued')}</dt>
          <dd>{status.queued}</dd>
          <dt>{t('diagnostics.ocr.pagesDone')}</dt>
          <dd>{status.pagesDone}</dd>
          <dt>{t('diagnostics.ocr.languages')}</dt>
          <dd>
            {status.languages
              .map((code) => (code === 'vie' ? t('diagnostics.ocr.vie') : code))
              .join(', ')}
          </dd>
        </dl>
      )}
    </section>
  );
}
