import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Three projects: unit tests beside the code (parallel), integration and
// security tests that start real peers, and end-to-end tests in Chromium. Peers such as
// pcscd own machine-wide sockets, so those two run one file at a time.
export default defineConfig({
  test: {
    root,
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: [
            'electron/**/*.test.ts',
            'native/**/*.test.ts',
            'scanners/**/*.test.ts',
            'renderer/**/*.test.ts',
            'build/**/*.test.ts',
          ],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          root,
          include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
