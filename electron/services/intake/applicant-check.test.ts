import { describe, expect, it } from 'vitest';
import { sampleCitizen } from '../../../test/fixtures/citizen/sample-citizen';
import { checkApplicant } from './applicant-check';

const citizen = sampleCitizen({
  fullName: 'Nguyễn Thị Hoa',
  sex: 'female',
  ethnicity: null,
  placeOfResidence: 'Hà Nội',
  source: 'chip',
});
const read = { id: citizen.id, fullName: 'NGUYỄN THỊ HOA', birthDate: citizen.birthDate };
const code = (f: () => void) => {
  try {
    f();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('applicant from the chip', () => {
  it('a chip applicant equal to the last read passes (case of the name aside)', () => {
    expect(
      code(() => {
        checkApplicant(citizen, read, true);
      }),
    ).toBe('ok');
  });

  it('a chip applicant with nothing read, or another id, is not verified', () => {
    expect(
      code(() => {
        checkApplicant(citizen, null, false);
      }),
    ).toBe('APPLICANT_NOT_VERIFIED');
    expect(
      code(() => {
        checkApplicant(citizen, { ...read, id: '001099012346' }, false);
      }),
    ).toBe('APPLICANT_NOT_VERIFIED');
    expect(
      code(() => {
        checkApplicant(citizen, { ...read, birthDate: '1990-05-18' }, false);
      }),
    ).toBe('APPLICANT_NOT_VERIFIED');
  });

  it('a typed applicant passes at the counter but not at a self-service kiosk', () => {
    const typed = { ...citizen, source: 'typed' as const };
    expect(
      code(() => {
        checkApplicant(typed, null, false);
      }),
    ).toBe('ok');
    expect(
      code(() => {
        checkApplicant(typed, read, true);
      }),
    ).toBe('APPLICANT_NOT_VERIFIED');
  });
});
