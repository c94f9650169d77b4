/**
 * Dossier codes (mã hồ sơ): `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` — the
 * receiving agency's code, the day received (Asia/Ho_Chi_Minh) and that day's
 * sequence number (Circular 01/2018/TT-VPCP Art. 19).
 *
 * Uniqueness without a network. Several kiosks of one agency allocate offline,
 * and the agency's back-office may allocate too. Each kiosk is provisioned
 * with a code block `slot/slots[@first-last]`:
 *   - the agency reserves the sequence range first..last (default 1..9999) for
 *     its kiosks; the back-office keeps numbers outside it;
 *   - kiosk `slot` (0-based) of `slots` takes only the numbers
 *     s = first + slot + slots·i (i = 0, 1, 2…) with s <= last, i.e. s ≡ first+slot (mod slots).
 * Two kiosks with different slots can never produce the same number on the
 * same day, so they never collide, whatever the order or the network. The cost
 * is capacity: each kiosk gets about (last-first+1)/slots numbers a day (for
 * 4 kiosks on 1..9999, 2,499 each), and codes are not dense across kiosks.
 *
 * The last number issued per (agency, day) is persisted in `code_counters`
 * and advanced in the same transaction that inserts the dossier, so a crash
 * never reuses a number and a rolled-back save never leaves a gap. A number
 * already taken by an imported dossier is skipped.
 */
import type Database from 'better-sqlite3';
import { AGENCY_CODE_PATTERN } from '../portal-contract/dong-bo-ho-so';
import { localDayYYMMDD } from '../portal-contract/portal-time';
import { StoreError } from './store-error';

export interface CodeBlock {
  readonly slot: number;
  readonly slots: number;
  readonly first: number;
  readonly last: number;
}

export const SINGLE_KIOSK: CodeBlock = { slot: 0, slots: 1, first: 1, last: 9999 };

/** `"1/4"` or `"1/4@5000-9999"` -> a code block; throws on anything else. */
export function parseCodeBlock(text: string): CodeBlock {
  const m = /^(\d+)\/(\d+)(?:@(\d+)-(\d+))?$/.exec(text.trim());
  const block: CodeBlock | undefined = m
    ? {
        slot: Number(m[1]),
        slots: Number(m[2]),
        first: m[3] === undefined ? 1 : Number(m[3]),
        last: m[4] === undefined ? 9999 : Number(m[4]),
      }
    : undefined;
  if (
    !block ||
    block.slots < 1 ||
    block.slot >= block.slots ||
    block.first < 1 ||
    block.last > 9999 ||
    block.first + block.slot > block.last
  ) {
    throw new StoreError(
      'CONFIG_INVALID',
      `Khối mã hồ sơ "${text}" không hợp lệ. Dạng đúng: số-thứ-tự/tổng-số-kiosk, ví dụ 0/1 hoặc 1/4@5000-9999.`,
      `Invalid dossier code block "${text}". Expected slot/slots, e.g. 0/1 or 1/4@5000-9999.`,
    );
  }
  return block;
}

/** The first number of the block greater than `lastSeq`, or null when the block is used up. */
export function nextSequence(block: CodeBlock, lastSeq: number | null): number | null {
  const base = block.first + block.slot;
  const seq =
    lastSeq === null || lastSeq < base
      ? base
      : base + (Math.floor((lastSeq - base) / block.slots) + 1) * block.slots;
  return seq <= block.last ? seq : null;
}

export function formatDossierCode(agencyCode: string, yymmdd: string, seq: number): string {
  return `${agencyCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

/** Allocates codes from this kiosk's block; call `allocate` inside the save transaction. */
export class DossierCodeAllocator {
  readonly #agencyCode: string;
  readonly #block: CodeBlock;
  readonly #read: Database.Statement<[string, string], { last_seq: number }>;
  readonly #write: Database.Statement<[string, string, number]>;
  readonly #taken: Database.Statement<[string], { one: number }>;

  constructor(db: Database.Database, agencyCode: string, block: CodeBlock) {
    if (!AGENCY_CODE_PATTERN.test(agencyCode)) {
      throw new StoreError(
        'CONFIG_INVALID',
        `Mã đơn vị "${agencyCode}" sai dạng. Dạng đúng: V1V2V3.Z1Z2.Y1Y2.MX1X2, ví dụ 000.00.53.H48.`,
        `Agency code "${agencyCode}" is malformed. Expected V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.53.H48.`,
      );
    }
    this.#agencyCode = agencyCode;
    this.#block = block;
    this.#read = db.prepare('SELECT last_seq FROM code_counters WHERE agency_code = ? AND day = ?');
    this.#write = db.prepare(
      `INSERT INTO code_counters (agency_code, day, last_seq) VALUES (?, ?, ?)
       ON CONFLICT (agency_code, day) DO UPDATE SET last_seq = excluded.last_seq`,
    );
    this.#taken = db.prepare('SELECT 1 AS one FROM dossiers WHERE code = ?');
  }

  get agencyCode(): string {
    return this.#agencyCode;
  }

  allocate(receivedAt: number): string {
    const day = localDayYYMMDD(receivedAt);
    let last = this.#read.get(this.#agencyCode, day)?.last_seq ?? null;
    for (;;) {
      const seq = nextSequence(this.#block, last);
      if (seq === null) {
        throw new StoreError(
          'STORE_CODES_EXHAUSTED',
          `Kiosk đã dùng hết số hồ sơ được cấp cho ngày ${day}. Báo bộ phận CNTT mở rộng khối số của kiosk.`,
          `This kiosk has used all dossier numbers of its block for ${day}. Ask IT to widen the kiosk's code block.`,
        );
      }
      this.#write.run(this.#agencyCode, day, seq);
      const code = formatDossierCode(this.#agencyCode, day, seq);
      if (!this.#taken.get(code)) return code;
      last = seq;
    }
  }
}
