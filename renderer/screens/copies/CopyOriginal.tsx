import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureComponent } from '../../../electron/api/contract/procedure';
import type { ScanDevice } from '../../../electron/api/contract/scan';
import { importComponentFile } from '../../api/import-file';
import { useKiosk } from '../../api/KioskContext';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { jobFromResult, type ComponentJob, type ScanPage } from '../intake/component-draft';
import { ComponentRow, type RowBusy } from '../intake/ComponentRow';
import { ScannerChoice, type ScanSettings } from '../intake/ScannerChoice';

const MIMES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

interface CopyOriginalProps {
  readonly job: ComponentJob | undefined;
  readonly onJob: (job: ComponentJob | undefined) => void;
}

/**
 * Step 1: the original, scanned on the flatbed in colour (seals and
 * signatures keep their colour) or imported; its pages shown with the
 * intake's page strip, to reorder or drop a page scanned twice.
 */
export function CopyOriginal({ job, onJob }: CopyOriginalProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [settings, setSettings] = useState<ScanSettings | undefined>(undefined);
  const [devices, setDevices] = useState<readonly ScanDevice[]>([]);
  const [busy, setBusy] = useState<RowBusy | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const scanning = useRef(false);
  const component: ProcedureComponent = {
    code: 'BAN_CHINH',
    name: t('copies.originalName'),
    required: true,
    originals: 1,
    copies: 0,
    formName: null,
  };

  useEffect(
    () =>
      api.on('scan.page', (page: ScanPage) => {
        if (!scanning.current) return;
        setBusy((b) => (b?.kind === 'scan' ? { ...b, pages: [...b.pages, page] } : b));
      }),
    [api],
  );
  useEffect(
    () =>
      api.on('scan.progress', (p) => {
        if (!scanning.current) return;
        setBusy((b) => (b?.kind === 'scan' ? { ...b, done: p.pagesDone } : b));
      }),
    [api],
  );

  const replace = useCallback(
    (next: ComponentJob) => {
      if (job) void api.component.discard({ jobId: job.jobId });
      onJob(next);
    },
    [api, job, onJob],
  );

  const scan = async () => {
    if (!settings) return;
    setError(undefined);
    setBusy({ kind: 'scan', pages: [], done: 0 });
    scanning.current = true;
    const device = devices.find((d) => d.id === settings.device);
    const flatbed = device?.capabilities.sources?.includes('flatbed') ?? false;
    const answer = await api.scan.start({
      device: settings.device,
      ...(flatbed
        ? { source: 'flatbed' as const }
        : settings.source
          ? { source: settings.source }
          : {}),
      ...(settings.resolution ? { resolution: Math.round(settings.resolution) } : {}),
      ...(settings.maxPages ? { maxPages: settings.maxPages } : {}),
      mode: 'color',
      profile: 'color',
      removeBlank: false,
      component: component.name,
    });
    scanning.current = false;
    setBusy(undefined);
    if (answer.ok) replace(jobFromResult(answer.value));
    else setError(errorText(answer.error));
  };

  const importFile = async (file: File) => {
    const mime = MIMES.find((m) => m === file.type);
    if (!mime) {
      setError(errorText({ code: 'SCAN_BAD_FILE', message: '' }));
      return;
    }
    setError(undefined);
    setBusy({ kind: 'import' });
    const answer = await importComponentFile(api, file, component.name, mime);
    setBusy(undefined);
    if (answer.ok) replace(jobFromResult(answer.value));
    else setError(errorText(answer.error));
  };

  return (
    <section className="intake-step" aria-labelledby="copy-original">
      <h2 id="copy-original">{t('copies.originalStep')}</h2>
      <p className="hint">{t('copies.colourNote')}</p>
      <ScannerChoice
        devices={devices}
        onDevices={setDevices}
        settings={settings}
        onSettings={setSettings}
      />
      <ul className="component-rows">
        <ComponentRow
          component={component}
          job={job}
          ocr={undefined}
          busy={busy}
          locked={false}
          canScan={settings !== undefined}
          error={error}
          onScan={() => void scan()}
          onCancel={() => void api.scan.cancel()}
          onImport={(file) => void importFile(file)}
          onJob={(next) => {
            if (next) onJob(next);
            else {
              if (job) void api.component.discard({ jobId: job.jobId });
              onJob(undefined);
            }
          }}
        />
      </ul>
    </section>
  );
}
