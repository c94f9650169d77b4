import { describe, expect, it } from 'vitest';
import { DEFAULT_CREATE_SETTLE_MS } from '../../services/sync/create-in-doubt';
import { parseSyncOptions, SYNC_USAGE } from './sync-options';

describe('kiosk sync options', () => {
  it('waits the default settle window when --settle is not given', () => {
    const parsed = parseSyncOptions(['--until-empty']);
    expect(parsed).toMatchObject({
      ok: true,
      value: { untilEmpty: true, concurrency: 4, createSettleMs: DEFAULT_CREATE_SETTLE_MS },
    });
  });

  it('takes --settle in seconds, fractions and 0 included', () => {
    expect(parseSyncOptions(['--settle', '3'])).toMatchObject({
      ok: true,
      value: { createSettleMs: 3_000 },
    });
    expect(parseSyncOptions(['--settle', '0.5'])).toMatchObject({
      ok: true,
      value: { createSettleMs: 500 },
    });
    expect(parseSyncOptions(['--settle', '0'])).toMatchObject({
      ok: true,
      value: { createSettleMs: 0 },
    });
  });

  it.each([['-1'], ['601'], ['ba'], [''], [' '], ['Infinity'], ['NaN']])(
    'refuses --settle %j with a message in both languages',
    (value) => {
      const parsed = parseSyncOptions([`--settle=${value}`]);
      expect(parsed).toEqual({
        ok: false,
        error: {
          vi: '--settle phải là số giây từ 0 đến 600.',
          en: '--settle must be 0 to 600 seconds.',
        },
      });
    },
  );

  it('refuses an unknown option', () => {
    expect(parseSyncOptions(['--settel', '3']).ok).toBe(false);
  });

  it('documents --settle in the help in both languages', () => {
    expect(parseSyncOptions(['--help'])).toMatchObject({ ok: true, value: { help: true } });
    expect(SYNC_USAGE.vi).toContain('--settle GIÂY');
    expect(SYNC_USAGE.en).toContain('--settle S');
  });
});
