import type { Migration } from '../migration';
import { certificationBook } from './0001-certification-book';

/** Certified copies from originals (issue 12 item 6), numbered on their own like returns'. */
export const copiesMigrations: readonly Migration[] = [
  { module: 'copies', version: 1, name: 'certification-book', up: certificationBook },
];
