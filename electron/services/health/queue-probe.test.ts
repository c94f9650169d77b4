import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { DossierStore } from '../store/dossier-store';
import { createQueueProbe } from './queue-probe';

const NOW = Date.UTC(2026, 10, 25, 4, 0, 0);
const dirs: string[] = [];

function openStore(): DossierStore {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-queue-probe-'));
  dirs.push(dir);
  return DossierStore.open({ dataDir: dir, agencyCode: '000.00.00.H00', now: () => NOW });
}

function probeOn(store: DossierStore) {
  return createQueueProbe({
    sync: undefined,
    depth: () => store.outbox.depth(),
    oldestPendingAt: () => store.oldestPendingAt(),
    now: () => NOW,
  });
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the queue Diagnostics probe', () => {
  it('an empty queue is ok', async () => {
    const store = openStore();
    const check = await probeOn(store).check();
    expect(check).toMatchObject({ id: 'queue', kind: 'service', status: 'ok' });
    store.close();
  });

  it('a dossier waiting ten minutes is ok, one waiting two hours warns with what to do', async () => {
    const store = openStore();
    store.save(sampleDossier('a', { receivedAt: NOW - 10 * 60_000, attachments: 0 }), 'test');
    expect((await probeOn(store).check()).status).toBe('ok');
    store.save(sampleDossier('b', { receivedAt: NOW - 2 * 3_600_000, attachments: 0 }), 'test');
    const check = await probeOn(store).check();
    expect(check.status).toBe('warn');
    expect(check.detail).toContain('2 pending');
    expect(check.detail).toContain('oldest pending 120 min');
    expect(check.fix?.vi).toContain('quá 1 giờ');
    store.close();
  });

  it('names the last sync in Vietnam time as dd/mm/yyyy HH:mm, not as UTC', async () => {
    const store = openStore();
    const probe = createQueueProbe({
      sync: {
        // 25/11/2026 23:30 UTC is 06:30 the next morning in Vietnam.
        status: () => ({
          pending: 0,
          parked: 0,
          lastSyncAt: Date.UTC(2026, 10, 25, 23, 30),
          online: true,
        }),
      },
      depth: () => store.outbox.depth(),
      oldestPendingAt: () => store.oldestPendingAt(),
      now: () => NOW,
    });
    const check = await probe.check();
    expect(check.detail).toContain('last sync 26/11/2026 06:30');
    expect(check.detail).not.toContain('T23:30');
    store.close();
  });

  it('a dossier the portal refused warns that staff must fix and resubmit it', async () => {
    const store = openStore();
    const saved = store.save(sampleDossier('c', { receivedAt: NOW, attachments: 0 }), 'test');
    const [head] = store.outbox.due(NOW, 10);
    expect(head?.dossierId).toBe(saved.id);
    store.outbox.park(head?.id ?? '', 'Mã TTHC không hợp lệ');
    const check = await probeOn(store).check();
    expect(check.status).toBe('warn');
    expect(check.detail).toContain('1 parked');
    expect(check.fix?.vi).toContain('gửi lại');
    store.close();
  });
});
