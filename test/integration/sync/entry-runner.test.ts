/**
 * The entry runner with the real store (SqliteOutbox on a temp SQLite file)
 * and the portal simulator in this process on 127.0.0.1: uploads before the
 * create, the document-timestamp swap of a file as it leaves, the settle
 * window of a create whose answer was lost, and the lookup after a refused
 * retry (our own late create becomes an update; another system's copy is
 * refused). Late creates are the simulator's `late-commit` fault, armed per
 * call, so each test takes about a second at most.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortalSim } from '../../../electron/portal-sim/portal-sim-server';
import { PortalError } from '../../../electron/services/portal/portal-error';
import { EntryRunner } from '../../../electron/services/sync/entry-runner';
import type { OutboxPort } from '../../../electron/services/sync/outbox-port';
import { fakeBytes, sampleDossier } from '../../fixtures/store/sample-dossier';
import { simFetch, simFile } from './peers';
import { drain, head, openPeers, portalClient, type RunnerPeers } from './runner-peers';

let peers: RunnerPeers;
beforeEach(() => {
  peers = openPeers();
});
afterEach(async () => {
  await peers.close();
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function save(seed: string): { id: string; code: string } {
  const saved = peers.store.save(sampleDossier(seed, { receivedAt: Date.now() }), 'test');
  return { id: saved.id, code: saved.code };
}

/** Sends the dossier's attachments, leaving its create (sync-dossier) at the head. */
async function uploadsOnly(s: PortalSim, id: string): Promise<void> {
  const runner = new EntryRunner(peers.store.outbox, portalClient(s.url));
  for (let i = 0; i < 5 && head(peers.store.outbox, id).op === 'upload-file'; i++) {
    await runner.run(head(peers.store.outbox, id));
  }
  expect(head(peers.store.outbox, id).op).toBe('sync-dossier');
}

async function armLateCreates(s: PortalSim, count: number): Promise<void> {
  const res = await simFetch(`${s.url}/__sim/late-create?count=${count}`, { method: 'POST' });
  expect(res.status).toBe(200);
}

/** Waits (bounded) until every held create has landed, so none is still in flight at the end. */
async function settled(s: PortalSim, creates: number): Promise<void> {
  for (let i = 0; i < 60 && s.stats().creates + s.stats().duplicates < creates; i++)
    await sleep(50);
}

async function failure(run: Promise<unknown>): Promise<PortalError> {
  const error: unknown = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PortalError))
    throw new Error(`expected a PortalError, got ${String(error)}`);
  return error;
}

describe('entry runner with the real store and the portal simulator', () => {
  it('uploads each attachment with its saved bytes, then creates the dossier with nothing left in doubt', async () => {
    const s = await peers.sim();
    const { id } = save('tao-moi');
    const runner = new EntryRunner(peers.store.outbox, portalClient(s.url));
    const outcomes: [string, string | null][] = [];
    await drain(peers.store.outbox, id, async (e) => {
      outcomes.push([e.op, (await runner.run(e)).portalStatus]);
    });
    expect(outcomes).toEqual([
      ['upload-file', null],
      ['upload-file', null],
      ['sync-dossier', '2'],
    ]);
    expect(s.stats()).toMatchObject({ dossiers: 1, creates: 1, files: 2, duplicates: 0 });
    const view = peers.store.get(id, 'test');
    expect(view).toMatchObject({ syncState: 'synced', portalStatus: null });
    for (const c of view.components) {
      const file = await simFile(c.portalUrl ?? '');
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(sha256(new Uint8Array(await file.arrayBuffer()))).toBe(c.sha256);
    }
    // The create's answer was read: a later sync looks the dossier up, but never waits for it.
    expect(peers.store.outbox.createAttempted(id)).toBe(true);
    expect(peers.store.outbox.createInDoubtSince(id)).toBeNull();
  });

  it('sends the file prepareUpload returns and keeps it as the saved copy; null sends it as saved', async () => {
    const s = await peers.sim();
    const { id } = save('dau-thoi-gian');
    const before = peers.store.get(id, 'test').components.map((c) => c.sha256 ?? '');
    const stamped = fakeBytes('da-dong-dau-thoi-gian', 5000);
    const seen: string[] = [];
    const runner = new EntryRunner(peers.store.outbox, portalClient(s.url), {
      prepareUpload: (bytes) => {
        seen.push(sha256(bytes));
        return Promise.resolve(seen.length === 1 ? stamped : null);
      },
    });
    await drain(peers.store.outbox, id, (e) => runner.run(e));
    expect(seen).toEqual(before);
    const after = peers.store.get(id, 'test').components;
    expect(after.map((c) => c.sha256)).toEqual([sha256(stamped), before[1]]);
    expect(peers.store.outbox.readBlob(sha256(stamped)).equals(stamped)).toBe(true);
    const portalCopy = await simFile(after[0]?.portalUrl ?? '');
    expect(Buffer.from(await portalCopy.arrayBuffer()).equals(stamped)).toBe(true);
    const second = await simFile(after[1]?.portalUrl ?? '');
    expect(sha256(new Uint8Array(await second.arrayBuffer()))).toBe(before[1]);
  });

  it('names the payload field an upload row lacks instead of reading a blob', async () => {
    const s = await peers.sim();
    const { id } = save('thieu-truong');
    const row = head(peers.store.outbox, id);
    const runner = new EntryRunner(peers.store.outbox, portalClient(s.url));
    for (const payload of [{}, { blobSha256: '' }]) {
      await expect(runner.run({ ...row, payload })).rejects.toThrow(
        `outbox row ${row.id} (upload-file) has no payload.blobSha256`,
      );
    }
    expect(s.stats().requests).toBe(0);
  });

  it('holds a second create until the settle window of a create in doubt has passed, to the millisecond', async () => {
    const s = await peers.sim();
    const { id } = save('cho-ket-qua');
    await uploadsOnly(s, id);
    // A create left and its answer never came back (the connection reset before the portal read it).
    const sentAt = 1_800_000_000_000;
    peers.store.outbox.markCreateAttempted(id, sentAt);
    let now = sentAt + 400;
    const runner = new EntryRunner(peers.store.outbox, portalClient(s.url), {
      createSettleMs: 1_000,
      now: () => now,
    });
    const waiting = await failure(runner.run(head(peers.store.outbox, id)));
    expect(waiting).toMatchObject({ kind: 'transient', answered: true, retryAfterMs: 600 });
    expect(waiting.vi).toContain('chờ 1 giây');
    expect(s.stats().creates).toBe(0);
    expect(peers.store.outbox.createInDoubtSince(id)).toBe(sentAt);
    now = sentAt + 1_000; // the window has just passed and the lookup still finds nothing
    await expect(runner.run(head(peers.store.outbox, id))).resolves.toEqual({ portalStatus: '2' });
    expect(s.stats()).toMatchObject({ dossiers: 1, creates: 1, duplicates: 0 });
    expect(peers.store.outbox.createInDoubtSince(id)).toBeNull();
    expect(peers.store.get(id, 'test').syncState).toBe('synced');
  });

  it('turns a retry refused as a duplicate of our own late create into an update', async () => {
    const s = await peers.sim({ lateMs: 700 });
    const { id, code } = save('tao-muon');
    await uploadsOnly(s, id);
    await armLateCreates(s, 2);
    // The first create outlives the client's 150 ms: its answer is lost, the portal commits it at 700 ms.
    const lost = await failure(
      new EntryRunner(peers.store.outbox, portalClient(s.url, 150)).run(
        head(peers.store.outbox, id),
      ),
    );
    expect(lost).toMatchObject({ kind: 'transient', answered: false });
    expect(peers.store.outbox.createInDoubtSince(id)).not.toBeNull();
    // The retry's lookup finds nothing yet; its create is held too and refused once the first lands.
    const retry = new EntryRunner(peers.store.outbox, portalClient(s.url, 3_000), {
      createSettleMs: 0,
    });
    await expect(retry.run(head(peers.store.outbox, id))).resolves.toEqual({ portalStatus: '2' });
    expect(s.stats()).toMatchObject({ dossiers: 1, creates: 2, duplicates: 1 });
    expect(s.stats().faultsByKind['late-commit']).toBe(2);
    const { dossiers } = (await (await simFetch(`${s.url}/__sim/dossiers`)).json()) as {
      dossiers: Record<string, unknown>[];
    };
    expect(dossiers.map((d) => d.MaHoSo)).toEqual([code]);
    expect(peers.store.get(id, 'test').syncState).toBe('synced');
    expect(peers.store.outbox.createInDoubtSince(id)).toBeNull();
  });

  it("refuses a retry when the copy the portal holds under our code is another system's", async () => {
    const s = await peers.sim({ lateMs: 700 });
    const { id, code } = save('ho-so-khac');
    await uploadsOnly(s, id);
    await armLateCreates(s, 3);
    // Another system files the same code (a different applicant); the portal holds it until 700 ms.
    const theirs = { ...peers.store.outbox.portalDossier(id), ChuHoSo: 'Phạm Văn Khác' };
    const foreign = portalClient(s.url, 3_000).syncDossiers(false, [theirs]);
    await sleep(30);
    await failure(
      new EntryRunner(peers.store.outbox, portalClient(s.url, 150)).run(
        head(peers.store.outbox, id),
      ),
    );
    const retry = new EntryRunner(peers.store.outbox, portalClient(s.url, 3_000), {
      createSettleMs: 0,
    });
    const refused = await failure(retry.run(head(peers.store.outbox, id)));
    await foreign;
    await settled(s, 3);
    expect(refused).toMatchObject({ kind: 'rejected', answered: true });
    expect(refused.vi).toContain(`Hồ sơ ${code} đã tồn tại trên Cổng`);
    const { dossiers } = (await (await simFetch(`${s.url}/__sim/dossiers`)).json()) as {
      dossiers: Record<string, unknown>[];
    };
    expect(dossiers).toHaveLength(1);
    expect(dossiers[0]).toMatchObject({ MaHoSo: code, ChuHoSo: 'Phạm Văn Khác' });
    expect(head(peers.store.outbox, id).op).toBe('sync-dossier');
    // The refusal was read: nothing of ours can still land.
    expect(peers.store.outbox.createInDoubtSince(id)).toBeNull();
  });

  it("never updates another system's dossier that already holds our code when the retry looks it up", async () => {
    const s = await peers.sim();
    const { id, code } = save('da-co-cua-khac');
    await uploadsOnly(s, id);
    // Another system filed the same code first (a different applicant), committed before ours.
    const theirs = { ...peers.store.outbox.portalDossier(id), ChuHoSo: 'Phạm Văn Khác' };
    await portalClient(s.url).syncDossiers(false, [theirs]);
    const runner = new EntryRunner(peers.store.outbox, portalClient(s.url), { createSettleMs: 0 });
    // First try: our create is refused as a duplicate. The retry's lookup then finds their copy.
    for (let attempt = 1; attempt <= 2; attempt++) {
      const refused = await failure(runner.run(head(peers.store.outbox, id)));
      expect(refused).toMatchObject({ kind: 'rejected', answered: true });
      expect(refused.vi).toContain(`Hồ sơ ${code} đã tồn tại trên Cổng`);
    }
    const { dossiers } = (await (await simFetch(`${s.url}/__sim/dossiers`)).json()) as {
      dossiers: Record<string, unknown>[];
    };
    expect(dossiers).toHaveLength(1);
    expect(dossiers[0]).toMatchObject({ MaHoSo: code, ChuHoSo: 'Phạm Văn Khác' });
    expect(head(peers.store.outbox, id).op).toBe('sync-dossier');
  });

  it('rethrows a refused retry when the portal holds nothing under the code', async () => {
    const first = await peers.sim();
    const { id } = save('mat-tep');
    await uploadsOnly(first, id);
    // The portal lost its file store: the links the dossier names now resolve to nothing.
    const port = Number(new URL(first.url).port);
    await first.close();
    peers.sims.splice(0);
    const s = await peers.sim({ port });
    const client = portalClient(s.url);
    // The HTTP pool may still hold a socket of the old server: the first call can fail on it.
    for (let i = 0; i < 20 && !(await client.ping()); i++) await sleep(25);
    const runner = new EntryRunner(peers.store.outbox, client);
    const calls: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const before = s.stats().requests;
      const refused = await failure(runner.run(head(peers.store.outbox, id)));
      calls.push(s.stats().requests - before);
      expect(refused).toMatchObject({ kind: 'rejected', answered: true });
      expect(refused.vi).toContain('chưa có trong kho tài liệu');
      expect(peers.store.outbox.createInDoubtSince(id)).toBeNull();
    }
    // First try: the login and the create (no lookup: nothing was ever sent). The retry: the
    // lookup, the create, and one more lookup after the refusal, which finds nothing.
    expect(calls).toEqual([2, 3]);
    expect(peers.store.outbox.createAttempted(id)).toBe(true);
    expect(s.stats()).toMatchObject({ dossiers: 0 });
  });

  it('updates at once, without waiting out the settle window, when the lookup finds the create in doubt', async () => {
    const s = await peers.sim({ lateMs: 300 });
    const { id } = save('da-toi');
    await uploadsOnly(s, id);
    await armLateCreates(s, 1);
    await failure(
      new EntryRunner(peers.store.outbox, portalClient(s.url, 150)).run(
        head(peers.store.outbox, id),
      ),
    );
    await settled(s, 1);
    expect(s.stats().dossiers).toBe(1);
    // The default 30 s window has not passed, but the portal holds the dossier: nothing to wait for.
    const retry = new EntryRunner(peers.store.outbox, portalClient(s.url));
    await expect(retry.run(head(peers.store.outbox, id))).resolves.toEqual({ portalStatus: '2' });
    expect(s.stats()).toMatchObject({ dossiers: 1, creates: 1, duplicates: 0 });
    expect(peers.store.get(id, 'test').syncState).toBe('synced');
  });

  it('never asks prepareUpload for a file when the port cannot keep a replaced one', async () => {
    const s = await peers.sim();
    const { id } = save('khong-thay');
    const outbox = peers.store.outbox;
    // The real store, seen through a port without the optional replaceUploadBlob.
    const port: OutboxPort = new Proxy(outbox, {
      get(target, key) {
        if (key === 'replaceUploadBlob') return undefined;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    let asked = 0;
    const runner = new EntryRunner(port, portalClient(s.url), {
      prepareUpload: () => {
        asked++;
        return Promise.resolve(fakeBytes('khong-duoc-gui', 100));
      },
    });
    const saved = outbox.due(Number.MAX_SAFE_INTEGER, 10)[0]?.payload.blobSha256;
    await drain(outbox, id, (e) => runner.run(e));
    expect(asked).toBe(0);
    const first = peers.store.get(id, 'test').components[0];
    expect(first?.sha256).toBe(saved);
    const copy = await simFile(first?.portalUrl ?? '');
    expect(sha256(new Uint8Array(await copy.arrayBuffer()))).toBe(saved);
  });

  it('a retry whose create gets no answer stops at that create: no further call until the next try', async () => {
    const s = await peers.sim({ lateMs: 700 });
    const { id } = save('khong-tra-loi');
    await uploadsOnly(s, id);
    await armLateCreates(s, 2);
    const client = portalClient(s.url, 150);
    const runner = new EntryRunner(peers.store.outbox, client, { createSettleMs: 0 });
    await failure(runner.run(head(peers.store.outbox, id)));
    const before = s.stats().requests;
    const lost = await failure(runner.run(head(peers.store.outbox, id)));
    expect(lost).toMatchObject({ kind: 'transient', answered: false });
    // The lookup and the create, and nothing after them.
    expect(s.stats().requests - before).toBe(2);
    await settled(s, 2);
    expect(s.stats()).toMatchObject({ dossiers: 1, creates: 2, duplicates: 1 });
  });
});
