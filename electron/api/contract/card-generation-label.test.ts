import { describe, expect, it } from 'vitest';
import { cardGenerationLabel } from './card-generation-label';

describe('card generation labels', () => {
  it('gives each generation a Vietnamese and an English name, the unknown one saying why', () => {
    for (const g of ['cccd', 'can-cuoc-2024', 'unknown'] as const) {
      expect(cardGenerationLabel(g).vi).not.toBe('');
      expect(cardGenerationLabel(g).en).not.toBe('');
    }
    expect(cardGenerationLabel('unknown').vi).toMatch(/Không xác định.*ngày cấp/);
  });
});
