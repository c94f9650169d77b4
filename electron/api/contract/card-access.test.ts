import { describe, expect, it } from 'vitest';
import { typedCardAccess } from './card';
import { isCitizenId, isOldIdNumber } from './citizen';

describe('the ID number and the typed card access, shared by the counter and the kiosk', () => {
  it('takes exactly 12 digits as a personal ID, 9 or 12 as an old one', () => {
    expect(isCitizenId('001085012345')).toBe(true);
    for (const bad of ['00108501234', '0010850123456', '00108501234a', ' 001085012345', '']) {
      expect(isCitizenId(bad)).toBe(false);
    }
    expect(isOldIdNumber('012345678')).toBe(true);
    expect(isOldIdNumber('001085012345')).toBe(true);
    expect(isOldIdNumber('0123456789')).toBe(false);
  });

  it('opens the chip with the last six digits of a full ID, and nothing before it is complete', () => {
    expect(typedCardAccess({ mode: 'can', idNumber: '001085012345' })).toEqual({ can: '012345' });
    expect(typedCardAccess({ mode: 'can', idNumber: '00108501234' })).toBeUndefined();
  });

  it('upper-cases and trims the document number; refuses a date that is not six digits', () => {
    expect(
      typedCardAccess({ mode: 'mrz', doc: ' c03000123 ', dob: '850314', expiry: '300314' }),
    ).toEqual({ doc: 'C03000123', dob: '850314', expiry: '300314' });
    expect(
      typedCardAccess({ mode: 'mrz', doc: 'C03000123', dob: '85031', expiry: '300314' }),
    ).toBeUndefined();
    expect(
      typedCardAccess({ mode: 'mrz', doc: 'C0300012', dob: '850314', expiry: '300314' }),
    ).toBeUndefined();
  });
});
