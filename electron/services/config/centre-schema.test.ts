import { describe, expect, it } from 'vitest';
import { ConfigSchema } from './config-schema';

describe('the centre section of the config', () => {
  it('defaults to a commune’s areas over counters 1–3 with three calls before a skip', () => {
    const { centre } = ConfigSchema.parse({});
    expect(centre.areas.map((a) => a.name)).toEqual([
      'Hộ tịch',
      'Chứng thực',
      'Cư trú',
      'Đất đai',
      'Lĩnh vực khác',
    ]);
    expect([...new Set(centre.areas.flatMap((a) => a.counters))].sort()).toEqual([1, 2, 3]);
    expect(centre).toMatchObject({ maxCalls: 3, defaultServiceMinutes: 5 });
  });

  it('takes a centre’s own areas', () => {
    const { centre } = ConfigSchema.parse({
      centre: {
        areas: [{ code: 'LDTBXH', name: 'Lao động – Thương binh và Xã hội', counters: [4] }],
      },
    });
    expect(centre.areas).toHaveLength(1);
    expect(centre.maxCalls).toBe(3);
  });

  it.each([
    ['a lower-case code', { areas: [{ code: 'ht', name: 'Hộ tịch', counters: [1] }] }],
    ['an area without counters', { areas: [{ code: 'HT', name: 'Hộ tịch', counters: [] }] }],
    ['a counter twice', { areas: [{ code: 'HT', name: 'Hộ tịch', counters: [1, 1] }] }],
    [
      'two areas with one code',
      {
        areas: [
          { code: 'HT', name: 'Hộ tịch', counters: [1] },
          { code: 'HT', name: 'Hộ tịch 2', counters: [2] },
        ],
      },
    ],
    ['no areas', { areas: [] }],
    ['zero calls', { maxCalls: 0 }],
  ])('refuses %s', (_name, centre) => {
    expect(ConfigSchema.safeParse({ centre }).success).toBe(false);
  });
});
