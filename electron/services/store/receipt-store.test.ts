import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { DossierStore } from './dossier-store';

const AGENCY = '000.00.53.H48';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(now: () => number = Date.now): DossierStore {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-signature-'));
  dirs.push(dir);
  return DossierStore.open({ dataDir: dir, agencyCode: AGENCY, now });
}

describe('signed digitisation in the store', () => {
  it('a dossier is "chưa ký số" unless saved signed, and keeps the reason it is not', () => {
    const store = open();
    const signed = store.save({ ...sampleDossier('s'), signature: { signedAt: 1 } }, 'c');
    const refused = store.save(
      { ...sampleDossier('r'), signature: { unsignedReason: 'SIGNING_PIN_WRONG' } },
      'c',
    );
    const imported = store.save(sampleDossier('i'), 'c');
    expect(store.get(signed.id, 't')).toMatchObject({ signed: true, unsignedReason: null });
    expect(store.get(refused.id, 't')).toMatchObject({
      signed: false,
      unsignedReason: 'SIGNING_PIN_WRONG',
    });
    expect(store.get(imported.id, 't')).toMatchObject({ signed: false, unsignedReason: null });
    expect(store.list({}, 't').filter((d) => !d.signed)).toHaveLength(2);
    store.close();
  });

  it('the kept receipt is handed back as kept, replaced by a later one, and purged with the personal data', () => {
    let now = Date.UTC(2026, 10, 25, 3, 0, 0);
    const store = open(() => now);
    const saved = store.save(sampleDossier('k', { attachments: 1 }), 'c');
    expect(store.storedReceipt(saved.code)).toBeNull();
    store.keepReceipt(saved.id, new Uint8Array([1, 2, 3]), null);
    store.keepReceipt(saved.id, new Uint8Array([4, 5, 6]), 42);
    expect(store.storedReceipt(saved.code)).toEqual({
      pdf: new Uint8Array([4, 5, 6]),
      signedAt: 42,
    });
    // The queue hands out one row per dossier at a time: the upload, then the create.
    for (let e = store.outbox.due(now, 1)[0]; e; e = store.outbox.due(now, 1)[0])
      store.outbox.complete(e.id, { fileUrl: 'http://127.0.0.1/f/1', fileId: 'f1' });
    expect(store.get(saved.id, 't').syncState).toBe('synced');
    now += 31 * 24 * 3600 * 1000;
    expect(store.purgeExpired(30 * 24 * 3600 * 1000)).toBe(1);
    expect(store.storedReceipt(saved.id)).toBeNull();
    // The PDF, its page image and both receipts' files.
    expect(store.gc(0).blobs).toBe(4);
    store.close();
  });
});
