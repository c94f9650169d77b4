// @ts-check
/**
 * The CI-sized subset of `npm run mutation` (`npm run mutation:ci`): the
 * modules whose unit tests are fast enough to re-run once per mutant inside
 * the CI budget (a few minutes on 2 cores), failing the job below 85 %. It is
 * a separate script, never part of `npm test`. No incremental cache: CI starts
 * clean, and a cached result would hide a test that stopped killing.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from './stryker.config.mjs';

export default {
  ...base,
  mutate: [
    'electron/services/store/crypto/field-cipher.ts',
    'electron/services/store/crypto/key-provider.ts',
    'native/smartcard/sm/kdf.ts',
    'native/smartcard/bac/perform-bac.ts',
  ],
  incremental: false,
  reporters: ['clear-text', 'progress-append-only'],
  thresholds: { high: 90, low: 85, break: 85 },
};
