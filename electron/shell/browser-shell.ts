import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachWsTransport } from '../api/transports/ws-server';
import { createCore, type Core } from './composition-root';
import { securityHeaders } from './security-policy';
import { readStaticFile } from './static-files';

export interface BrowserShellOptions {
  readonly dataDir: string;
  /** Folder of the built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** Overrides the config's port (0 = any free port). */
  readonly port?: number;
  readonly core?: Core;
}

export interface BrowserShell {
  readonly core: Core;
  /** http://localhost:PORT/?token=… (served on 127.0.0.1) — the one address that opens the kiosk. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * The same core as the Electron shell, serving the renderer on 127.0.0.1 and
 * the API over a loopback WebSocket that requires the per-launch token.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const core = options.core ?? createCore({ dataDir: options.dataDir, shell: 'browser' });
  const log = core.logger.child({ subsystem: 'browser-shell' });
  const token = randomBytes(32).toString('hex');
  let origins: string[] = [];
  const headers = securityHeaders();

  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    void readStaticFile(options.rendererDir, path).then((file) => {
      if (!file) {
        response
          .writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Not found');
        return;
      }
      response.writeHead(200, { ...headers, 'Content-Type': file.type });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    });
  });
  const wss = attachWsTransport({
    server,
    token,
    allowedOrigins: () => origins,
    dispatch: core.dispatch,
    events: core.events,
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? core.config.browserShell.port, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // Bound to 127.0.0.1 only. The page is opened as http://localhost:PORT
  // because WebAuthn (staff sign-in with a security key) refuses IP-address
  // origins; Chromium resolves localhost to loopback itself.
  const origin = `http://localhost:${port}`;
  origins = [origin, `http://127.0.0.1:${port}`];
  log.info({ port }, 'browser shell listening on 127.0.0.1');

  return {
    core,
    origin,
    url: `${origin}/?token=${token}`,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await core.dispose();
    },
  };
}
