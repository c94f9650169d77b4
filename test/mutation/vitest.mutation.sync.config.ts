import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Sync ordering has one unit test (backoff); the engine, its runners and the
// create-in-doubt rule are guarded by the integration test that drains a real
// DossierStore into the portal simulator on 127.0.0.1 (no external peer, about
// 25 s). Mutation runs of the sync files use it; files run one by one.
export default defineConfig({
  test: {
    root,
    include: ['electron/services/sync/*.test.ts', 'test/integration/sync/sync-engine.test.ts'],
    exclude: [...configDefaults.exclude],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
