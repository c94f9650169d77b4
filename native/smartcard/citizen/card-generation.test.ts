import { describe, expect, it } from 'vitest';
import { cardGenerationOf } from './card-generation';

describe('card generation from the issue date', () => {
  it('a card issued on 30 June 2024 is a CCCD, one issued on 1 July 2024 a thẻ căn cước', () => {
    expect(cardGenerationOf('2024-06-30')).toBe('cccd');
    expect(cardGenerationOf('2024-07-01')).toBe('can-cuoc-2024');
    expect(cardGenerationOf('2021-05-10')).toBe('cccd');
  });

  it('a chip without an issue date gives an unknown generation', () => {
    expect(cardGenerationOf(null)).toBe('unknown');
  });
});
