import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import type { ScanDevice } from '../../../electron/api/contract/scan';
import type { ProcedureComponent } from '../../../electron/api/contract/procedure';
import { useKiosk } from '../../api/KioskContext';
import { useErrorText } from './use-error-text';
import { useHelpCounter } from './use-help-counter';

export type ScanResult = Result<'scan.start'>;

interface DocumentStepProps {
  readonly component: ProcedureComponent;
  /** The kiosk's scanner (the first ready one), or null when none is ready. */
  readonly device: ScanDevice | null;
  /** This component's scan when it has one with pages. */
  readonly scan: ScanResult | undefined;
  readonly onScanned: (result: ScanResult) => void;
  readonly onSkip: () => void;
  readonly onNext: () => void;
}

/**
 * One document of the dossier: put it in the feeder, "Quét", see its pages,
 * go on. An optional document can be left out; a required one cannot, and
 * the citizen is told to go to the desk when they do not have it.
 */
export function DocumentStep({
  component,
  device,
  scan,
  onScanned,
  onSkip,
  onNext,
}: DocumentStepProps) {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const errorText = useErrorText();
  const counter = useHelpCounter();
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [livePages, setLivePages] = useState(0);

  useEffect(
    () =>
      api.on('scan.page', () => {
        setLivePages((n) => n + 1);
      }),
    [api],
  );

  const start = async () => {
    if (device === null) return;
    setScanning(true);
    setError(undefined);
    setLivePages(0);
    // The flatbed when there is one: the citizen lays one sheet and sees it at once. 300 dpi
    // grey in, 1-bit out: what OCR and the portal need of a text document.
    const sources = device.capabilities.sources ?? [];
    const source = sources.includes('flatbed') ? 'flatbed' : sources[0];
    const result = await api.scan.start({
      device: device.id,
      ...(source === undefined ? {} : { source }),
      resolution: 300,
      mode: 'gray',
      component: component.name,
      profile: 'bitonal',
      removeBlank: true,
    });
    setScanning(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    if (result.value.stopped) {
      const reason = i18n.language === 'en' ? result.value.stopped.en : result.value.stopped.vi;
      setError(t('selfService.documents.stopped', { reason }));
    }
    onScanned(result.value);
  };

  const kept = scan?.pages.filter((p) => !p.blank) ?? [];
  return (
    <>
      <p className="document-kind">
        <strong>
          {component.required
            ? t('selfService.documents.required')
            : t('selfService.documents.optional')}
        </strong>
        {' · '}
        {t('selfService.documents.copies', {
          originals: component.originals,
          copies: component.copies,
        })}
      </p>
      {device === null ? (
        <p role="alert" className="error">
          {t('selfService.documents.noScanner', { counter })}
        </p>
      ) : (
        <p>{t('selfService.documents.place')}</p>
      )}
      {scanning && (
        <p role="status" aria-live="polite" className="progress">
          {t('selfService.documents.scanning')}{' '}
          {t('selfService.documents.pages', { count: livePages })}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {scan?.pdf && !scanning && (
        <div className="scanned" data-pages={scan.pdf.pageCount}>
          <p role="status">{t('selfService.documents.pages', { count: scan.pdf.pageCount })}</p>
          <ul className="thumbnails">
            {kept.map((p) =>
              p.thumbnail ? (
                <li key={p.index}>
                  <img
                    src={p.thumbnail}
                    alt={t('selfService.documents.page', { n: p.index + 1 })}
                  />
                </li>
              ) : null,
            )}
          </ul>
        </div>
      )}
      {component.required && device === null && (
        <p className="hint">{t('selfService.documents.requiredMissing', { counter })}</p>
      )}
      <div className="answer-buttons">
        {device !== null && (
          <button
            type="button"
            className={scan?.pdf ? 'big' : 'primary big'}
            disabled={scanning}
            onClick={() => void start()}
          >
            {scan?.pdf ? t('selfService.documents.rescan') : t('selfService.documents.scan')}
          </button>
        )}
        {scan?.pdf && !scanning && (
          <button type="button" className="primary big" onClick={onNext}>
            {t('selfService.next')}
          </button>
        )}
        {!component.required && !scan?.pdf && !scanning && (
          <button type="button" className="big" onClick={onSkip}>
            {t('selfService.documents.notNeeded')}
          </button>
        )}
      </div>
    </>
  );
}
