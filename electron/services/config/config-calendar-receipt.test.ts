import { describe, expect, it } from 'vitest';
import { ConfigSchema } from './config-schema';

describe('the calendar and receipt config keys', () => {
  it('default to the built-in calendar, 07:30–11:30 and 13:30–17:00, and an empty receipt place', () => {
    const config = ConfigSchema.parse({});
    expect(config.calendar).toEqual({
      adjustmentsFile: '',
      officeHours: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
    });
    expect(config.receipt).toEqual({ place: '', collectAt: '', phone: '' });
  });

  it('refuse office hours out of order or ending before they start, naming the key', () => {
    for (const officeHours of [
      [
        { start: '13:30', end: '17:00' },
        { start: '07:30', end: '11:30' },
      ],
      [{ start: '17:00', end: '07:30' }],
      [{ start: '7:30', end: '11:30' }],
    ]) {
      const result = ConfigSchema.safeParse({ calendar: { officeHours } });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path.slice(0, 2)).toEqual(['calendar', 'officeHours']);
    }
  });

  it('accept a single session and a receipt place', () => {
    const config = ConfigSchema.parse({
      calendar: { officeHours: [{ start: '08:00', end: '16:30' }] },
      receipt: { place: 'Bình Sơn', collectAt: 'Bộ phận Một cửa', phone: '0255 3812 345' },
    });
    expect(config.calendar.adjustmentsFile).toBe('');
    expect(config.receipt.place).toBe('Bình Sơn');
  });
});
