/**
 * Real peers for the sync tests: the portal simulator and the `kiosk` CLI, each
 * a child process started here and stopped by the PID we started (never by name).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TRAINING_PORTAL_PASSWORD } from '../../../electron/services/portal/portal-settings';
import {
  newControlSecret,
  SIM_CONTROL_ENV,
  SIM_CONTROL_HEADER,
} from '../../../electron/portal-sim/sim-guard';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface SimProcess {
  readonly url: string;
  /** The secret its `/__sim/` control routes need. */
  readonly controlSecret: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
}

/** Starts `electron/portal-sim/main.ts` with `args` and resolves with the URL it prints. */
export async function startSim(args: readonly string[], timeoutMs = 20_000): Promise<SimProcess> {
  const controlSecret = newControlSecret();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/portal-sim/main.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, [SIM_CONTROL_ENV]: controlSecret },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`portal-sim did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /portal-sim listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`portal-sim exited (${code}) before listening: ${stderr}`));
    });
  });
  secrets.set(url, controlSecret);
  return {
    url,
    controlSecret,
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

export interface KioskRun {
  readonly child: ChildProcess;
  /** Resolves with the exit code (null when killed) and the output. */
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `kiosk ARGS` (electron/cli/main.ts) as a child process with `env` added. */
export function startKiosk(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): KioskRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = exited(child).then((code) => ({ code, stdout, stderr }));
  return { child, done };
}

/** Control secrets of the simulators started here, by their URL. */
const secrets = new Map<string, string>();

/** Lets {@link simFetch} reach an in-process simulator's control routes too. */
export function rememberSim(sim: { readonly url: string; readonly controlSecret: string }): void {
  secrets.set(sim.url, sim.controlSecret);
}

/** fetch() to a simulator's `/__sim/` route, carrying that simulator's control secret. */
export function simFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const secret = secrets.get(new URL(url).origin) ?? '';
  const headers = new Headers(init.headers);
  headers.set(SIM_CONTROL_HEADER, secret);
  return fetch(url, { signal: AbortSignal.timeout(10_000), ...init, headers });
}

/** GET JSON from a simulator-only route (never faulted). */
export async function simGet<T>(url: string): Promise<T> {
  const res = await simFetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Portal sessions simFile holds, by origin and account, so 1,000 links need not log in 1,000 times. */
const fileSessions = new Map<string, string>();

/** Log in to the simulator, retrying through injected faults (a hung answer costs 2 s, not 30). */
async function simSession(origin: string, user: string, password: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const auth = await fetch(`${origin}/api/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user, password }),
        signal: AbortSignal.timeout(2_000),
      });
      const body = (await auth.json()) as { session?: string };
      if (auth.ok && typeof body.session === 'string') return body.session;
    } catch (error) {
      if (attempt >= 30) throw error;
    }
    if (attempt >= 30) throw new Error(`no portal session from ${origin}`);
  }
}

/**
 * GET an attachment link with a portal session, as the real portal's file
 * store requires. Logs in with the simulator's default account once per
 * origin and again only when the portal says the session has expired.
 */
export async function simFile(
  link: string,
  user = 'kiosk', // the simulator's default account (DEFAULT_SIM_USER)
  password = TRAINING_PORTAL_PASSWORD,
): Promise<Response> {
  const origin = new URL(link).origin;
  const key = `${origin} ${user}`;
  for (let attempt = 1; ; attempt++) {
    let session = fileSessions.get(key);
    if (session === undefined) {
      session = await simSession(origin, user, password);
      fileSessions.set(key, session);
    }
    const res = await fetch(link, {
      headers: { 'x-session': session },
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status !== 401 || attempt >= 3) return res;
    fileSessions.delete(key);
  }
}
