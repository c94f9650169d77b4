import Database from 'better-sqlite3';
import { migrate } from '../store/migrator';
import { catalogueMigrations } from './catalogue-migrations';

/** A private in-memory database with the catalogue's tables, for the catalogue's unit tests. */
export function catalogueTestDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, catalogueMigrations);
  return db;
}
