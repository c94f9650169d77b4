// @ts-check
/**
 * Mutation testing of sync ordering (`npx stryker run test/mutation/stryker.sync.config.mjs
 * --mutate <file>`): the same settings as stryker.config.mjs, but the tests are
 * the sync unit tests plus the runner and engine tests against the real store
 * and the in-process portal simulator (vitest.mutation.sync.config.ts). Its own
 * temp dir, cache and report, so it can run beside a unit-test mutation run.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'test/mutation/vitest.mutation.sync.config.ts', related: true },
  mutate: ['electron/services/sync/*.ts', '!**/*.test.ts', '!**/index.ts'],
  incrementalFile: 'test/mutation/stryker-incremental-sync.json',
  jsonReporter: { fileName: 'reports/mutation/mutation-sync.json' },
  tempDirName: '.stryker-tmp-sync',
  // Not the sandbox of a unit-test run going on beside this one.
  ignorePatterns: ['/.stryker-tmp', '/.stryker-tmp-*', '/reports'],
  // Each of these tests takes a second or less; a mutant that makes the loop spin
  // (no break, no sleep) is a timeout after this much beyond the normal run.
  timeoutMS: 10_000,
};
