/**
 * Which generation of Vietnamese identity card a chip record comes from.
 * Law 26/2023/QH15 (Luật Căn cước) took effect on 1 July 2024: cards issued
 * from that day are "thẻ căn cước"; chip CCCD cards issued before it stay
 * valid. The chip carries no generation marker we know of, so the issue date
 * (DG13 field 11) decides; without one the generation is unknown.
 *
 * Unconfirmed on real 2024 chips (see the README's card section): that DG13
 * keeps the 2021 field numbers, and what field 8 holds on a 2024 card (the
 * card prints "nơi đăng ký khai sinh" where the CCCD printed "quê quán").
 */
export type CardGeneration = 'cccd' | 'can-cuoc-2024' | 'unknown';

const LAW_2023_IN_FORCE = '2024-07-01';

/** The generation for an ISO issue date (`YYYY-MM-DD`) or null. */
export function cardGenerationOf(issueDate: string | null): CardGeneration {
  if (issueDate === null) return 'unknown';
  return issueDate >= LAW_2023_IN_FORCE ? 'can-cuoc-2024' : 'cccd';
}
