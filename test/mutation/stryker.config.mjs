// @ts-check
/**
 * Mutation testing of the security-critical modules (issue 18): a test suite
 * that still passes when one of these lines is changed does not guard it.
 * `npm run mutation` runs all of them; `npm run mutation -- --mutate <glob>`
 * runs one module. Incremental: mutants whose code and tests did not change
 * keep their last result (test/mutation/stryker-incremental.json).
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'test/mutation/tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'electron/services/store/crypto/*.ts',
    'electron/services/store/blob-store.ts',
    'electron/services/store/sqlite-outbox.ts',
    'electron/services/sync/*.ts',
    'electron/services/auth/*.ts',
    'native/smartcard/sm/*.ts',
    'native/smartcard/bac/*.ts',
    'native/smartcard/pace/*.ts',
    'native/smartcard/ec/*.ts',
    'native/smartcard/passive-auth/*.ts',
    // Signing and signature verification: their unit tests
    // (electron/services/signing/*.test.ts) are in this run too;
    // stryker.signing.config.mjs runs them alone, one file at a time.
    'electron/services/signing/pdf-verifier.ts',
    'electron/services/signing/cms-signature-check.ts',
    'electron/services/signing/certificate-path.ts',
    'electron/services/signing/revocation-check.ts',
    'electron/services/signing/pades-sign.ts',
    '!**/*.test.ts',
    '!**/index.ts',
  ],
  // The machine has 2 cores shared with other work.
  concurrency: 1,
  incremental: true,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  coverageAnalysis: 'perTest',
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // Not the sandboxes of the sync or signing runs (their own temp dirs).
  ignorePatterns: ['/.stryker-tmp-*', '/reports'],
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
