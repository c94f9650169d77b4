import { describe, expect, it } from 'vitest';
import { CitizenSchema, typedCitizen } from './citizen';

describe('a typed citizen', () => {
  it('keeps what was typed, leaves what only a chip gives null, and is always marked typed', () => {
    const c = typedCitizen({
      id: '001185012345',
      fullName: 'Nguyễn Thị Mai',
      birthDate: '1985-03-14',
      sex: 'female',
    });
    expect(CitizenSchema.parse(c)).toEqual(c);
    expect(c).toMatchObject({ sex: 'female', source: 'typed', father: null, expiryDate: null });
    expect(Object.keys(c).sort()).toEqual(
      Object.keys(CitizenSchema.shape)
        .filter((k) => k !== 'cardGeneration')
        .sort(),
    );
  });
});
