import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LaunchCore } from './core-supervisor';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The core entry beside this module: the TypeScript source, run through tsx,
 * when the shell itself runs from source (tests, the e2e harness); the
 * bundled dist/node/core-main.mjs when it runs from the bundle (`npm start`),
 * where this code sits in dist/node/ too.
 */
export function coreEntry(): { readonly path: string; readonly execArgv: readonly string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource
    ? {
        path: fileURLToPath(new URL('./core-main.ts', import.meta.url)),
        execArgv: ['--import', 'tsx'],
      }
    : { path: fileURLToPath(new URL('./core-main.mjs', import.meta.url)), execArgv: [] };
}

/**
 * The browser shell's launcher: the same Node, child_process.fork with the
 * structured-clone ("advanced") serialization, so uploaded files cross as
 * bytes. The core's stdout and stderr go where the shell's go.
 */
export const forkCore: LaunchCore = (listener) => forkEntry(coreEntry())(listener);

/** {@link forkCore} of another entry (a stand-in core in the supervisor's tests). */
export const forkEntry =
  (entry: ReturnType<typeof coreEntry>): LaunchCore =>
  (listener) => {
    const child = fork(entry.path, [], {
      cwd: root,
      execArgv: [...entry.execArgv],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message) => {
      listener.message(message);
    });
    child.on('error', (error) => {
      // A failed send is followed by the exit, which is what counts; a failed
      // spawn has no exit to follow.
      if (child.pid === undefined) listener.exit(`spawn failed: ${String(error)}`);
    });
    child.once('exit', (code, signal) => {
      listener.exit(signal ?? `exit code ${String(code)}`);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (child.connected) child.send(message);
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  };
