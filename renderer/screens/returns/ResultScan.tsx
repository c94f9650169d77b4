import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanDevice } from '../../../electron/api/contract/scan';
import { useKiosk } from '../../api/KioskContext';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { initialOrder } from '../intake/page-order';
import { ScannerChoice, type ScanSettings } from '../intake/ScannerChoice';
import type { ResultFile } from './return-draft';

interface ResultScanProps {
  readonly onScanned: (file: ResultFile) => void;
}

/**
 * Scanning a paper result at the counter with the same scanner choice and
 * scan service as intake. Only the job's id and kept pages are held here;
 * the core builds the searchable PDF (OCR text layer) when the result is
 * returned, and signs it then.
 */
export function ResultScan({ onScanned }: ResultScanProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [settings, setSettings] = useState<ScanSettings | undefined>(undefined);
  const [devices, setDevices] = useState<readonly ScanDevice[]>([]);
  const [pagesSeen, setPagesSeen] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const scanning = useRef(false);

  useEffect(
    () =>
      api.on('scan.page', () => {
        if (scanning.current) setPagesSeen((n) => (n ?? 0) + 1);
      }),
    [api],
  );

  const scan = async () => {
    if (!settings) return;
    setError(undefined);
    setPagesSeen(0);
    scanning.current = true;
    const answer = await api.scan.start({
      device: settings.device,
      ...(settings.source ? { source: settings.source } : {}),
      ...(settings.resolution ? { resolution: Math.round(settings.resolution) } : {}),
      ...(settings.maxPages ? { maxPages: settings.maxPages } : {}),
      component: t('returns.resultNameDefault'),
    });
    scanning.current = false;
    setPagesSeen(undefined);
    if (!answer.ok) {
      setError(errorText(answer.error));
      return;
    }
    const pages = initialOrder(answer.value.pages);
    if (pages.length === 0) {
      // Only blank sheets came through: nothing to return, and nothing kept in the core.
      void api.component.discard({ jobId: answer.value.jobId });
      setError(t('returns.scanBlank'));
      return;
    }
    onScanned({
      name: t('returns.resultNameDefault'),
      fileName: t('returns.scannedFile', { count: pages.length }),
      scanJobId: answer.value.jobId,
      pages,
    });
  };

  const busy = pagesSeen !== undefined;
  return (
    <div className="result-scan">
      <ScannerChoice
        devices={devices}
        onDevices={setDevices}
        settings={settings}
        onSettings={setSettings}
      />
      {busy ? (
        <p role="status" className="progress">
          {t('returns.scanning', { count: pagesSeen })} <progress />
          <button type="button" onClick={() => void api.scan.cancel()}>
            {t('intake.components.cancel')}
          </button>
        </p>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={settings === undefined}
          onClick={() => void scan()}
        >
          {t('returns.scanResult')}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
