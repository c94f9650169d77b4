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
  /** http://127.0.0.1:PORT/?token=… — the one address that opens the kiosk. */
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
  let origin = '';
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
    allowedOrigin: () => origin,
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
  origin = `http://127.0.0.1:${port}`;
  log.info({ port }, 'browser shell listening on loopback');

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
