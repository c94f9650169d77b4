/**
 * The command line of `kiosk sync`, parsed and validated apart from the run so
 * every refusal (and the help text) is testable without a store or a portal.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultBackoff } from '../../services/sync/backoff';
import { DEFAULT_CREATE_SETTLE_MS } from '../../services/sync/create-in-doubt';

export interface SyncOptions {
  readonly help: boolean;
  readonly untilEmpty: boolean;
  readonly concurrency: number;
  readonly maxBackoffMs: number;
  readonly createSettleMs: number;
}

interface Text {
  readonly vi: string;
  readonly en: string;
}

export type SyncOptionsResult =
  { readonly ok: true; readonly value: SyncOptions } | { readonly ok: false; readonly error: Text };

const Concurrency = z.coerce.number().int().min(1).max(32);
const MaxBackoffSeconds = z.coerce.number().min(1).max(3600);
/*
 * Ten minutes at most: a portal still holding a create after that is treated
 * as one that never committed it. 0 turns the wait off, so a create committed
 * late meets a second create (refused as a duplicate, then sent as an update).
 */
const SettleSeconds = z.coerce.number().min(0).max(600);

export const SYNC_USAGE: Text = {
  vi: [
    'Cách dùng: kiosk sync [--until-empty] [--concurrency N] [--max-backoff GIÂY] [--settle GIÂY]',
    '  --until-empty      chạy đến khi hàng đợi trống (mặc định: thử một lượt các hồ sơ đến hạn)',
    '  --concurrency N    số hồ sơ gửi song song, từ 1 đến 32 (mặc định 4)',
    `  --max-backoff GIÂY thời gian chờ dài nhất giữa hai lần thử, từ 1 đến 3600 (mặc định ${defaultBackoff.maxMs / 1000})`,
    `  --settle GIÂY      sau một lần gửi tạo mới không nhận được trả lời, chờ bấy nhiêu giây rồi tra cứu lại trước khi gửi tiếp, từ 0 đến 600 (mặc định ${DEFAULT_CREATE_SETTLE_MS / 1000})`,
  ].join('\n'),
  en: [
    'Usage: kiosk sync [--until-empty] [--concurrency N] [--max-backoff SECONDS] [--settle SECONDS]',
    '  --until-empty      run until the queue is empty (default: try each due dossier once)',
    '  --concurrency N    dossiers sent in parallel, 1 to 32 (default 4)',
    `  --max-backoff S    longest wait between two tries, 1 to 3600 seconds (default ${defaultBackoff.maxMs / 1000})`,
    `  --settle S         after a create whose answer was lost, wait this long and look the dossier up again before another create, 0 to 600 seconds (default ${DEFAULT_CREATE_SETTLE_MS / 1000})`,
  ].join('\n'),
};

export function parseSyncOptions(args: readonly string[]): SyncOptionsResult {
  let values: {
    help?: boolean;
    'until-empty'?: boolean;
    concurrency?: string;
    'max-backoff'?: string;
    settle?: string;
  };
  try {
    values = parseArgs({
      args: [...args],
      options: {
        help: { type: 'boolean' },
        'until-empty': { type: 'boolean' },
        concurrency: { type: 'string' },
        'max-backoff': { type: 'string' },
        settle: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { vi: message, en: message } };
  }
  const concurrency = Concurrency.safeParse(values.concurrency ?? '4');
  if (!concurrency.success) {
    return refuse(
      '--concurrency phải là số từ 1 đến 32.',
      '--concurrency must be a number from 1 to 32.',
    );
  }
  const maxBackoff = MaxBackoffSeconds.safeParse(
    values['max-backoff'] ?? defaultBackoff.maxMs / 1000,
  );
  if (!maxBackoff.success) {
    return refuse(
      '--max-backoff phải là số giây từ 1 đến 3600.',
      '--max-backoff must be 1 to 3600 seconds.',
    );
  }
  // An empty or blank value would coerce to 0 and silently turn the wait off.
  const settleRaw = values.settle ?? String(DEFAULT_CREATE_SETTLE_MS / 1000);
  const settle = SettleSeconds.safeParse(settleRaw.trim() === '' ? 'x' : settleRaw);
  if (!settle.success) {
    return refuse('--settle phải là số giây từ 0 đến 600.', '--settle must be 0 to 600 seconds.');
  }
  return {
    ok: true,
    value: {
      help: values.help ?? false,
      untilEmpty: values['until-empty'] ?? false,
      concurrency: concurrency.data,
      maxBackoffMs: maxBackoff.data * 1000,
      createSettleMs: Math.round(settle.data * 1000),
    },
  };
}

function refuse(vi: string, en: string): SyncOptionsResult {
  return { ok: false, error: { vi, en } };
}
