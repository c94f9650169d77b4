import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Mutation testing reruns the suite once per mutant, so it uses the fast unit
// project only: tests that start peers (pcscd, SANE, Chromium) are too slow to
// repeat hundreds of times on a 2-core machine.
export default defineConfig({
  test: {
    root,
    include: [
      'electron/**/*.test.ts',
      'native/**/*.test.ts',
      'scanners/**/*.test.ts',
      'build/**/*.test.ts',
    ],
    // Stryker runs vitest in worker threads. These tests load the PC/SC and
    // HID addons (the CLI's command table, the whole core behind the browser
    // shell), whose native threads call back into a worker vitest has already
    // torn down: V8 aborts the run ("Entering the V8 API without proper
    // locking"). They guard the CLI and the shell, not the mutated modules.
    exclude: [
      ...configDefaults.exclude,
      'electron/api/transports/ws-server.test.ts',
      'electron/cli/commands/commands.test.ts',
      'electron/cli/commands/hid.test.ts',
      'electron/shell/core-gate.test.ts',
    ],
    testTimeout: 30_000,
  },
});
