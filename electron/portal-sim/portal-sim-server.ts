/**
 * The training portal's HTTP server (node:http, 127.0.0.1 only): routes the
 * wire contract to {@link SimRoutes} and injects the faults of {@link FaultPlan}
 * into the API calls (auth, files, integration). Simulator-only routes live under `/__sim/`.
 */
import { TRAINING_PORTAL_PASSWORD } from '../services/portal/portal-settings';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan, faultKinds, seededRandom, type FaultKind } from './fault-plan';
import { LateCreates } from './sim-late-create';
import { controlAllowed, newControlSecret, refuseForeign } from './sim-guard';
import { statusRoutes } from './sim-progress-route';
import { SimRoutes, type Reply } from './sim-routes';
import { SimStore, type SimStats } from './sim-store';

export interface PortalSimOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Probability (0..1) that an API call gets a fault. */
  readonly faults: number;
  readonly seed?: number;
  /** Folder of the simulator's SQLite file; null keeps it in memory. */
  readonly dataDir: string | null;
  readonly username?: string;
  readonly password?: string;
  readonly sessionTtlMs?: number;
  /** How long a `timeout` fault holds the connection before dropping it. */
  readonly hangMs?: number;
  /** How long a `late-commit` fault holds the call before committing it. */
  readonly lateMs?: number;
  /** The kinds drawn from (default: all). */
  readonly faultKinds?: readonly FaultKind[];
  /** Endpoint paths, for proving a client's configurable paths; default /api/auth, /api/integration, /api/files. */
  readonly paths?: { readonly auth: string; readonly integration: string; readonly files: string };
  /** Secret the `/__sim/` control routes require (header x-sim-control); default: random per launch. */
  readonly controlSecret?: string;
  /** Dossiers, files and history older than this are deleted (the kiosk's retention); default: kept. */
  readonly retentionMs?: number;
}

export interface PortalSim {
  readonly url: string;
  /** This launch's secret for the `/__sim/` control routes. */
  readonly controlSecret: string;
  stats(): SimStats;
  close(): Promise<void>;
}

/** The config file's default portal account (config-schema.ts), so training works out of the box. */
export const DEFAULT_SIM_USER = 'kiosk';
/** The same password the kiosk uses in training mode when none is configured. */
export const DEFAULT_SIM_PASSWORD = TRAINING_PORTAL_PASSWORD;

const MAX_BODY = 64 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const isBytes = Buffer.isBuffer(reply.body);
  const payload =
    isBytes || typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': isBytes ? 'application/octet-stream' : 'application/json; charset=utf-8',
    ...reply.headers,
  });
  res.end(payload);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startPortalSim(options: PortalSimOptions): Promise<PortalSim> {
  const store = new SimStore(options.dataDir);
  const plan = new FaultPlan(
    options.faults,
    seededRandom(options.seed ?? Date.now()),
    options.faultKinds ?? faultKinds,
  );
  const paths = options.paths ?? {
    auth: '/api/auth',
    integration: '/api/integration',
    files: '/api/files',
  };
  const isApi = (path: string): boolean => Object.values(paths).includes(path);
  const routes = new SimRoutes(store, {
    username: options.username ?? DEFAULT_SIM_USER,
    password: options.password ?? DEFAULT_SIM_PASSWORD,
    sessionTtlMs: options.sessionTtlMs ?? 30 * 60_000,
    now: Date.now,
  });
  const hangMs = options.hangMs ?? 30_000;
  const lateMs = options.lateMs ?? 8_000;
  const lateCreates = new LateCreates();

  const api = async (req: IncomingMessage, path: string, raw: Buffer): Promise<Reply> => {
    if (path === paths.auth) return routes.auth(raw);
    if (path === paths.files) return routes.files(req.headers, raw);
    if (path === paths.integration) return routes.integration(raw);
    return { status: 404, body: { error_code: 1, message: 'Không có đường dẫn này.' } };
  };

  const onApi = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const raw = await readBody(req);
    if (raw === null) {
      send(res, { status: 413, body: { error_code: 1, message: 'Nội dung quá lớn.' } });
      return;
    }
    store.bump('requests');
    let fault: FaultKind | null =
      path === paths.integration && lateCreates.take(raw) ? 'late-commit' : plan.next();
    const session = routes.sessionOf(req.headers, raw);
    if (fault === 'expired-session' && session === null) fault = null;
    if (fault !== null) {
      store.bump('faults');
      store.bump(`fault:${fault}`);
    }
    switch (fault) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'timeout':
        setTimeout(() => req.socket.destroy(), hangMs).unref();
        return;
      case 'server-error':
        send(res, {
          status: 500,
          body: { error_code: 500, message: 'Lỗi máy chủ Cổng (mô phỏng).' },
        });
        return;
      case 'rate-limit':
        send(res, {
          status: 429,
          headers: { 'retry-after': '1' },
          body: { error_code: 429, message: 'Quá nhiều yêu cầu; thử lại sau.' },
        });
        return;
      case 'non-json':
        send(res, {
          status: 502,
          headers: { 'content-type': 'text/html' },
          body: '<html><body>502 Bad Gateway</body></html>',
        });
        return;
      case 'expired-session':
        if (session !== null) store.expireSession(session);
        send(res, {
          status: 401,
          body: { error_code: 401, message: 'Phiên làm việc đã hết hạn; hãy đăng nhập lại.' },
        });
        return;
      case 'latency':
        await sleep(plan.latencyMs());
        break;
      case 'late-commit':
        await sleep(lateMs);
        break;
      case 'lost-after-commit':
      case null:
        break;
    }
    const reply = await api(req, path, raw);
    if (fault === 'lost-after-commit') {
      req.socket.destroy();
      return;
    }
    send(res, reply);
  };

  const controlSecret = options.controlSecret ?? newControlSecret();
  const onSim = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (!controlAllowed(req.headers, controlSecret)) {
      send(res, {
        status: 403,
        body: { error_code: 403, message: 'Đường dẫn điều khiển cần mã bí mật của lần chạy này.' },
      });
      return;
    }
    const statusReply = statusRoutes(store, req.method, url);
    if (statusReply !== null) send(res, statusReply);
    else if (req.method === 'GET' && url.pathname === '/__sim/stats') {
      const s = store.stats();
      send(res, { status: 200, body: { ...s } });
    } else if (req.method === 'GET' && url.pathname === '/__sim/surveys') {
      const surveys = store.surveys;
      send(res, {
        status: 200,
        body: { surveys: surveys.all(), ...surveys.stats(store.counters()) },
      });
    } else if (req.method === 'GET' && url.pathname === '/__sim/dossiers') {
      send(res, { status: 200, body: { dossiers: store.allDossiers() } });
    } else if (req.method === 'POST' && url.pathname === '/__sim/late-create') {
      const ok = lateCreates.arm(url.searchParams.get('count'));
      send(res, { status: ok ? 200 : 400, body: { error_code: ok ? 0 : 1 } });
    } else if (req.method === 'POST' && url.pathname === '/__sim/status') {
      const code = url.searchParams.get('mahoso') ?? '';
      const status = url.searchParams.get('status') ?? '';
      const ngayTra = url.searchParams.get('ngaytra');
      const ok =
        /^(10|[1-9])$/.test(status) &&
        (ngayTra === null || /^\d{14}$/.test(ngayTra)) &&
        store.setStatus(code, status, Date.now(), ngayTra ?? undefined);
      send(res, { status: ok ? 200 : 404, body: { error_code: ok ? 0 : 4 } });
    } else {
      send(res, { status: 404, body: { error_code: 1, message: 'Không có đường dẫn này.' } });
    }
  };

  let port = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = async (): Promise<void> => {
      const refusal = refuseForeign(req.headers, port);
      if (refusal !== null) {
        req.resume();
        send(res, { status: refusal.status, body: { error_code: 403, message: refusal.message } });
      } else if (req.method === 'POST' && isApi(url.pathname)) await onApi(req, res, url.pathname);
      else if (req.method === 'GET' && url.pathname.startsWith('/files/'))
        send(res, routes.fileBytes(req.headers, url.pathname.slice(7)));
      else onSim(req, res, url);
    };
    handle().catch((error: unknown) => {
      if (!res.headersSent) {
        send(res, {
          status: 500,
          body: { error_code: 500, message: `Lỗi nội bộ: ${String(error)}` },
        });
      } else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  routes.origin = url;
  const purge = (): void => {
    if (options.retentionMs !== undefined) store.purgeOlderThan(Date.now() - options.retentionMs);
  };
  purge();
  const purgeTimer = setInterval(purge, 3600_000);
  purgeTimer.unref();

  return {
    url,
    controlSecret,
    stats: () => store.stats(),
    close: async () => {
      clearInterval(purgeTimer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      store.close();
    },
  };
}
