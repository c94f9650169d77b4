/**
 * The portal client against the training portal over real HTTP on 127.0.0.1
 * (the simulator's server, in-process, one per test with its own faults).
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIM_PASSWORD,
  DEFAULT_SIM_USER,
  startPortalSim,
  type PortalSim,
  type PortalSimOptions,
} from '../../portal-sim/portal-sim-server';
import { PortalClient } from './portal-client';
import type { PortalConfigInput } from './portal-config';
import { PortalError } from './portal-error';
import { portalDossier } from '../../../test/fixtures/portal/portal-dossier';

const sims: PortalSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function sim(options: Partial<PortalSimOptions> = {}): Promise<PortalSim> {
  const s = await startPortalSim({ port: 0, faults: 0, dataDir: null, seed: 1, ...options });
  sims.push(s);
  return s;
}

function client(s: PortalSim, extra: Partial<PortalConfigInput> = {}): PortalClient {
  return new PortalClient({
    baseUrl: s.url,
    username: 'kiosk',
    password: 'kiosk-training',
    madonvi: '000.00.00.H00',
    timeoutMs: 2_000,
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<PortalError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PortalError) return error;
    throw error;
  }
  throw new Error('expected a PortalError');
}

const file = (
  text: string,
): { bytes: Uint8Array; sha256: string; fileName: string; mime: string } => {
  const bytes = new TextEncoder().encode(text);
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: 'to-khai.txt',
    mime: 'text/plain',
  };
};

describe('portal client', () => {
  it('uploads the same content twice to the same id, and the link returns the bytes', async () => {
    const s = await sim();
    const c = client(s);
    const f = file('Tờ khai đăng ký khai sinh');
    const first = await c.uploadFile(f);
    const second = await c.uploadFile(f);
    expect(second).toEqual(first);
    // The file store wants a portal session, like the data API.
    const auth = await fetch(`${s.url}/api/auth`, {
      method: 'POST',
      body: JSON.stringify({ username: DEFAULT_SIM_USER, password: DEFAULT_SIM_PASSWORD }),
    });
    const { session } = (await auth.json()) as { session: string };
    const res = await fetch(first.url, { headers: { 'x-session': session } });
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe('Tờ khai đăng ký khai sinh');
  });

  it('creates a dossier that TraCuuHoSo then finds; a second create is a rejection, an update is not', async () => {
    const c = client(await sim());
    const code = '000.00.00.H00-261125-0001';
    expect(await c.lookup(code)).toEqual([]);
    await c.syncDossiers(false, [portalDossier(code)]);
    expect((await c.lookup(code))[0]?.MaHoSo).toBe(code);
    const dup = await failure(c.syncDossiers(false, [portalDossier(code)]));
    expect(dup.kind).toBe('rejected');
    expect(dup.vi).toContain('đã tồn tại');
    await c.syncDossiers(true, [portalDossier(code, { TrangThaiHoSo: '4' })]);
    expect((await c.lookup(code))[0]?.TrangThaiHoSo).toBe('4');
  });

  it('reports a dossier missing required fields as a rejection with the portal message', async () => {
    const c = client(await sim());
    const bad = portalDossier('000.00.00.H00-261125-0002', {
      DonViXuLy: undefined,
      MaTTHC: '1001193',
    });
    const error = await failure(c.syncDossiers(false, [bad]));
    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(422);
    expect(error.vi).toContain('thiếu trường DonViXuLy');
    expect(error.vi).toContain('MaTTHC');
  });

  it('reports a hash that does not match the bytes as a rejection', async () => {
    const c = client(await sim());
    const error = await failure(c.uploadFile({ ...file('a'), sha256: '0'.repeat(64) }));
    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(400);
  });

  it('treats 429 as transient and reads its Retry-After', async () => {
    const c = client(await sim({ faults: 1, faultKinds: ['rate-limit'] }));
    const error = await failure(c.lookup('000.00.00.H00-261125-0001'));
    expect(error.kind).toBe('transient');
    expect(error.retryAfterMs).toBe(1_000);
  });

  it('treats a 500, a non-JSON page, a reset and a lost answer as transient', async () => {
    for (const kind of ['server-error', 'non-json', 'reset', 'lost-after-commit'] as const) {
      const c = client(await sim({ faults: 1, faultKinds: [kind] }));
      const error = await failure(c.lookup('000.00.00.H00-261125-0001'));
      expect(error.kind, kind).toBe('transient');
      expect(error.answered, kind).toBe(kind === 'server-error' || kind === 'non-json');
    }
  });

  it('gives up on an unanswered call within its bound', async () => {
    const c = client(await sim({ faults: 1, faultKinds: ['timeout'], hangMs: 10_000 }), {
      timeoutMs: 300,
    });
    const started = Date.now();
    const error = await failure(c.lookup('000.00.00.H00-261125-0001'));
    expect(error.kind).toBe('transient');
    expect(error.answered).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('logs in again when the session expires, without the caller noticing', async () => {
    const c = client(await sim({ sessionTtlMs: 200 }));
    await c.lookup('000.00.00.H00-261125-0001');
    await new Promise((r) => setTimeout(r, 300));
    expect(await c.lookup('000.00.00.H00-261125-0001')).toEqual([]);
  });

  it('reports refused credentials as an auth failure naming the settings to fix', async () => {
    const c = client(await sim(), { password: 'wrong' });
    const error = await failure(c.lookup('000.00.00.H00-261125-0001'));
    expect(error.kind).toBe('auth');
    expect(error.vi).toContain('KIOSK_PORTAL_PASSWORD');
  });

  it('speaks to a server whose endpoints live under other paths', async () => {
    const paths = {
      auth: '/adapter/xacthuc',
      integration: '/adapter/tichhop',
      files: '/kho/tailen',
    };
    const c = client(await sim({ paths }), {
      authPath: paths.auth,
      integrationPath: paths.integration,
      filesPath: paths.files,
    });
    const uploaded = await c.uploadFile(file('b'));
    await c.syncDossiers(false, [portalDossier('000.00.00.H00-261125-0003')]);
    expect(uploaded.url).toContain('/files/');
    expect(await c.lookup('000.00.00.H00-261125-0003')).toHaveLength(1);
  });

  it('pings true when a portal answers and false when nothing listens', async () => {
    expect(await client(await sim()).ping()).toBe(true);
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => {
          resolve(typeof address === 'object' && address !== null ? address.port : 0);
        });
      });
    });
    const offline = new PortalClient({
      baseUrl: `http://127.0.0.1:${port}`,
      username: 'u',
      password: 'p',
      madonvi: '000.00.00.H00',
      timeoutMs: 1_000,
    });
    expect(await offline.ping()).toBe(false);
  });
});
