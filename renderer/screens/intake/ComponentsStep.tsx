import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureComponent } from '../../../electron/api/contract/procedure';
import type { ScanDevice } from '../../../electron/api/contract/scan';
import type { ApiError } from '../../../electron/api/errors';
import { errorMessages } from '../../../electron/api/error-messages';
import { importComponentFile } from '../../api/import-file';
import { useKiosk } from '../../api/KioskContext';
import {
  jobFromResult,
  type ComponentJob,
  type ComponentJobs,
  type OcrStates,
  type ScanPage,
} from './component-draft';
import { ComponentRow, type RowBusy } from './ComponentRow';
import { ScannerChoice, type ScanSettings } from './ScannerChoice';

interface ComponentsStepProps {
  readonly components: readonly ProcedureComponent[];
  readonly jobs: ComponentJobs;
  readonly ocr: OcrStates;
  readonly onJob: (code: string, job: ComponentJob | undefined) => void;
  readonly onNext: () => void;
}

const MIMES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/**
 * Step 4: each document of the procedure, scanned (pages arrive one by one
 * with thumbnails and OCR state) or imported from a file; pages can be
 * reordered or deleted. A rescan forgets the old job once the new one is in.
 */
export function ComponentsStep({ components, jobs, ocr, onJob, onNext }: ComponentsStepProps) {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const [settings, setSettings] = useState<ScanSettings | undefined>(undefined);
  const [devices, setDevices] = useState<readonly ScanDevice[]>([]);
  const [busy, setBusy] = useState<{ code: string; row: RowBusy } | undefined>(undefined);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [tried, setTried] = useState(false);
  const scanning = useRef(false);

  const say = useCallback(
    (error: ApiError) => {
      const message = errorMessages[error.code];
      return i18n.language === 'en' ? message.en : message.vi;
    },
    [i18n.language],
  );

  useEffect(
    () =>
      api.on('scan.progress', (progress) => {
        if (!scanning.current) return;
        setBusy((current) =>
          current?.row.kind === 'scan'
            ? {
                ...current,
                row: {
                  ...current.row,
                  done: progress.pagesDone,
                  ...(progress.pagesTotal === undefined ? {} : { total: progress.pagesTotal }),
                },
              }
            : current,
        );
      }),
    [api],
  );

  useEffect(
    () =>
      api.on('scan.page', (page: ScanPage) => {
        if (!scanning.current) return;
        setBusy((current) =>
          current?.row.kind === 'scan'
            ? { ...current, row: { ...current.row, pages: [...current.row.pages, page] } }
            : current,
        );
      }),
    [api],
  );

  const replace = (code: string, job: ComponentJob) => {
    const old = jobs[code];
    onJob(code, job);
    if (old) void api.component.discard({ jobId: old.jobId });
  };

  const scan = async (component: ProcedureComponent) => {
    if (!settings) return;
    setErrors((e) => ({ ...e, [component.code]: '' }));
    setBusy({ code: component.code, row: { kind: 'scan', pages: [], done: 0 } });
    scanning.current = true;
    const answer = await api.scan.start({
      device: settings.device,
      ...(settings.source ? { source: settings.source } : {}),
      ...(settings.resolution ? { resolution: Math.round(settings.resolution) } : {}),
      ...(settings.maxPages ? { maxPages: settings.maxPages } : {}),
      component: component.name,
    });
    scanning.current = false;
    setBusy(undefined);
    if (answer.ok) replace(component.code, jobFromResult(answer.value));
    else setErrors((e) => ({ ...e, [component.code]: say(answer.error) }));
  };

  const importFile = async (component: ProcedureComponent, file: File) => {
    const mime = MIMES.find((m) => m === file.type);
    if (!mime) {
      setErrors((e) => ({ ...e, [component.code]: say({ code: 'SCAN_BAD_FILE', message: '' }) }));
      return;
    }
    setErrors((e) => ({ ...e, [component.code]: '' }));
    setBusy({ code: component.code, row: { kind: 'import' } });
    const answer = await importComponentFile(api, file, component.name, mime);
    setBusy(undefined);
    if (answer.ok) replace(component.code, jobFromResult(answer.value));
    else setErrors((e) => ({ ...e, [component.code]: say(answer.error) }));
  };

  const missing = components.filter((c) => c.required && !(jobs[c.code]?.order.length ?? 0));
  return (
    <section className="intake-step components-step" aria-labelledby="step-title">
      <h2 id="step-title">{t('intake.steps.components')}</h2>
      <ScannerChoice
        devices={devices}
        onDevices={setDevices}
        settings={settings}
        onSettings={setSettings}
      />
      <ul className="component-rows">
        {components.map((component) => {
          const job = jobs[component.code];
          const row = busy?.code === component.code ? busy.row : undefined;
          const liveJob = row?.kind === 'scan' ? row.pages[0]?.jobId : undefined;
          const jobOcr = ocr[liveJob ?? job?.jobId ?? ''];
          return (
            <ComponentRow
              key={component.code}
              component={component}
              job={job}
              ocr={jobOcr}
              busy={row}
              locked={busy !== undefined && busy.code !== component.code}
              canScan={settings !== undefined}
              error={errors[component.code] === '' ? undefined : errors[component.code]}
              onScan={() => void scan(component)}
              onCancel={() => void api.scan.cancel()}
              onImport={(file) => void importFile(component, file)}
              onJob={(next) => {
                if (next) onJob(component.code, next);
                else {
                  onJob(component.code, undefined);
                  if (job) void api.component.discard({ jobId: job.jobId });
                }
              }}
            />
          );
        })}
      </ul>
      {tried && missing.length > 0 && (
        <p role="alert" className="error">
          {t('intake.components.missing', { names: missing.map((c) => c.name).join('; ') })}
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={busy !== undefined}
        onClick={() => {
          setTried(true);
          if (missing.length === 0) onNext();
        }}
      >
        {t('intake.next')}
      </button>
    </section>
  );
}
