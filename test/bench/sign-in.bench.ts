/**
 * `npm run bench -- sign-in`: issue 11 item 2's "an unknown user and a
 * locked user answer in the same time". Median answer time of a refused
 * password sign-in, through the real StaffAccounts on the real SQLite, for
 *  - an unknown username and a locked account, each beside the anchor:
 *    a wrong password for an existing, unlocked account (one real scrypt
 *    check), measured interleaved in the same run; the goal is a ratio ≈ 1.0;
 *  - the very first unknown-user sign-in of the process beside the same
 *    anchor (a dummy hash made lazily would double it).
 */
import Database from 'better-sqlite3';
import { KioskError } from '../../electron/api/errors';
import { kioskMigrations } from '../../electron/services/kiosk-migrations';
import { MAX_FAILED_ATTEMPTS, StaffAccounts } from '../../electron/services/auth/staff-accounts';
import { migrate } from '../../electron/services/store/migrator';
import { fmt, median } from './support/timed-process';

const RUNS = 21;
const PASSWORD = 'mat-khau-dung-123';

const db = new Database(':memory:');
migrate(db, kioskMigrations);
const accounts = new StaffAccounts(db);
await accounts.create('canbo1', 'clerk', PASSWORD);
await accounts.create('canbo-khoa', 'clerk', PASSWORD);

/** Time of one refused sign-in and its error code. */
async function refusal(username: string, password: string): Promise<{ ms: number; code: string }> {
  const t0 = performance.now();
  try {
    await accounts.signIn(username, password);
  } catch (error) {
    const ms = performance.now() - t0;
    return { ms, code: error instanceof KioskError ? error.code : String(error) };
  }
  throw new Error(`${username} was signed in with a wrong password`);
}

// First unknown user of the process, right after a real check warmed scrypt.
const warm = await refusal('canbo1', 'sai 0');
const firstUnknown = await refusal('chua-tung-co', 'sai 0');
const firstAnchor = await refusal('canbo1', 'sai 1');
await accounts.signIn('canbo1', PASSWORD);

for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await refusal('canbo-khoa', `sai ${String(i)}`);

const wrong: number[] = [];
const unknown: number[] = [];
const locked: number[] = [];
const codes = new Set<string>();
for (let i = 0; i < RUNS; i++) {
  // Rotated order, so none of the three always runs first or last.
  const steps = [
    async () => {
      const r = await refusal('canbo1', `sai ${String(i)}`);
      wrong.push(r.ms);
      // A right password clears the count, so the anchor never locks (not timed).
      if (i % (MAX_FAILED_ATTEMPTS - 1) === MAX_FAILED_ATTEMPTS - 2) {
        await accounts.signIn('canbo1', PASSWORD);
      }
    },
    async () => {
      unknown.push((await refusal(`khong-co-${String(i)}`, `sai ${String(i)}`)).ms);
    },
    async () => {
      const r = await refusal('canbo-khoa', PASSWORD);
      codes.add(r.code);
      locked.push(r.ms);
    },
  ];
  for (let s = 0; s < steps.length; s++) await steps[(s + i) % steps.length]?.();
}
if ([...codes].join() !== 'AUTH_LOCKED')
  throw new Error(`locked account answered ${[...codes].join()}`);

const anchor = median(wrong);
const line = (label: string, ms: number, base: number, baseLabel: string) => {
  console.log(`${label} ${fmt(ms)}  vs ${baseLabel} ${fmt(base)} ratio ${(ms / base).toFixed(2)}`);
};
console.log(`warm-up wrong password ${fmt(warm.ms)} (not a figure)`);
line('unknown user (median)      ', median(unknown), anchor, 'wrong password (median)');
line('locked user (median)       ', median(locked), anchor, 'wrong password (median)');
line('first unknown user of run  ', firstUnknown.ms, firstAnchor.ms, 'the next wrong password');
db.close();
