import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Signing and signature verification are mutated against the unit tests
// beside them (electron/services/signing/*.test.ts): certificates, CMS
// signatures, RFC 3161 tokens and OCSP answers made at test time with
// node:crypto and pkijs (test/fixtures/signing/pki.ts), in well under a
// second per file. The integration tests (SoftHSM2, openssl ts/ocsp, pdfsig)
// check the same verdicts against real peers but take about a minute per
// mutant, so they stay out of this run.
export default defineConfig({
  test: {
    root,
    include: ['electron/services/signing/*.test.ts'],
    exclude: [...configDefaults.exclude],
    testTimeout: 30_000,
  },
});
