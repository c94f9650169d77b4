import type {
  ColourMode,
  ResolutionRange,
  ScanArea,
  ScannerCapabilities,
  ScanSource,
} from '../scanner';

/** One option line of `scanimage -d DEV -A`, e.g. `    --resolution 1..1200dpi (in steps of 1) [300]`. */
export interface SaneOption {
  /** As typed on the command line: `--mode`, `-x`. */
  readonly flag: string;
  /** Word-list constraint (`Gray|Color`), without the unit. */
  readonly values?: readonly string[];
  readonly range?: ResolutionRange;
  /** `dpi`, `mm`, `us`, `pel`, … when the constraint has one. */
  readonly unit?: string;
  /** The bracketed current value; `inactive` options cannot be set now. */
  readonly current: string;
  readonly inactive: boolean;
}

/** The raw strings a device uses for the abstract settings, to send back unchanged. */
export interface SaneDeviceOptions {
  readonly options: ReadonlyMap<string, SaneOption>;
  readonly capabilities: ScannerCapabilities;
  /** Abstract source → the device's own value (`adf` → `Automatic Document Feeder`). */
  readonly sourceValues: ReadonlyMap<ScanSource, string>;
  readonly modeValues: ReadonlyMap<ColourMode, string>;
}

// `    --name[=(yes|no)] CONSTRAINT [CURRENT]` or `    -x 0..200mm (in steps of 1) [80]`
const optionLine = /^ {4}(--?[A-Za-z0-9][\w-]*)(?:\[=\([^)]*\)\])?(?: (.*?))? \[([^\]]*)\]$/;
const rangeText = /^(-?[\d.]+)\.\.(-?[\d.]+)([a-z%]*)(?:,\.\.\.)?(?: \(in steps of ([\d.]+)\))?$/;

function parseConstraint(text: string): Pick<SaneOption, 'values' | 'range' | 'unit'> {
  const range = rangeText.exec(text);
  if (range) {
    const [, min = '0', max = '0', unit = '', step] = range;
    return {
      range: { min: Number(min), max: Number(max), step: step === undefined ? 1 : Number(step) },
      ...(unit === '' ? {} : { unit }),
    };
  }
  if (text.includes('|') || /^[\w ]+$/.test(text)) {
    const parts = text.split('|');
    const last = parts.at(-1) ?? '';
    // A unit is glued to the last entry of a numeric list: `75|150|300dpi`.
    const unitMatch = /^(-?[\d.]+)([a-z%]+)$/.exec(last);
    if (unitMatch && parts.slice(0, -1).every((p) => /^-?[\d.]+$/.test(p))) {
      return { values: [...parts.slice(0, -1), unitMatch[1] ?? last], unit: unitMatch[2] ?? '' };
    }
    return { values: parts };
  }
  return {};
}

/** Parses the option lines of `scanimage -A`; descriptions and group titles are skipped. */
export function parseSaneOptions(output: string): Map<string, SaneOption> {
  const options = new Map<string, SaneOption>();
  for (const line of output.split('\n')) {
    const match = optionLine.exec(line.trimEnd());
    if (!match) continue;
    const [, flag = '', constraint = '', current = ''] = match;
    options.set(flag, {
      flag,
      ...parseConstraint(constraint.trim()),
      current,
      inactive: current === 'inactive',
    });
  }
  return options;
}

function sourceOf(value: string): ScanSource | undefined {
  const v = value.toLowerCase();
  if (v.includes('duplex')) return 'adf-duplex';
  if (v.includes('adf') || v.includes('feeder')) return 'adf';
  if (v.includes('flatbed') || v.includes('normal') || v.includes('glass')) return 'flatbed';
  return undefined;
}

function modeOf(value: string): ColourMode | undefined {
  const v = value.toLowerCase();
  if (v.includes('color') || v.includes('colour') || v === 'rgb') return 'color';
  if (v.includes('gray') || v.includes('grey')) return 'gray';
  if (
    v.includes('lineart') ||
    v.includes('binary') ||
    v.includes('black') ||
    v.includes('monochrome')
  )
    return 'bitonal';
  return undefined;
}

/** The first device value per abstract setting, so `Gray` wins over a later `True Gray`. */
function mapValues<K>(
  values: readonly string[] | undefined,
  classify: (v: string) => K | undefined,
): Map<K, string> {
  const map = new Map<K, string>();
  for (const value of values ?? []) {
    const key = classify(value);
    if (key !== undefined && !map.has(key)) map.set(key, value);
  }
  return map;
}

function maxAreaOf(options: ReadonlyMap<string, SaneOption>): ScanArea | undefined {
  const x = options.get('-x')?.range;
  const y = options.get('-y')?.range;
  return x && y ? { widthMm: x.max, heightMm: y.max } : undefined;
}

/**
 * Capabilities from a parsed option set. Every capability is optional: a
 * driver without `--source` or `-x` simply has none, and a scan never sends
 * an option the device did not list.
 */
export function saneDeviceOptions(options: ReadonlyMap<string, SaneOption>): SaneDeviceOptions {
  const sourceValues = mapValues(options.get('--source')?.values, sourceOf);
  const modeValues = mapValues(options.get('--mode')?.values, modeOf);
  const resolution = options.get('--resolution') ?? options.get('--x-resolution');
  const resolutions =
    resolution?.range ?? resolution?.values?.map(Number).filter((n) => Number.isFinite(n) && n > 0);
  const maxArea = maxAreaOf(options);
  const sources = [...sourceValues.keys()];
  const capabilities: ScannerCapabilities = {
    ...(sources.length > 0 ? { sources } : {}),
    ...(resolutions === undefined ? {} : { resolutions }),
    ...(modeValues.size > 0 ? { modes: [...modeValues.keys()] } : {}),
    ...(maxArea ? { maxArea } : {}),
    ...(sources.length > 0 ? { duplex: sourceValues.has('adf-duplex') } : {}),
  };
  return { options, capabilities, sourceValues, modeValues };
}
