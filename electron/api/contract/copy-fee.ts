/**
 * The fee for certifying a copy from its original (lệ phí chứng thực bản sao
 * từ bản chính), per Circular 226/2016/TT-BTC as the project's notes read it
 * (notes/portal.md §5.2, confidence "secondary"; the circular's own text was
 * not opened): 2,000 đ a page for pages 1 and 2, 1,000 đ a page from page 3,
 * at most 200,000 đ per copy. Pure: the screen shows it, the core records it.
 */
export const COPY_FEE = {
  /** Pages charged at the first rate. */
  firstPages: 2,
  firstRate: 2_000,
  laterRate: 1_000,
  /** Per copy (bản), whatever its pages. */
  capPerCopy: 200_000,
} as const;

/** One copy of `pages` pages, in đồng. */
export function copyFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`pages must be ≥ 1: ${pages}`);
  const first = Math.min(pages, COPY_FEE.firstPages) * COPY_FEE.firstRate;
  const later = Math.max(0, pages - COPY_FEE.firstPages) * COPY_FEE.laterRate;
  return Math.min(first + later, COPY_FEE.capPerCopy);
}

/** `copies` copies of the same original: each copy is its own record and its own fee. */
export function requestFee(pages: number, copies: number): number {
  if (!Number.isInteger(copies) || copies < 1)
    throw new RangeError(`copies must be ≥ 1: ${copies}`);
  return copyFee(pages) * copies;
}

/** "12.000 đ": dots between thousands, as Vietnamese receipts print money. */
export function formatDong(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}
