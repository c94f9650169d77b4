/**
 * Entry of the core's own process (bundled to dist/node/core-main.mjs and
 * dist/electron/core-main.mjs). The browser shell starts it with
 * child_process.fork, the Electron shell with utilityProcess.fork; either
 * way it composes the core and answers the shell's calls (core-host.ts).
 */
import type { CoreChannel } from './core-host';
import { hostCore } from './core-host';

/** Electron's utility process exposes its port to main as process.parentPort. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function channel(): CoreChannel {
  // Electron's types declare it on every process; it exists only in a utility process.
  const { parentPort } = process as { parentPort?: ParentPort };
  if (parentPort) {
    return {
      send: (message) => {
        parentPort.postMessage(message);
      },
      onMessage: (listener) => {
        parentPort.on('message', (event) => {
          listener(event.data);
        });
      },
      // A utility process ends with main; there is no separate close event.
      onClose: () => undefined,
    };
  }
  const send = process.send?.bind(process);
  if (!send) {
    process.stderr.write('core-main: start me with child_process.fork or utilityProcess.fork\n');
    process.exit(2);
  }
  return {
    send: (message) => {
      if (process.connected) send(message);
    },
    onMessage: (listener) => {
      process.on('message', listener);
    },
    onClose: (listener) => {
      process.once('disconnect', listener);
    },
  };
}

hostCore(channel(), (code) => process.exit(code));

// As in the shells before the split: a handler's stray error is logged by the
// core's services where they can; here it must not end the process and lose
// a citizen's scan. A native crash still ends it, and the shell restarts it.
process.on('uncaughtException', (error) => {
  process.stderr.write(`core: uncaught error; the core keeps running: ${String(error)}\n`);
});
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`core: unhandled rejection; the core keeps running: ${String(reason)}\n`);
});
