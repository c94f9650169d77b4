import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Sync ordering: the unit tests beside the code (backoff, create-in-doubt) and
// the runner and engine tests that drive the real store (SqliteOutbox on a temp
// file) into the portal simulator started in-process on 127.0.0.1, each a
// second or less, so every mutant can re-run them. The 25 s sync-engine test
// (late commits held for seconds, the offline drain) is not in this set.
export default defineConfig({
  test: {
    root,
    include: [
      'electron/services/sync/*.test.ts',
      'test/integration/sync/entry-runner.test.ts',
      'test/integration/sync/status-runner.test.ts',
      'test/integration/sync/sync-engine-fast.test.ts',
      'test/integration/sync/sync-engine-limits.test.ts',
    ],
    exclude: [...configDefaults.exclude],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
