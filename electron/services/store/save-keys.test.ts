import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { DossierStore } from './dossier-store';

const AGENCY = '000.00.53.H48';
const KEY = 'f1b2c3d4-0000-4000-8000-00000000abcd';
const dirs: string[] = [];
function open(): DossierStore {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-save-keys-'));
  dirs.push(dir);
  return DossierStore.open({ dataDir: dir, agencyCode: AGENCY });
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dossierCount(store: DossierStore): number {
  return (store.database.prepare('SELECT COUNT(*) AS n FROM dossiers').get() as { n: number }).n;
}

describe('save keys', () => {
  it('a second save with the same key answers the first dossier and saves nothing more', () => {
    const store = open();
    const first = store.save({ ...sampleDossier('a'), saveKey: KEY }, 'clerk-1');
    const again = store.save({ ...sampleDossier('a'), saveKey: KEY }, 'clerk-1');
    expect(again).toEqual({ id: first.id, code: first.code, already: true });
    expect(dossierCount(store)).toBe(1);
    expect(store.outbox.depth()).toEqual({ pending: 1, parked: 0 });
    store.close();
  });

  it('the key finds the dossier it saved, with what the first answer said', () => {
    const store = open();
    expect(store.savedByKey(KEY)).toBeNull();
    const input = { ...sampleDossier('b'), saveKey: KEY };
    const saved = store.save(input, 'clerk-1');
    expect(store.savedByKey(KEY)).toMatchObject({
      id: saved.id,
      code: saved.code,
      receivedAt: input.receivedAt,
      dueAt: input.dueAt,
      signedAt: null,
    });
    store.close();
  });

  it('saves without a key, or with different keys, are each a dossier of their own', () => {
    const store = open();
    store.save(sampleDossier('c'), 'clerk-1');
    store.save(sampleDossier('c'), 'clerk-1');
    store.save({ ...sampleDossier('c'), saveKey: `${KEY}-1` }, 'clerk-1');
    store.save({ ...sampleDossier('c'), saveKey: `${KEY}-2` }, 'clerk-1');
    expect(dossierCount(store)).toBe(4);
    store.close();
  });

  it('a malformed key is refused before anything is saved', () => {
    const store = open();
    expect(() => store.save({ ...sampleDossier('d'), saveKey: 'short' }, 'clerk-1')).toThrow(
      /saveKey/,
    );
    expect(dossierCount(store)).toBe(0);
    store.close();
  });
});
