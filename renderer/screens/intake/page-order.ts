/**
 * The pages a component keeps, as the ScanPage indices the core gave, in the
 * order the clerk wants them; this list is dossier.create's `pageOrder`.
 */
export type PageOrder = readonly number[];

/** Moves the page at `position` one place left (-1) or right (+1); out of range is no change. */
export function movePage(order: PageOrder, position: number, step: -1 | 1): PageOrder {
  const target = position + step;
  if (position < 0 || position >= order.length || target < 0 || target >= order.length) {
    return order;
  }
  const next = [...order];
  const [page] = next.splice(position, 1);
  if (page === undefined) return order;
  next.splice(target, 0, page);
  return next;
}

/** Drops one page index from the kept pages. */
export function removePage(order: PageOrder, pageIndex: number): PageOrder {
  return order.filter((index) => index !== pageIndex);
}

/** The pages a fresh scan keeps: every non-blank page, in device order. */
export function initialOrder(
  pages: readonly { readonly index: number; readonly blank: boolean }[],
): PageOrder {
  return pages.filter((page) => !page.blank).map((page) => page.index);
}
