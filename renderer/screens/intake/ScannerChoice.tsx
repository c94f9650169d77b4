import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import type { ScanDevice } from '../../../electron/api/contract/scan';
import type { ApiResult } from '../../../electron/api/errors';
import { errorMessages } from '../../../electron/api/error-messages';
import { useKiosk } from '../../api/KioskContext';

type Source = NonNullable<ScanDevice['capabilities']['sources']>[number];

/** The scanner and how to feed it, as scan.start takes them. */
export interface ScanSettings {
  readonly device: string;
  readonly source: Source | undefined;
  readonly resolution: number | undefined;
  readonly maxPages: number | undefined;
}

/** Paper dossiers are text: 300 dpi is what OCR and the archive want. */
const DOCUMENT_DPI = 300;

/** 300 dpi when the device offers it, else the offered value nearest to it. */
function documentResolution(device: ScanDevice): number | undefined {
  const offered = device.capabilities.resolutions;
  if (offered === undefined) return undefined;
  if (Array.isArray(offered)) {
    return [...offered].sort((a, b) => Math.abs(a - DOCUMENT_DPI) - Math.abs(b - DOCUMENT_DPI))[0];
  }
  return Math.min(Math.max(DOCUMENT_DPI, offered.min), offered.max);
}

interface ScannerChoiceProps {
  readonly devices: readonly ScanDevice[];
  readonly onDevices: (devices: readonly ScanDevice[]) => void;
  readonly settings: ScanSettings | undefined;
  readonly onSettings: (settings: ScanSettings | undefined) => void;
}

function defaults(device: ScanDevice): ScanSettings {
  const sources = device.capabilities.sources ?? [];
  // Dossiers are stacks of sheets: the feeder first when there is one.
  const source = sources.includes('adf') ? 'adf' : sources[0];
  return { device: device.id, source, resolution: documentResolution(device), maxPages: undefined };
}

/** Lists every backend's scanners (scan.devices) and keeps the clerk's choice. */
export function ScannerChoice({ devices, onDevices, settings, onSettings }: ScannerChoiceProps) {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const [error, setError] = useState<string | undefined>(undefined);

  const apply = useCallback(
    (answer: ApiResult<Result<'scan.devices'>>) => {
      if (!answer.ok) {
        const message = errorMessages[answer.error.code];
        setError(i18n.language === 'en' ? message.en : message.vi);
        return;
      }
      setError(undefined);
      const list = answer.value.devices.filter((d) => d.backend !== 'import');
      onDevices(list);
      const ready = list.find((d) => d.status === 'ready');
      onSettings(ready ? defaults(ready) : undefined);
    },
    [i18n.language, onDevices, onSettings],
  );
  const load = (refresh: boolean) => api.scan.devices({ refresh }).then(apply);

  useEffect(() => {
    let live = true;
    void api.scan.devices({ refresh: false }).then((answer) => {
      if (live) apply(answer);
    });
    return () => {
      live = false;
    };
  }, [api, apply]);

  const device = devices.find((d) => d.id === settings?.device);
  return (
    <fieldset className="scanner-choice">
      <legend>{t('intake.components.scanner')}</legend>
      {devices.length === 0 && <p className="hint">{t('intake.components.noScanner')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {devices.length > 0 && (
        <label>
          {t('intake.components.scanner')}
          <select
            name="scanner"
            value={settings?.device ?? ''}
            onChange={(event) => {
              const chosen = devices.find((d) => d.id === event.target.value);
              onSettings(chosen ? defaults(chosen) : undefined);
            }}
          >
            {devices.map((d) => (
              <option key={d.id} value={d.id} disabled={d.status !== 'ready'}>
                {d.name}
                {d.problem ? ` (${d.problem})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {settings && (device?.capabilities.sources?.length ?? 0) > 0 && (
        <label>
          {t('intake.components.source')}
          <select
            name="scan-source"
            value={settings.source ?? ''}
            onChange={(event) => {
              const source = device?.capabilities.sources?.find((s) => s === event.target.value);
              onSettings({ ...settings, source });
            }}
          >
            {device?.capabilities.sources?.map((s) => (
              <option key={s} value={s}>
                {t(`intake.components.sources.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {settings && (
        <label>
          {t('intake.components.maxPages')}
          <input
            name="scan-max-pages"
            inputMode="numeric"
            autoComplete="off"
            value={settings.maxPages ?? ''}
            onChange={(event) => {
              const n = Number.parseInt(event.target.value.replace(/\D/g, ''), 10);
              onSettings({ ...settings, maxPages: n >= 1 && n <= 500 ? n : undefined });
            }}
          />
        </label>
      )}
      <button type="button" onClick={() => void load(true)}>
        {t('intake.components.refresh')}
      </button>
    </fieldset>
  );
}
