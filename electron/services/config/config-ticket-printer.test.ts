import { describe, expect, it } from 'vitest';
import { ConfigSchema } from './config-schema';

describe('the ticketPrinter config key', () => {
  it('defaults to no printer, an 80 mm roll and a 3 s bound', () => {
    expect(ConfigSchema.parse({}).ticketPrinter).toEqual({
      url: '',
      paperWidthMm: 80,
      timeoutMs: 3000,
    });
  });

  it('takes a 58 mm roll and refuses widths no ticket printer has, naming the key', () => {
    const config = ConfigSchema.parse({
      ticketPrinter: { url: 'tcp://192.168.1.50:9100', paperWidthMm: 58 },
    });
    expect(config.ticketPrinter.paperWidthMm).toBe(58);
    const bad = ConfigSchema.safeParse({ ticketPrinter: { paperWidthMm: 76 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['ticketPrinter', 'paperWidthMm']);
  });
});
