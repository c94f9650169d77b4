import { afterAll, describe, expect, it } from 'vitest';
import { bacKeyInput, checkDigit } from '../../../native/smartcard/mrz';
import { MrzReader } from '../../../electron/services/ocr/mrz/mrz-reader';
import { renderCardBack, syntheticHolders, td1Lines } from '../../fixtures/ocr/card-back';

describe('MRZ OCR of synthetic CCCD card backs (OCR-B, 300 dpi)', () => {
  const reader = new MrzReader();
  afterAll(() => reader.close());

  it('every card, clean or with skew, blur and noise, is read with correct check digits and BAC input', async () => {
    const holders = syntheticHolders(12, 42);
    const outcomes: { card: number; noisy: boolean; corrections: number; ms: number }[] = [];
    for (const [i, holder] of holders.entries()) {
      const lines = td1Lines(holder);
      // The fixture's own lines are valid: the test set cannot pass by accident.
      expect(String(checkDigit(lines[1].slice(0, 6)))).toBe(lines[1][6]);
      const noisy = i % 3 !== 0;
      const image = await renderCardBack(lines, {
        noisy,
        seed: i,
        rotateDegrees: (i % 2 === 1 ? 1 : -1) * (0.5 + (i % 4) * 0.5),
      });
      const reading = await reader.read(image);
      expect(reading.lines[0], `card ${String(i)}`).toBe(lines[0]);
      expect(reading.lines[1], `card ${String(i)}`).toBe(lines[1]);
      expect(reading.mrz.personalId).toBe(holder.personalId);
      expect(reading.mrz.documentNumber).toBe(holder.personalId.slice(3));
      expect(reading.bacKeyInput).toBe(
        bacKeyInput({
          documentNumber: holder.personalId.slice(3),
          birthDate: holder.birthDate,
          expiryDate: holder.expiryDate,
        }),
      );
      outcomes.push({ card: i, noisy, corrections: reading.corrections, ms: reading.ms });
    }
    console.table(outcomes);
  }, 240_000);

  it('a page without an MRZ is refused with advice, not guessed', async () => {
    const image = await renderCardBack([
      'CONG HOA XA HOI CHU NGHIA',
      'VIET NAM',
      'DOC LAP TU DO HANH PHUC',
    ]);
    await expect(reader.read(image)).rejects.toMatchObject({ name: 'MrzError' });
  }, 60_000);
});
