import { utilityProcess } from 'electron';
import { fileURLToPath } from 'node:url';
import type { LaunchCore } from './core-supervisor';

/**
 * The Electron shell's launcher: the core runs in a utility process (a
 * Chromium-managed Node process, as VS Code hosts its extensions), so a crash
 * in pcsclite, sharp or SQLite, or a page pipeline holding the event loop,
 * never takes the window with it. main.mjs is always the bundle, so the core
 * is the bundled core-main.mjs beside it (build/bundle-electron.ts); inside a
 * packaged asar, Electron reads it from the archive as main's own modules.
 *
 * Messages cross as structured clones (uploaded bytes stay a Uint8Array), the
 * same shape child_process.fork's "advanced" serialization gives the browser
 * shell (fork-launcher.ts), so core-main.ts and the supervisor serve both.
 */
export const utilityCore: LaunchCore = (listener) => {
  const child = utilityProcess.fork(
    fileURLToPath(new URL('./core-main.mjs', import.meta.url)),
    [],
    {
      serviceName: 'Kiosk Một cửa core',
      stdio: 'inherit',
    },
  );
  let exited = false;
  child.on('message', (message: unknown) => {
    listener.message(message);
  });
  child.once('exit', (code) => {
    exited = true;
    listener.exit(`exit code ${String(code)}`);
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => {
      // A message to a process that already ended is dropped; its exit is what counts.
      if (!exited) child.postMessage(message);
    },
    kill: () => {
      child.kill();
    },
  };
};
