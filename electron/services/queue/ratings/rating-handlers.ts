import type { HandlerGroup } from '../../../api/dispatcher';
import type { RatingStore } from './rating-store';

export type RatingMethods = 'rating.pending' | 'rating.submit';

export interface RatingHandlerDeps {
  readonly ratings: RatingStore;
  /** A rating was saved: deliver it soon. */
  readonly onRated?: () => void;
}

/**
 * The `rating.*` methods. No sign-in: the screen faces the citizen. The store
 * accepts a rating only for the ticket pending at that counter, once, so an
 * anonymous page can add at most one rating per ticket actually served.
 */
export function createRatingHandlers(deps: RatingHandlerDeps): HandlerGroup<RatingMethods> {
  return {
    'rating.pending': async ({ counter }) => ({
      counter,
      ticket: await deps.ratings.pending(counter),
    }),
    'rating.submit': async ({ counter, number, score, reasons }) => {
      const saved = await deps.ratings.rate({
        counter,
        score,
        ...(number === undefined ? {} : { number }),
        ...(reasons === undefined ? {} : { reasons }),
      });
      deps.onRated?.();
      return saved;
    },
  };
}
