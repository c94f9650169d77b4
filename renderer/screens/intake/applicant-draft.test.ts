import { describe, expect, it } from 'vitest';
import type { CitizenWire } from '../../../electron/api/contract/citizen';
import { applicantCitizen, emptyApplicant, fromCitizen } from './applicant-draft';

const chip: CitizenWire = {
  id: '001185012345',
  fullName: 'Nguyễn Thị Mai',
  birthDate: '1985-03-14',
  sex: 'female',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: null,
  placeOfOrigin: null,
  placeOfResidence: 'Phường Hàng Bạc, Hà Nội',
  identifyingFeatures: null,
  issueDate: null,
  expiryDate: null,
  father: null,
  mother: null,
  spouse: null,
  oldIdNumber: null,
  source: 'chip',
};

describe('the applicant draft', () => {
  it('a chip record is sent exactly as read, so the core can match it to its own last read', () => {
    const draft = fromCitizen(chip, '0912345678', null);
    expect(draft.fields.birthDate).toBe('14/03/1985');
    expect(draft.fields.phone).toBe('0912345678');
    expect(applicantCitizen(draft)).toBe(chip);
  });

  it('a typed applicant needs a name, a 12-digit ID and a real date of birth', () => {
    const typed = {
      ...emptyApplicant,
      fields: { ...emptyApplicant.fields, fullName: 'Lê Văn Tám', id: '001203004567' },
    };
    expect(applicantCitizen(typed)).toBeUndefined();
    expect(
      applicantCitizen({ ...typed, fields: { ...typed.fields, birthDate: '31/02/1990' } }),
    ).toBeUndefined();
    expect(
      applicantCitizen({
        ...typed,
        fields: { ...typed.fields, birthDate: '07/03/1990', sex: 'male', oldId: '12345' },
      }),
    ).toMatchObject({
      id: '001203004567',
      fullName: 'Lê Văn Tám',
      birthDate: '1990-03-07',
      sex: 'male',
      oldIdNumber: null,
      source: 'typed',
    });
  });

  it('an edited chip draft is typed: the record is rebuilt from what the clerk sees', () => {
    const edited = {
      ...fromCitizen(chip, '', null),
      source: 'typed' as const,
    };
    const citizen = applicantCitizen({
      ...edited,
      fields: { ...edited.fields, fullName: 'Nguyễn Thị Mai Anh' },
    });
    expect(citizen?.source).toBe('typed');
    expect(citizen?.fullName).toBe('Nguyễn Thị Mai Anh');
  });
});
