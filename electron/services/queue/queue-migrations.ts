import type { Migration } from '../store/migrations/index';
import { queueTickets } from './0001-queue-tickets';
import { clerksAndRatings } from './0002-clerks-and-ratings';
import { ratingDelivery } from './0003-rating-delivery';
import { appointments } from './0004-appointments';
import { openTickets } from './0005-open-tickets';
import { recallTimes } from './0006-recall-times';

/** The centre queue's tables, numbered on their own like every module's. */
export const queueMigrations: readonly Migration[] = [
  { module: 'queue', version: 1, name: 'queue-tickets', up: queueTickets },
  { module: 'queue', version: 2, name: 'clerks-and-ratings', up: clerksAndRatings },
  { module: 'queue', version: 3, name: 'rating-delivery', up: ratingDelivery },
  { module: 'queue', version: 4, name: 'appointments', up: appointments },
  { module: 'queue', version: 5, name: 'open-tickets', up: openTickets },
  { module: 'queue', version: 6, name: 'recall-times', up: recallTimes },
];
