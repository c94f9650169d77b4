import { describe, expect, it } from 'vitest';
import { chipCitizenMai } from '../../../test/fixtures/citizen/sample-citizen';
import { cardValue, prefillFromCard } from './form-prefill';
import type { FormField } from './procedure';

const citizen = chipCitizenMai();

const label = (vi: string) => ({ vi, en: vi });
const field = (key: string, extra: Partial<FormField> = {}): FormField => ({
  key,
  label: label(key),
  type: 'text',
  required: true,
  fill: null,
  ...extra,
});

describe('prefill from the ID card', () => {
  it('fills every field that names a citizen field the card has a value for', () => {
    const form = [
      field('hoTen', { fill: 'fullName' }),
      field('vo', { fill: 'spouse', required: false }),
      field('tenCon'),
      field('cccd', { type: 'idNumber', fill: 'id' }),
    ];
    expect(prefillFromCard(form, citizen)).toEqual({
      hoTen: 'Nguyễn Thị Mai',
      cccd: '001185012345',
    });
  });

  it('a date from the chip is written dd/mm/yyyy as the e-form shows it', () => {
    expect(cardValue(field('ns', { type: 'date', fill: 'birthDate' }), citizen)).toBe('14/03/1985');
  });

  it("a select takes the option that means the chip's sex, by value or Vietnamese label", () => {
    const byValue = field('gt', {
      type: 'select',
      fill: 'sex',
      options: [
        { value: 'male', label: label('Nam') },
        { value: 'female', label: label('Nữ') },
      ],
    });
    const byWord = field('gt', {
      type: 'select',
      fill: 'sex',
      options: [
        { value: 'nam', label: label('Nam') },
        { value: 'x2', label: label('Nữ') },
      ],
    });
    expect(cardValue(byValue, citizen)).toBe('female');
    expect(cardValue(byWord, citizen)).toBe('x2');
  });

  it('a select with no option for the chip value stays for the person to answer', () => {
    const coded = field('gt', {
      type: 'select',
      fill: 'sex',
      options: [{ value: '1', label: label('Nam') }],
    });
    const other = field('dt', {
      type: 'select',
      fill: 'ethnicity',
      options: [{ value: 'Tày', label: label('Tày') }],
    });
    expect(cardValue(coded, citizen)).toBeUndefined();
    expect(cardValue(other, citizen)).toBeUndefined();
  });

  it('a card value the field would refuse is not filled, so the kiosk asks for it', () => {
    // "Hà Nội" is six letters.
    expect(
      cardValue(field('qq', { maxLength: 5, fill: 'placeOfOrigin' }), citizen),
    ).toBeUndefined();
    expect(
      cardValue(field('ns', { type: 'date', fill: 'birthDate' }), {
        ...citizen,
        birthDate: '1985',
      }),
    ).toBeUndefined();
  });

  it('"Quốc tịch" is the chip\'s nationality, and Việt Nam when a card read gives none', () => {
    const quocTich = field('quocTich', { fill: 'nationality' });
    expect(cardValue(quocTich, { ...citizen, nationality: 'Lào' })).toBe('Lào');
    expect(cardValue(quocTich, { ...citizen, nationality: null })).toBe('Việt Nam');
    expect(cardValue(quocTich, { ...citizen, source: 'qr', nationality: null })).toBe('Việt Nam');
    // Typed details are not a card: the person answers the question.
    expect(cardValue(quocTich, { ...citizen, source: 'typed', nationality: null })).toBeUndefined();
  });
});
