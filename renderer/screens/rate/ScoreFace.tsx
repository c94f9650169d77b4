import type { RatingScore } from '../../../electron/api/contract/rating';

/** Mouth curves from a wide smile to a frown: the face says the score without colour. */
const mouths: Readonly<Record<RatingScore, string>> = {
  very_satisfied: 'M30 58 Q50 82 70 58',
  satisfied: 'M32 62 Q50 74 68 62',
  neutral: 'M32 66 L68 66',
  dissatisfied: 'M32 72 Q50 56 68 72',
};

/** A plain drawn face (no emoji font needed on the tablet); decorative beside its text label. */
export function ScoreFace({ score }: { readonly score: RatingScore }) {
  return (
    <svg className="rate-face" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="35" cy="40" r="6" fill="currentColor" />
      <circle cx="65" cy="40" r="6" fill="currentColor" />
      <path
        d={mouths[score]}
        fill="none"
        stroke="currentColor"
        strokeWidth="6"
        strokeLinecap="round"
      />
    </svg>
  );
}
