/** What every subcommand gets: output in the user's language, JSON mode, exit codes. */

export type Locale = 'vi' | 'en';

/** Exit codes with a meaning IT staff can script against. */
export const ExitCode = {
  ok: 0,
  /** A check or operation failed; the output says what to fix. */
  failed: 1,
  /** The command line was wrong. */
  usage: 2,
  /** A device or peer (pcscd, scanner, portal) was not reachable. */
  unavailable: 3,
  /** Input data was invalid (file, MRZ, QR text). */
  badInput: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliIo {
  readonly locale: Locale;
  readonly json: boolean;
  /** Picks the Vietnamese or English text by locale. */
  t(vi: string, en: string): string;
  /** A human line (suppressed in --json mode). */
  line(text: string): void;
  /** The machine-readable result (printed only in --json mode). */
  result(value: unknown): void;
  /** Progress or errors, always on stderr. */
  error(text: string): void;
}

export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const raw = env.KIOSK_LOCALE ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return raw.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function createCliIo(options: { locale: Locale; json: boolean }): CliIo {
  return {
    locale: options.locale,
    json: options.json,
    t: (vi, en) => (options.locale === 'vi' ? vi : en),
    line: (text) => {
      if (!options.json) process.stdout.write(`${text}\n`);
    },
    result: (value) => {
      if (options.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    error: (text) => process.stderr.write(`${text}\n`),
  };
}
