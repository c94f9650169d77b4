import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { nextSequence, parseCodeBlock, SINGLE_KIOSK } from './dossier-code';
import { DossierStore } from './dossier-store';

const AGENCY = '000.00.01.H22';
const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-code-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dossier codes', () => {
  it('kiosk k of n takes the numbers congruent to first+k modulo n', () => {
    const block = parseCodeBlock('2/3@5000-5010');
    const seqs: number[] = [];
    for (let s = nextSequence(block, null); s !== null; s = nextSequence(block, s)) seqs.push(s);
    expect(seqs).toEqual([5002, 5005, 5008]);
    expect(nextSequence(SINGLE_KIOSK, null)).toBe(1);
    expect(nextSequence(SINGLE_KIOSK, 9999)).toBeNull();
    expect(() => parseCodeBlock('3/3')).toThrow(/0\/1/);
  });

  it('two kiosks of one agency allocating offline on the same day never collide, across restarts', () => {
    const receivedAt = Date.UTC(2026, 10, 25, 1, 0, 0);
    const kiosks = [dataDir(), dataDir()];
    const codes: string[] = [];
    for (let round = 0; round < 3; round++) {
      kiosks.forEach((dir, slot) => {
        // Re-opened each round: the counter must come from the database.
        const store = DossierStore.open({
          dataDir: dir,
          agencyCode: AGENCY,
          codeBlock: parseCodeBlock(`${slot}/2`),
        });
        for (let i = 0; i < 7; i++) {
          codes.push(
            store.save(sampleDossier(`${slot}-${round}-${i}`, { attachments: 0, receivedAt }), 'c')
              .code,
          );
        }
        store.close();
      });
    }
    expect(new Set(codes).size).toBe(42);
    expect(codes.every((c) => c.startsWith(`${AGENCY}-261125-`))).toBe(true);
    expect(codes.slice(0, 2)).toEqual([`${AGENCY}-261125-0001`, `${AGENCY}-261125-0003`]);
    expect(codes.slice(7, 9)).toEqual([`${AGENCY}-261125-0002`, `${AGENCY}-261125-0004`]);
  });

  it('the day in the code is the Hanoi date, and each day restarts the sequence', () => {
    const store = DossierStore.open({ dataDir: dataDir(), agencyCode: AGENCY });
    const lateUtc = Date.UTC(2026, 10, 25, 16, 59, 0); // 23:59 in Hanoi
    const nextDay = Date.UTC(2026, 10, 25, 17, 0, 0); // 00:00 on the 26th
    expect(store.save(sampleDossier('x', { attachments: 0, receivedAt: lateUtc }), 'c').code).toBe(
      `${AGENCY}-261125-0001`,
    );
    expect(store.save(sampleDossier('y', { attachments: 0, receivedAt: nextDay }), 'c').code).toBe(
      `${AGENCY}-261126-0001`,
    );
    store.close();
  });

  it('a number already taken by an imported dossier is skipped, and an imported duplicate is refused', () => {
    const store = DossierStore.open({ dataDir: dataDir(), agencyCode: AGENCY });
    const receivedAt = Date.UTC(2026, 10, 25, 1, 0, 0);
    store.save(
      sampleDossier('i', { attachments: 0, receivedAt, code: `${AGENCY}-261125-0001` }),
      'c',
    );
    expect(store.save(sampleDossier('n', { attachments: 0, receivedAt }), 'c').code).toBe(
      `${AGENCY}-261125-0002`,
    );
    expect(() =>
      store.save(
        sampleDossier('d', { attachments: 0, receivedAt, code: `${AGENCY}-261125-0001` }),
        'c',
      ),
    ).toThrow(expect.objectContaining({ code: 'DOSSIER_CODE_TAKEN' }));
    store.close();
  });
});
