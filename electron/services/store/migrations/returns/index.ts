import type { Migration } from '../migration';
import { returnsAndEvents } from './0001-returns-and-events';
import { supplementRounds } from './0002-supplement-rounds';

/**
 * Returning results and status events (issue 17), numbered on their own so
 * they never collide with the store's own next migration.
 */
export const returnsMigrations: readonly Migration[] = [
  { module: 'returns', version: 1, name: 'returns-and-events', up: returnsAndEvents },
  { module: 'returns', version: 2, name: 'supplement-rounds', up: supplementRounds },
];
