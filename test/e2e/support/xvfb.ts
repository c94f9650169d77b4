import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface VirtualDisplay {
  readonly display: string;
  stop(): void;
}

/**
 * Starts our own Xvfb (what xvfb-run does) on a display number it picks
 * itself (-displayfd), so a windowed test runs on a machine with no screen.
 * Returns undefined when Xvfb is not installed; the caller skips with a reason.
 */
export async function startXvfb(): Promise<VirtualDisplay | undefined> {
  if (spawnSync('sh', ['-c', 'command -v Xvfb']).status !== 0) return undefined;
  const child: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '1', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      reject(new Error('Xvfb did not start in 10 s'));
    }, 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code}`));
    });
  });
  return {
    display: `:${number}`,
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}
