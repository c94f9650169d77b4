/**
 * What the kill tests need around a browser shell process: which core
 * process it runs (learned from the shell's own log, never from a route),
 * killing that one only, and a probe that the shell's HTTP server answers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShellProcess } from '../../e2e/support/shell-process';

export interface CoreStart {
  readonly pid: number;
  /** When the shell logged it ready (epoch ms). */
  readonly at: number;
}

/** The shell's `core ready` lines, oldest first (`<data>/logs/kiosk.*.log`). */
function coreStarts(dataDir: string): CoreStart[] {
  const logs = join(dataDir, 'logs');
  const starts: CoreStart[] = [];
  if (!existsSync(logs)) return starts;
  for (const file of readdirSync(logs)
    .filter((f) => f.startsWith('kiosk.'))
    .sort()) {
    for (const line of readFileSync(join(logs, file), 'utf8').split('\n')) {
      if (!line.includes('"core ready"')) continue;
      const entry = JSON.parse(line) as { pid?: unknown; time?: unknown };
      if (typeof entry.pid === 'number' && typeof entry.time === 'string') {
        starts.push({ pid: entry.pid, at: Date.parse(entry.time) });
      }
    }
  }
  return starts;
}

/** The parent's pid of a running process (Linux), or undefined when it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Waits (at most `ms`) for the shell to log a core ready whose pid is not
 * `previous`, and which is this shell's child; answers it.
 */
export async function nextCore(
  shell: ShellProcess,
  previous: number | undefined,
  ms = 30_000,
): Promise<CoreStart> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const last = coreStarts(shell.dataDir).at(-1);
    if (last && last.pid !== previous && parentOf(last.pid) === shell.child.pid) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no new core process logged ready within ${ms} ms`);
}

/** SIGKILLs the core, after checking that it is this shell's child. */
export function killCore(shell: ShellProcess, pid: number): number {
  return signalCore(shell, pid, 'SIGKILL');
}

/** Sends `signal` to the core (SIGSTOP: a hung core), after checking that it is this shell's child. */
export function signalCore(shell: ShellProcess, pid: number, signal: NodeJS.Signals): number {
  if (parentOf(pid) !== shell.child.pid) {
    throw new Error(`process ${pid} is not the core of the shell this test started`);
  }
  process.kill(pid, signal);
  return Date.now();
}

export interface ProbeReport {
  readonly requests: number;
  readonly failures: number;
  readonly slowestMs: number;
}

/**
 * GETs the shell's page every 100 ms until stopped: did it answer each time?
 * Stop it before stopping the shell: its keep-alive connection would hold
 * the shell's server open.
 */
export function probeHttp(origin: string): { stop(): Promise<ProbeReport> } {
  const stopped = new AbortController();
  let requests = 0;
  let failures = 0;
  let slowestMs = 0;
  const loop = (async () => {
    while (!stopped.signal.aborted) {
      const started = Date.now();
      requests++;
      try {
        const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        if (response.status !== 200) failures++;
      } catch {
        failures++;
      }
      slowestMs = Math.max(slowestMs, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      stopped.abort();
      await loop;
      return { requests, failures, slowestMs };
    },
  };
}
