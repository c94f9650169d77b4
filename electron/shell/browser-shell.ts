import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiErrorSchema, KioskError } from '../api/errors';
import { EventHub } from '../api/event-hub';
import { attachWsTransport, type WsLimits } from '../api/transports/ws-server';
import { UPLOAD_PATH } from '../api/wire';
import { loadConfig } from '../services/config/config-file';
import type { Config } from '../services/config/config-schema';
import { createLogger, type Logger } from '../services/log/logger';
import { UploadStore } from '../services/uploads/upload-store';
import type { Dispatch } from '../api/dispatcher';
import type { Core, CoreOptions } from './composition-root';
import { CoreGate } from './core-gate';
import { loadDisplayKey } from './display-key';
import {
  CoreSupervisor,
  type LaunchCore,
  type RestartPolicy,
} from './core-process/core-supervisor';
import { forkCore } from './core-process/fork-launcher';
import { warmLibraries } from './library-warm-up';
import { securityHeaders } from './security-policy';
import { LaunchCodes } from './launch-codes';
import { LaunchPages } from './launch-page';
import { RequestsInFlight } from './requests-in-flight';
import { readStaticFile } from './static-files';
import { handleUpload } from './upload-route';

export interface BrowserShellOptions {
  readonly dataDir: string;
  /** Folder of the built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** Overrides the config's port (0 = any free port). */
  readonly port?: number;
  /** A core already composed (tests); implies `coreProcess: 'in-process'`. */
  readonly core?: Core;
  /**
   * Where the core runs: in its own process (the default; `npm start` and the
   * e2e suite) or composed in this one after the shell listens (tests, and
   * KIOSK_CORE_PROCESS=in-process for comparing the two).
   */
  readonly coreProcess?: 'split' | 'in-process';
  /** Overrides how the core's process is started (tests). */
  readonly launchCore?: LaunchCore;
  /** Overrides the core's restart backoff and give-up rule (tests). */
  readonly restartPolicy?: RestartPolicy;
  /** Overrides the socket limits (tests). */
  readonly wsLimits?: Partial<WsLimits>;
}

export interface BrowserShell {
  readonly config: Config;
  readonly logger: Logger;
  /**
   * Resolves once the core answers. The shell answers pages before then;
   * calls made meanwhile wait for it. Rejects when composing failed.
   */
  readonly ready: Promise<void>;
  /** The core's own process (split mode): its pid and state, for tests and the log. */
  readonly coreProcess: CoreSupervisor | undefined;
  /** http://localhost:PORT/?token=… (served on 127.0.0.1) — the one address that opens the kiosk. */
  readonly url: string;
  readonly origin: string;
  /**
   * The hall display's address (`/display` with this machine's display key):
   * the same after a restart on the same port, so a TV's page reconnects by
   * itself; it opens no staff method and nothing personal.
   */
  readonly displayUrl: string;
  /**
   * A one-time launch page for the browser's command line (a file:// URL):
   * it redirects to the shell with a one-time code, whose first load is
   * redirected to the page with the token; it opens nothing after that.
   */
  launchPage(): string;
  close(): Promise<void>;
}

/**
 * The same core as the Electron shell, serving the renderer on 127.0.0.1 and
 * the API over a loopback WebSocket that requires the per-launch token.
 * It listens as soon as the config is read and composes the core after, so
 * a kiosk restarted after a power cut shows its page within about two
 * seconds (loading the PDF, signing and image libraries takes several more);
 * every check on the token, the Origin and the launch code holds from the
 * first request.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const config = options.core?.config ?? loadConfig(options.dataDir).config;
  const logger = options.core?.logger ?? createLogger(options.dataDir, config.logs);
  const events = options.core?.events ?? new EventHub();
  const log = logger.child({ subsystem: 'browser-shell' });
  const inProcess =
    options.core !== undefined ||
    (options.coreProcess ??
      (process.env.KIOSK_CORE_PROCESS === 'in-process' ? 'in-process' : 'split')) === 'in-process';
  // In-process only: the split core keeps its UploadStore in its own process.
  const uploads = options.core?.uploads ?? new UploadStore();
  const token = randomBytes(32).toString('hex');
  const displayKey = loadDisplayKey(options.dataDir);
  let origins: string[] = [];
  const headers = securityHeaders();
  const launchPages = new LaunchPages(options.dataDir);
  const launchCodes = new LaunchCodes({
    onEnd: (code) => {
      launchPages.remove(code);
    },
  });

  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === UPLOAD_PATH) {
      handleUpload(request, response, {
        token,
        allowedOrigins: () => origins,
        store: storeUpload,
        log,
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const launch = url.searchParams.get('launch');
    if (launch !== null) {
      if (launchCodes.redeem(launch)) {
        response
          .writeHead(303, { ...headers, 'Cache-Control': 'no-store', Location: `/?token=${token}` })
          .end();
      } else {
        log.warn({}, 'launch code refused (used, expired or forged)');
        response
          .writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
          .end(
            'Mã mở kiosk đã dùng hoặc hết hạn. Hãy khởi động lại kiosk. / This launch code was used or has expired; restart the kiosk.',
          );
      }
      return;
    }
    void readStaticFile(options.rendererDir, url.pathname).then(
      (file) => {
        if (!file) {
          response
            .writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
            .end('Not found');
          return;
        }
        response.writeHead(200, { ...headers, 'Content-Type': file.type });
        response.end(request.method === 'HEAD' ? undefined : file.body);
      },
      (error: unknown) => {
        log.warn({ err: error }, 'static file not served');
        if (!response.headersSent) response.writeHead(500).end();
      },
    );
  };
  const inFlight = new RequestsInFlight();
  // No request can end the process: a handler's failure is logged and answered 500.
  const server: Server = createServer((request, response) => {
    inFlight.track(response);
    response.on('error', (error) => {
      log.warn({ err: error }, 'HTTP response error');
    });
    try {
      serve(request, response);
    } catch (error) {
      log.error({ err: error }, 'HTTP handler failed');
      if (!response.headersSent) response.writeHead(500).end();
    }
  });
  server.on('clientError', (error, socket) => {
    log.warn({ err: error }, 'malformed HTTP request refused');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  let compose: (core: Promise<Core>) => void = () => undefined;
  const composed = new Promise<Core>((resolve) => {
    compose = resolve;
  });
  const gate = new CoreGate(composed);
  // Split: the core's process starts now and composes while the shell
  // listens; this process never loads the core's modules.
  const supervisor = inProcess
    ? undefined
    : new CoreSupervisor({
        launch: options.launchCore ?? forkCore,
        init: { type: 'init', dataDir: options.dataDir, shell: 'browser', wipesRenderer: false },
        events,
        log: logger.child({ subsystem: 'core-process' }),
        ...(options.restartPolicy ? { policy: options.restartPolicy } : {}),
      });
  const dispatch: Dispatch = supervisor ? supervisor.dispatch : gate.dispatch;
  const storeUpload = supervisor
    ? (bytes: Buffer, mime: string) => supervisor.upload(bytes, mime)
    : (bytes: Buffer, mime: string) =>
        Promise.resolve({ ok: true as const, value: { uploadId: uploads.put(bytes, mime) } });
  const wss = attachWsTransport({
    server,
    token,
    displayKey,
    allowedOrigins: () => origins,
    dispatch,
    events,
    log,
    ...(options.wsLimits ? { limits: options.wsLimits } : {}),
    onConnectionClosed: (connection) => {
      if (supervisor) supervisor.endConnection(connection);
      else gate.endConnection(connection);
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? config.browserShell.port, '127.0.0.1', () => {
        resolve();
      });
    });
  } catch (error) {
    await supervisor?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  // Bound to 127.0.0.1 only. The page is opened as http://localhost:PORT
  // because WebAuthn (staff sign-in with a security key) refuses IP-address
  // origins; Chromium resolves localhost to loopback itself.
  const origin = `http://localhost:${port}`;
  origins = [origin, `http://127.0.0.1:${port}`];
  log.info({ port }, 'browser shell listening on 127.0.0.1');
  if (options.core) compose(Promise.resolve(options.core));
  else if (inProcess) {
    // On the next turn, so the caller prints the address before the
    // libraries' loading holds the event loop.
    setImmediate(() => {
      compose(
        composeCore({ dataDir: options.dataDir, config, logger, events, uploads }, () =>
          inFlight.idle(),
        ).then((core) => {
          log.info({ ms: Math.round(performance.now()) }, 'core composed; calls answered');
          return core;
        }),
      );
    });
  }

  const ready = supervisor
    ? supervisor.ready.catch((failure: unknown) => {
        const error = (failure as { error?: { code?: unknown; message?: unknown } }).error;
        const parsed = ApiErrorSchema.safeParse(error);
        throw parsed.success
          ? new KioskError(parsed.data.code, parsed.data.message)
          : new KioskError('NOT_AVAILABLE', 'The kiosk core did not start; see the log');
      })
    : composed.then(() => undefined);
  return {
    config,
    logger,
    ready,
    coreProcess: supervisor,
    origin,
    url: `${origin}/?token=${token}`,
    displayUrl: `${origin}/?display=${displayKey}#/display`,
    launchPage: () => {
      const code = launchCodes.issue();
      return launchPages.write(code, `${origin}/?launch=${code}`);
    },
    close: async () => {
      launchPages.removeAll();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      if (supervisor) await supervisor.close();
      else await (await gate.settled)?.dispose();
    },
  };
}

/** Loads the composition root (and the libraries it pulls in) only now, after listening. */
async function composeCore(
  options: Pick<CoreOptions, 'dataDir' | 'config' | 'logger' | 'events' | 'uploads'>,
  idle: () => Promise<void>,
): Promise<Core> {
  await warmLibraries(idle);
  const { createCore } = await import('./composition-root');
  return createCore({ ...options, shell: 'browser' });
}
