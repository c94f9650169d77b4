import { describe, expect, it } from 'vitest';
import { initialOrder, movePage, removePage } from './page-order';

describe('page order of a component', () => {
  it('a fresh scan keeps the non-blank pages in device order', () => {
    expect(
      initialOrder([
        { index: 0, blank: false },
        { index: 1, blank: true },
        { index: 2, blank: false },
      ]),
    ).toEqual([0, 2]);
  });

  it('moving a page swaps it with its neighbour and never leaves the list', () => {
    expect(movePage([0, 1, 2], 2, -1)).toEqual([0, 2, 1]);
    expect(movePage([0, 1, 2], 0, 1)).toEqual([1, 0, 2]);
    expect(movePage([0, 1, 2], 0, -1)).toEqual([0, 1, 2]);
    expect(movePage([0, 1, 2], 2, 1)).toEqual([0, 1, 2]);
  });

  it('a deleted page leaves the order, the others keep theirs', () => {
    expect(removePage([2, 0, 1], 0)).toEqual([2, 1]);
  });
});
