import { join } from 'node:path';
import pino, { type Logger, type LoggerOptions } from 'pino';
import { redact, redactString } from './redact';

export type { Logger } from 'pino';

export interface LogSettings {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly maxFiles: number;
  readonly maxFileSizeMb: number;
}

/** pino options with the personal-data rule applied to every field and message. */
export function loggerOptions(level: LogSettings['level']): LoggerOptions {
  return {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      log: (object) => redact(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const redacted = args.map((arg: unknown) =>
          typeof arg === 'string' ? redactString(arg) : arg,
        );
        method.apply(this, redacted as Parameters<typeof method>);
      },
    },
  };
}

/**
 * One logger per process, writing to a rotating file (pino-roll, in a worker
 * thread) in `<dataDir>/logs`, keeping at most `maxFiles` files. `stem`
 * names the files: the core's own process writes `core.*.log` beside the
 * shell's `kiosk.*.log`, so two processes never rotate the same file.
 */
export function createLogger(dataDir: string, settings: LogSettings, stem = 'kiosk'): Logger {
  const transport = pino.transport({
    target: 'pino-roll',
    options: {
      file: join(dataDir, 'logs', stem),
      extension: '.log',
      frequency: 'daily',
      size: `${settings.maxFileSizeMb}m`,
      mkdir: true,
      limit: { count: settings.maxFiles },
    },
  });
  return pino(loggerOptions(settings.level), transport);
}

/** A logger that drops everything, for tools that must print nothing extra. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
