import { describe, expect, it } from 'vitest';
import {
  feedLines,
  initialize,
  partialCut,
  RASTER_BAND_ROWS,
  rasterImage,
  statusRequest,
  ticketJob,
} from './escpos-commands';
import { MonoBitmap } from './mono-bitmap';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('ESC/POS command bytes', () => {
  it('are the documented ones for reset, feed, partial cut and status', () => {
    expect(hex(initialize())).toBe('1b40');
    expect(hex(feedLines(4))).toBe('1b6404');
    expect(hex(partialCut())).toBe('1d564200');
    expect(hex(statusRequest(4))).toBe('100404');
  });

  it('a 10-dot-wide image is sent as 2 bytes a row, leftmost dot in the top bit', () => {
    const bitmap = new MonoBitmap(10, 2);
    bitmap.set(0, 0);
    bitmap.set(9, 0);
    bitmap.set(1, 1);
    expect(hex(rasterImage(bitmap))).toBe('1d7630000200020080404000');
  });

  it('a tall image goes in bands, each with its own row count', () => {
    const bitmap = new MonoBitmap(8, RASTER_BAND_ROWS + 3);
    const bytes = rasterImage(bitmap);
    expect(hex(bytes.subarray(0, 8))).toBe('1d76300001' + '00f000');
    const second = 8 + RASTER_BAND_ROWS;
    expect(hex(bytes.subarray(second, second + 8))).toBe('1d76300001000300');
    expect(bytes.length).toBe(2 * 8 + RASTER_BAND_ROWS + 3);
  });

  it('a ticket job resets, prints, feeds past the cutter and cuts', () => {
    const job = ticketJob(new MonoBitmap(8, 1));
    expect(hex(job)).toBe('1b40' + '1d7630000100010000' + '1b6404' + '1d564200');
  });
});
