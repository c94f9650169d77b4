/**
 * A second, independent server following the issue-4 wire contract the way
 * another adapter might: other endpoint paths, `error_code` as the string
 * "00", extra fields in every answer, files served from a query-string URL.
 * It shares no code with our simulator, so `kiosk sync` passing against it
 * shows the client follows the contract, not the simulator.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const OTHER_PATHS = {
  auth: '/dvcqg/xac-thuc',
  integration: '/dvcqg/tich-hop',
  files: '/kho/tai-len',
};

export interface OtherPortal {
  readonly url: string;
  readonly dossiers: Map<string, Record<string, unknown>>;
  readonly files: Map<string, Buffer>;
  creates: number;
  duplicates: number;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface OtherPortalQuirks {
  /**
   * The first create of each dossier is committed and its answer lost, and the
   * lookup that follows still reads a stale replica (answers "not found").
   */
  readonly laggingLookup?: boolean;
}

export async function startOtherPortal(quirks: OtherPortalQuirks = {}): Promise<OtherPortal> {
  const staleOnce = new Set<string>();
  const sessions = new Set<string>();
  const state = {
    dossiers: new Map<string, Record<string, unknown>>(),
    files: new Map<string, Buffer>(),
    creates: 0,
    duplicates: 0,
  };
  let origin = '';
  const server: Server = createServer((req, res) => {
    /** Answers; returns true so a handler can `return reply(…)`. */
    const reply = (status: number, payload: Record<string, unknown>): true => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...payload, server: 'other-portal', ts: Date.now() }));
      return true;
    };
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const raw = await body(req);
      if (req.method === 'GET' && url.pathname === '/kho/tep') {
        const bytes = state.files.get(url.searchParams.get('ma') ?? '');
        if (bytes === undefined) reply(404, { error_code: '404', message: 'không có' });
        else res.end(bytes);
        return true;
      }
      if (url.pathname === OTHER_PATHS.auth) {
        const { username, password } = JSON.parse(raw.toString()) as Record<string, string>;
        if (username !== 'can-bo' || password !== 'mat-khau')
          return reply(401, { error_code: '401', message: 'sai' });
        const session = randomUUID();
        sessions.add(session);
        return reply(200, { error_code: '00', session, expires_in: 3600 });
      }
      if (url.pathname === OTHER_PATHS.files) {
        if (!sessions.has(String(req.headers['x-session'])))
          return reply(401, { error_code: '401', message: 'phiên' });
        const request = new Request('http://x/', {
          method: 'POST',
          headers: { 'content-type': String(req.headers['content-type']) },
          body: raw,
        });
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        const form = await request.formData();
        const file = form.get('file');
        if (!(file instanceof Blob)) return reply(400, { error_code: '1', message: 'thiếu tệp' });
        const bytes = Buffer.from(await file.arrayBuffer());
        const sha = createHash('sha256').update(bytes).digest('hex');
        if (sha !== form.get('sha256'))
          return reply(400, { error_code: '5', message: 'sai mã băm' });
        state.files.set(sha, bytes);
        return reply(200, {
          error_code: '00',
          id: sha,
          sha256: sha,
          url: `${origin}/kho/tep?ma=${sha}`,
        });
      }
      if (url.pathname === OTHER_PATHS.integration) {
        const call = JSON.parse(raw.toString()) as Record<string, unknown>;
        if (!sessions.has(String(call.session)))
          return reply(401, { error_code: '401', message: 'phiên' });
        if (call.service === 'TraCuuHoSo') {
          const code = String(call.mahoso);
          if (staleOnce.delete(code)) return reply(200, { error_code: '00', result: [] });
          const found = state.dossiers.get(code);
          return reply(200, { error_code: '00', result: found === undefined ? [] : [found] });
        }
        if (call.service === 'DongBoHoSoMC') {
          const data = call.data as Record<string, unknown>[];
          for (const d of data) {
            const code = String(d.MaHoSo);
            if (call.isUpdating === 'False' && state.dossiers.has(code)) {
              state.duplicates++;
              return reply(409, { error_code: '3', message: 'trùng mã hồ sơ' });
            }
            if (call.isUpdating === 'False') state.creates++;
            state.dossiers.set(code, d);
            if (quirks.laggingLookup === true && call.isUpdating === 'False') {
              staleOnce.add(code);
              req.socket.destroy();
              return true;
            }
          }
          return reply(200, { error_code: '00' });
        }
      }
      return reply(404, { error_code: '1', message: 'không có dịch vụ' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  });
}
