import { z } from 'zod';
import { method } from './method';

/**
 * The citizen rates the service on a screen facing them (issue 19 item 5).
 * No sign-in: the tablet faces the citizen. What keeps an anonymous page from
 * flooding ratings is the core, not the page: a rating is accepted only for
 * the ticket pending at that counter, once. Nothing personal either way: a
 * number, an area, a score and reason codes.
 */

/** Best first, as the four buttons stand on the screen. */
export const ratingScores = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'] as const;
export const RatingScoreSchema = z.enum(ratingScores);
export type RatingScore = (typeof ratingScores)[number];

/** Why a citizen was not satisfied: a fixed list of codes, never free text. */
export const ratingReasons = [
  'waited_long',
  'attitude',
  'unclear_guidance',
  'complicated_procedure',
  'facilities',
] as const;
export const RatingReasonSchema = z.enum(ratingReasons);
export type RatingReason = (typeof ratingReasons)[number];

/** The Vietnamese labels, one place for the screen, reports and the portal mapping. */
export const ratingScoreNames: Readonly<Record<RatingScore, string>> = {
  very_satisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  neutral: 'Bình thường',
  dissatisfied: 'Không hài lòng',
};

export const ratingReasonNames: Readonly<Record<RatingReason, string>> = {
  waited_long: 'Chờ lâu',
  attitude: 'Thái độ chưa tốt',
  unclear_guidance: 'Hướng dẫn chưa rõ',
  complicated_procedure: 'Thủ tục phức tạp',
  facilities: 'Cơ sở vật chất',
};

/** Reasons are asked only after the two lower scores. */
export const scoresWithReasons: readonly RatingScore[] = ['neutral', 'dissatisfied'];

const counter = z.number().int().min(1).max(99);

export const PendingRatingSchema = z.object({
  number: z.number().int().min(1),
  area: z.string(),
  areaName: z.string(),
});

export const ratingMethods = {
  /** The ticket waiting for its citizen's rating at a counter; null when none is. */
  'rating.pending': method(
    z.object({ counter }).strict(),
    z.object({ counter, ticket: PendingRatingSchema.nullable() }),
  ),
  /**
   * Rates the pending ticket. `number` is the one the citizen saw: when the
   * counter has moved on to another ticket meanwhile, the rating is refused
   * rather than given to someone else's service.
   */
  'rating.submit': method(
    z
      .object({
        counter,
        number: z.number().int().min(1).optional(),
        score: RatingScoreSchema,
        reasons: z.array(RatingReasonSchema).max(ratingReasons.length).optional(),
      })
      .strict(),
    z.object({
      id: z.string(),
      number: z.number().int().min(1),
      counter,
      score: RatingScoreSchema,
      reasons: z.array(RatingReasonSchema).readonly(),
      ratedAt: z.number(),
    }),
  ),
};
