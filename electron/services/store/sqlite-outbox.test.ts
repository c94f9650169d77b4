import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { DongBoHoSoMCSchema } from '../portal-contract/dong-bo-ho-so';
import { DossierStore } from './dossier-store';

const AGENCY = '000.00.53.H48';
const T0 = Date.UTC(2026, 10, 25, 3, 0, 0);
const dirs: string[] = [];
let now = T0;
function openStore(): DossierStore {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-outbox-'));
  dirs.push(dir);
  now = T0;
  return DossierStore.open({ dataDir: dir, agencyCode: AGENCY, now: () => now });
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SqliteOutbox', () => {
  it('hands out only the head row of each dossier, oldest dossier first', () => {
    const store = openStore();
    const a = store.save(sampleDossier('a', { attachments: 2 }), 'c');
    const b = store.save(sampleDossier('b', { attachments: 0 }), 'c');
    const due = store.outbox.due(now, 10);
    expect(due.map((e) => [e.dossierId, e.seq, e.op])).toEqual([
      [a.id, 1, 'upload-file'],
      [b.id, 1, 'sync-dossier'],
    ]);
    expect(due[0]?.payload.mime).toBe('application/pdf');
    expect(due[1]?.payload).toEqual({ maHoSo: b.code });
    expect(store.outbox.due(now, 1)).toHaveLength(1);
    store.close();
  });

  it('a row leaves only on complete, and the dossier is synced when its last row leaves', () => {
    const store = openStore();
    const a = store.save(sampleDossier('a', { attachments: 1 }), 'c');
    const upload = store.outbox.due(now, 10)[0]!;
    store.outbox.retryLater(upload.id, 'HTTP 503', now + 1000);
    expect(store.outbox.due(now, 10)).toEqual([]);
    const retried = store.outbox.due(now + 1000, 10)[0]!;
    expect([retried.id, retried.attempts, retried.lastError]).toEqual([upload.id, 1, 'HTTP 503']);
    expect(retried.idempotencyKey).toBe(upload.idempotencyKey);
    store.outbox.complete(upload.id, { fileUrl: 'http://127.0.0.1:9/f/abc', fileId: 'abc' });
    store.outbox.complete(upload.id, { fileUrl: 'http://127.0.0.1:9/f/abc', fileId: 'abc' }); // replay
    const sync = store.outbox.due(now + 1000, 10)[0]!;
    expect(sync.op).toBe('sync-dossier');
    const portal = DongBoHoSoMCSchema.parse(store.outbox.portalDossier(a.id));
    expect(portal.TaiLieuNop).toEqual([
      {
        TepDinhKemId: 'abc',
        TenTepDinhKem: 'giay-to-1-a.pdf',
        IsDeleted: 'False',
        MaThanhPhanHoSo: 'TP1',
        DuongDanTaiTepTin: 'http://127.0.0.1:9/f/abc',
      },
    ]);
    expect(portal.NgayTiepNhan).toBe('20261125090000');
    expect(portal.TrangThaiHoSo).toBe('2');
    store.outbox.complete(sync.id, {});
    expect(store.get(a.id, 'c').syncState).toBe('synced');
    expect(store.outbox.depth()).toEqual({ pending: 0, parked: 0 });
    store.close();
  });

  it('a parked row blocks its dossier, keeps the portal message, and resubmit unparks it', () => {
    const store = openStore();
    const a = store.save(sampleDossier('a', { attachments: 0 }), 'c');
    const events: unknown[] = [];
    store.outbox.onChange((d) => events.push(d));
    const row = store.outbox.due(now, 10)[0]!;
    store.outbox.park(row.id, 'Thiếu trường DonViXuLy');
    expect(store.outbox.due(now + 999_999, 10)).toEqual([]);
    expect(store.outbox.depth()).toEqual({ pending: 0, parked: 1 });
    const listed = store.list({ syncState: 'parked' }, 'c');
    expect(listed.map((d) => [d.id, d.parkedMessage])).toEqual([[a.id, 'Thiếu trường DonViXuLy']]);
    store.resubmit(a.code, 'clerk-2', { processingUnit: 'UBND phường Bình Sơn' });
    const again = store.outbox.due(now, 10)[0]!;
    expect(again.id).toBe(row.id);
    expect(store.outbox.portalDossier(a.id).DonViXuLy).toBe('UBND phường Bình Sơn');
    expect(events).toEqual([
      { pending: 0, parked: 1 },
      { pending: 1, parked: 0 },
    ]);
    store.close();
  });

  it('resubmitting a synced dossier queues a new sync with a new idempotency key', () => {
    const store = openStore();
    const a = store.save(sampleDossier('a', { attachments: 0 }), 'c');
    const first = store.outbox.due(now, 10)[0]!;
    store.outbox.complete(first.id, {});
    store.resubmit(a.id, 'clerk', { phone: '0987654321' });
    const second = store.outbox.due(now, 10)[0]!;
    expect(second.op).toBe('sync-dossier');
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(store.outbox.createAttempted(a.id)).toBe(true);
    store.close();
  });

  it('remembers a create sent without a readable answer, and the portal status', () => {
    const store = openStore();
    const a = store.save(sampleDossier('a', { attachments: 0 }), 'c');
    expect(store.outbox.createAttempted(a.id)).toBe(false);
    store.outbox.markCreateAttempted(a.id, now);
    expect(store.outbox.createAttempted(a.id)).toBe(true);
    expect(store.outbox.createInDoubtSince(a.id)).toBe(now);
    store.outbox.markCreateAnswered(a.id);
    expect(store.outbox.createAttempted(a.id)).toBe(true);
    expect(store.outbox.createInDoubtSince(a.id)).toBeNull();
    store.outbox.recordPortalStatus(a.id, '4', now);
    expect(store.get(a.id, 'c').portalStatus).toBe('4');
    store.close();
  });
  it('completing one of several rows keeps the dossier pending and stamps its last activity', () => {
    const store = openStore();
    const a = store.save(sampleDossier('a', { attachments: 1 }), 'c');
    const upload = store.outbox.due(now, 10)[0]!;
    now = T0 + 5_000;
    store.outbox.complete(upload.id, { fileUrl: 'http://127.0.0.1:9/f/x', fileId: 'x' });
    const row = store.database
      .prepare<[string], { sync_state: string; updated_at: number }>(
        'SELECT sync_state, updated_at FROM dossiers WHERE id = ?',
      )
      .get(a.id);
    expect(row).toEqual({ sync_state: 'pending', updated_at: T0 + 5_000 });
    store.close();
  });

  it('a listener that unsubscribed hears no more changes', () => {
    const store = openStore();
    const heard: unknown[] = [];
    const stop = store.outbox.onChange((d) => heard.push(d));
    store.save(sampleDossier('a', { attachments: 0 }), 'c');
    stop();
    store.save(sampleDossier('b', { attachments: 0 }), 'c');
    expect(heard).toEqual([{ pending: 1, parked: 0 }]);
    store.close();
  });

  it("a file read for sync is audited against its dossier, named by its hash's first 16 digits", () => {
    const store = openStore();
    const a = store.save(sampleDossier('a', { attachments: 1 }), 'c');
    const sha = store.get(a.id, 'c').components[0]!.sha256!;
    store.outbox.readBlob(sha);
    const entry = store.database
      .prepare<[], { action: string; dossier_id: string; detail: string }>(
        "SELECT action, dossier_id, detail FROM audit_log WHERE action = 'read-for-sync'",
      )
      .get();
    expect(entry).toEqual({
      action: 'read-for-sync',
      dossier_id: a.id,
      detail: `blob=${sha.slice(0, 16)}`,
    });
    store.close();
  });
});
