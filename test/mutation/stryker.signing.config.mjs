// @ts-check
/**
 * Mutation testing of signing and signature verification
 * (`npx stryker run test/mutation/stryker.signing.config.mjs --mutate <file>`):
 * the settings of stryker.config.mjs with the signing unit tests
 * (vitest.mutation.signing.config.ts: certificates, CMS, RFC 3161 tokens and
 * OCSP answers made at test time). Its own temp dir, cache and report, so it
 * can run beside another run.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'test/mutation/vitest.mutation.signing.config.ts', related: true },
  mutate: [
    'electron/services/signing/pdf-verifier.ts',
    'electron/services/signing/cms-signature-check.ts',
    'electron/services/signing/certificate-path.ts',
    'electron/services/signing/revocation-check.ts',
    'electron/services/signing/pades-sign.ts',
  ],
  incrementalFile: 'test/mutation/stryker-incremental-signing.json',
  jsonReporter: { fileName: 'reports/mutation/mutation-signing.json' },
  tempDirName: '.stryker-tmp-signing',
  ignorePatterns: ['/.stryker-tmp', '/.stryker-tmp-*', '/reports'],
  timeoutMS: 60_000,
};
