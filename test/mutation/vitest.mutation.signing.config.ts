import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Signing and signature verification have no unit tests: the integration
// tests sign in SoftHSM2, timestamp with `openssl ts`, answer OCSP with
// `openssl ocsp` and check every verdict against poppler's pdfsig. Mutation
// runs of the signing files use those two files (about a minute each on 2
// cores), so one file at a time, and expect hours for pdf-verifier.ts.
export default defineConfig({
  test: {
    root,
    include: [
      'test/integration/signing/pdf-verification.test.ts',
      'test/integration/signing/long-term-signing.test.ts',
    ],
    exclude: [...configDefaults.exclude],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
