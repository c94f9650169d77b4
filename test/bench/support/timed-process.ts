import { spawn } from 'node:child_process';

export interface Timed {
  /** Wall-clock milliseconds from spawn to exit. */
  readonly ms: number;
  /** CPU milliseconds (user + system) of the process and its children, from /usr/bin/time. */
  readonly cpuMs: number;
  readonly status: number | null;
  readonly stdout: string;
}

/** Runs a command to its end under /usr/bin/time. */
export function timed(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'CPU %U %S', command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      if (m === null) {
        reject(new Error(`/usr/bin/time gave no CPU figure for ${command}: ${stderr}`));
        return;
      }
      resolve({ ms, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, status, stdout });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
