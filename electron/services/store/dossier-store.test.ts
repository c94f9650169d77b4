import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CITIZEN, sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { sha256Hex } from './blob-store';
import { DossierStore } from './dossier-store';

const AGENCY = '000.00.53.H48';
const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('DossierStore', () => {
  it('a saved dossier reads back decrypted with every attachment intact', () => {
    const store = DossierStore.open({ dataDir: dataDir(), agencyCode: AGENCY });
    const input = sampleDossier('a', { attachments: 3 });
    const saved = store.save(input, 'clerk-1');
    expect(saved.code).toBe(`${AGENCY}-261125-0001`);
    const view = store.get(saved.code, 'clerk-1');
    expect(view.applicant?.name).toBe(CITIZEN.name);
    expect(view.applicant?.idNumber).toBe(CITIZEN.idNumber);
    expect(view.syncState).toBe('pending');
    expect(view.components).toHaveLength(3);
    input.components?.forEach((c, i) => {
      const sha = view.components[i]?.sha256 ?? '';
      expect(sha).toBe(sha256Hex(c.bytes));
      expect(store.outbox.readBlob(sha).equals(Buffer.from(c.bytes))).toBe(true);
    });
    store.close();
  });

  it('the outbox rows commit with the dossier: one upload per attachment, then the sync', () => {
    const store = DossierStore.open({ dataDir: dataDir(), agencyCode: AGENCY });
    const saved = store.save(sampleDossier('b', { attachments: 2 }), 'clerk-1');
    const rows = store.get(saved.id, 'clerk-1').outbox;
    expect(rows.map((r) => [r.seq, r.op])).toEqual([
      [1, 'upload-file'],
      [2, 'upload-file'],
      [3, 'sync-dossier'],
    ]);
    expect(store.outbox.depth()).toEqual({ pending: 1, parked: 0 });
    store.close();
  });

  it('no plaintext ID number, name, phone, email or OCR text is in any file under the data folder', () => {
    const dir = dataDir();
    const store = DossierStore.open({ dataDir: dir, agencyCode: AGENCY });
    for (let i = 0; i < 5; i++) store.save(sampleDossier(`p${i}`), 'clerk-1');
    const before = filesUnder(dir);
    expect(before.some((f) => f.endsWith('-wal'))).toBe(true);
    const needles = [
      CITIZEN.name,
      CITIZEN.idNumber,
      CITIZEN.email,
      CITIZEN.phone,
      'Trần Minh Khôi',
      'giay-to-1',
    ];
    const scan = (): string[] =>
      filesUnder(dir).flatMap((f) => {
        const bytes = readFileSync(f);
        return needles
          .flatMap((n) => [
            Buffer.from(n, 'utf8'),
            Buffer.from(n.normalize('NFD'), 'utf8'),
            Buffer.from(n, 'utf16le'),
          ])
          .filter((n) => bytes.includes(n))
          .map((n) => `${f}: ${n.toString('utf8')}`);
      });
    expect(scan()).toEqual([]);
    // Positive control: a non-personal field stored in clear is found by the same scan.
    const control = Buffer.from('UBND xã Bình Sơn', 'utf8');
    expect(filesUnder(dir).some((f) => readFileSync(f).includes(control))).toBe(true);
    store.close(); // checkpoints the WAL into the main file: scan again
    expect(scan()).toEqual([]);
  });

  it('every read of a citizen record is audited, without personal data in the log', () => {
    const store = DossierStore.open({ dataDir: dataDir(), agencyCode: AGENCY });
    const saved = store.save(sampleDossier('c'), 'clerk-1');
    store.get(saved.id, 'clerk-2');
    store.list({}, 'clerk-3');
    store.outbox.portalDossier(saved.id);
    store.outbox.readBlob(store.get(saved.id, 'clerk-4').components[0]!.sha256!);
    const log = store.database
      .prepare<
        [],
        { actor: string; action: string; dossier_id: string | null; detail: string | null }
      >('SELECT actor, action, dossier_id, detail FROM audit_log ORDER BY id')
      .all();
    expect(log.map((l) => [l.actor, l.action])).toEqual([
      ['clerk-1', 'create'],
      ['clerk-2', 'read'],
      ['clerk-3', 'list'],
      ['sync-engine', 'read-for-sync'],
      ['clerk-4', 'read'],
      ['sync-engine', 'read-for-sync'],
    ]);
    expect(log.at(-1)?.dossier_id).toBe(saved.id);
    expect(JSON.stringify(log)).not.toContain(CITIZEN.idNumber);
    store.close();
  });

  it('retention purges personal data of synced dossiers only, after the configured time', () => {
    let now = Date.UTC(2026, 10, 25, 3, 0, 0);
    const dir = dataDir();
    const store = DossierStore.open({ dataDir: dir, agencyCode: AGENCY, now: () => now });
    const synced = store.save(sampleDossier('s', { attachments: 1 }), 'clerk-1');
    const waiting = store.save(sampleDossier('w', { attachments: 1 }), 'clerk-1');
    for (const e of store.outbox.due(now, 10).filter((r) => r.dossierId === synced.id)) {
      store.outbox.complete(e.id, { fileUrl: 'http://127.0.0.1/f/1', fileId: 'f1' });
    }
    const last = store.outbox.due(now, 10).find((r) => r.dossierId === synced.id);
    if (last) store.outbox.complete(last.id, {});
    expect(store.get(synced.id, 't').syncState).toBe('synced');
    const day = 24 * 3600 * 1000;
    now += 29 * day;
    expect(store.purgeExpired(30 * day)).toBe(0);
    now += 2 * day;
    expect(store.purgeExpired(30 * day)).toBe(1);
    const purged = store.get(synced.id, 't');
    expect(purged.applicant).toBeNull();
    expect(purged.components[0]?.sha256).toBeNull();
    expect(store.get(waiting.id, 't').applicant?.name).toBe(CITIZEN.name);
    const gc = store.gc(0);
    expect(gc.blobs).toBe(2); // the PDF and its page image
    expect(() => store.outbox.portalDossier(synced.id)).toThrow(/purged/);
    store.close();
  });

  it('saveAll is all or nothing: a refused dossier in the batch leaves none of the batch saved', () => {
    const store = DossierStore.open({ dataDir: dataDir(), agencyCode: AGENCY });
    const first = store.save(sampleDossier('first', { attachments: 1 }), 'c');
    expect(() =>
      store.saveAll(
        [sampleDossier('ok', { attachments: 1 }), sampleDossier('dup', { code: first.code })],
        'c',
      ),
    ).toThrow(expect.objectContaining({ code: 'DOSSIER_CODE_TAKEN' }));
    expect(store.list({}, 't').map((d) => d.id)).toEqual([first.id]);
    expect(store.outbox.depth()).toEqual({ pending: 1, parked: 0 });
    expect(store.save(sampleDossier('next', { attachments: 0 }), 'c').code).toBe(
      `${AGENCY}-261125-0002`,
    );
    store.close();
  });
});
