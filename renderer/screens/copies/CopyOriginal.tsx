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

/**
 * An original is shown, not handed over: it goes on the glass (a bound or
 * sealed paper must not go through a feeder), so the flatbed is chosen when
 * the device has one; the clerk can still pick the feeder afterwards.
 */
function flatbedFirst(
  next: ScanSettings,
  previous: ScanSettings | undefined,
  devices: readonly ScanDevice[],
): ScanSettings {
  // Only when a device is (re)chosen: a feeder the clerk picks stays picked.
  if (previous?.device === next.device) return next;
  const device = devices.find((d) => d.id === next.device);
  const hasFlatbed = device?.capabilities.sources?.includes('flatbed') ?? false;
  return hasFlatbed && next.source === 'adf' ? { ...next, source: 'flatbed' } : next;
}

/** The original's parts in order: one per scan or import (a flatbed gives one sheet a scan). */
export type OriginalParts = readonly (ComponentJob | undefined)[];

interface CopyOriginalProps {
  readonly parts: OriginalParts;
  readonly onParts: (parts: OriginalParts) => void;
}

/**
 * Step 1: the original, scanned on the flatbed in colour (seals and
 * signatures keep their colour) sheet by sheet, or imported; each part's
 * pages shown with the intake's page strip, to reorder or drop a page
 * scanned twice.
 */
export function CopyOriginal({ parts, onParts }: CopyOriginalProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [settings, setSettings] = useState<ScanSettings | undefined>(undefined);
  const [devices, setDevices] = useState<readonly ScanDevice[]>([]);
  const [busy, setBusy] = useState<{ part: number; row: RowBusy } | undefined>(undefined);
  const [error, setError] = useState<{ part: number; text: string } | undefined>(undefined);
  const scanning = useRef(false);
  const listed = useRef<readonly ScanDevice[]>([]);
  // Stable callbacks: ScannerChoice asks for the device list again whenever they change.
  const onDevices = useCallback((list: readonly ScanDevice[]) => {
    // The list arrives just before the default settings, in the same event.
    listed.current = list;
    setDevices(list);
  }, []);
  const onSettings = useCallback((next: ScanSettings | undefined) => {
    setSettings((previous) => next && flatbedFirst(next, previous, listed.current));
  }, []);
  const componentOf = (part: number): ProcedureComponent => ({
    code: `BAN_CHINH_${String(part + 1)}`,
    name: t('copies.originalPart', { n: part + 1 }),
    required: part === 0,
    originals: 1,
    copies: 0,
    formName: null,
  });

  useEffect(
    () =>
      api.on('scan.page', (page: ScanPage) => {
        if (!scanning.current) return;
        setBusy((b) =>
          b?.row.kind === 'scan' ? { ...b, row: { ...b.row, pages: [...b.row.pages, page] } } : b,
        );
      }),
    [api],
  );
  useEffect(
    () =>
      api.on('scan.progress', (p) => {
        if (!scanning.current) return;
        setBusy((b) =>
          b?.row.kind === 'scan' ? { ...b, row: { ...b.row, done: p.pagesDone } } : b,
        );
      }),
    [api],
  );

  const setPart = useCallback(
    (part: number, next: ComponentJob | undefined) => {
      const old = parts[part];
      if (old && old.jobId !== next?.jobId) void api.component.discard({ jobId: old.jobId });
      const list = parts.map((p, i) => (i === part ? next : p));
      // A removed part leaves no empty row behind, except the first.
      onParts(next === undefined && list.length > 1 ? list.filter((_, i) => i !== part) : list);
    },
    [api, parts, onParts],
  );

  const scan = async (part: number) => {
    if (!settings) return;
    setError(undefined);
    setBusy({ part, row: { kind: 'scan', pages: [], done: 0 } });
    scanning.current = true;
    const answer = await api.scan.start({
      device: settings.device,
      ...(settings.source ? { source: settings.source } : {}),
      ...(settings.resolution ? { resolution: Math.round(settings.resolution) } : {}),
      ...(settings.maxPages ? { maxPages: settings.maxPages } : {}),
      mode: 'color',
      profile: 'color',
      removeBlank: false,
      component: componentOf(part).name,
    });
    scanning.current = false;
    setBusy(undefined);
    if (answer.ok) setPart(part, jobFromResult(answer.value));
    else setError({ part, text: errorText(answer.error) });
  };

  const importFile = async (part: number, file: File) => {
    const mime = MIMES.find((m) => m === file.type);
    if (!mime) {
      setError({ part, text: errorText({ code: 'SCAN_BAD_FILE', message: '' }) });
      return;
    }
    setError(undefined);
    setBusy({ part, row: { kind: 'import' } });
    const answer = await importComponentFile(api, file, componentOf(part).name, mime);
    setBusy(undefined);
    if (answer.ok) setPart(part, jobFromResult(answer.value));
    else setError({ part, text: errorText(answer.error) });
  };

  return (
    <section className="intake-step" aria-labelledby="copy-original">
      <h2 id="copy-original">{t('copies.originalStep')}</h2>
      <p className="hint">{t('copies.colourNote')}</p>
      <ScannerChoice
        devices={devices}
        onDevices={onDevices}
        settings={settings}
        onSettings={onSettings}
      />
      <ul className="component-rows">
        {parts.map((job, part) => (
          <ComponentRow
            key={job?.jobId ?? `empty-${String(part)}`}
            component={componentOf(part)}
            job={job}
            ocr={undefined}
            busy={busy?.part === part ? busy.row : undefined}
            locked={busy !== undefined && busy.part !== part}
            canScan={settings !== undefined}
            error={error?.part === part ? error.text : undefined}
            onScan={() => void scan(part)}
            onCancel={() => void api.scan.cancel()}
            onImport={(file) => void importFile(part, file)}
            onJob={(next) => {
              setPart(part, next);
            }}
            plain
          />
        ))}
      </ul>
      {parts.every((p) => p !== undefined) && (
        <button
          type="button"
          disabled={busy !== undefined}
          onClick={() => {
            onParts([...parts, undefined]);
          }}
        >
          {t('copies.addPart')}
        </button>
      )}
    </section>
  );
}
