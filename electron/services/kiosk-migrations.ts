import { authMigrations } from './auth/auth-migrations';
import { catalogueMigrations } from './catalogue/catalogue-migrations';
import { offlineStashMigrations } from './queue/offline-ticket-stash';
import { queueMigrations } from './queue/queue-migrations';
import { storeMigrations, type Migration } from './store/migrations/index';
import { copiesMigrations } from './store/migrations/copies/index';
import { returnsMigrations } from './store/migrations/returns/index';

/**
 * Every module's migrations for the kiosk database. Everything that opens the
 * database (the shells, the CLI) passes this whole list: the migrator refuses
 * a database that holds a module version it does not know.
 */
export const kioskMigrations: readonly Migration[] = [
  ...storeMigrations,
  ...authMigrations,
  ...catalogueMigrations,
  ...returnsMigrations,
  ...copiesMigrations,
  ...queueMigrations,
  ...offlineStashMigrations,
];
