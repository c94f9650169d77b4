import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    testTimeout: 30_000,
  },
});
