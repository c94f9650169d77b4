import { describe, expect, it } from 'vitest';
import { buildDg1, buildDg13 } from '../../../test/fixtures/cccd/lds-files';
import { NGUYEN_THI_MAI } from '../../../test/fixtures/cccd/synthetic-person';
import { parseDg1, parseDg13 } from '../lds';
import { crossCheckMrz } from './index';

describe('DG13 against the chip MRZ', () => {
  const mrz = parseDg1(buildDg1(NGUYEN_THI_MAI.mrz));

  it('agrees for the synthetic card', () => {
    expect(crossCheckMrz(parseDg13(buildDg13(NGUYEN_THI_MAI)), mrz)).toEqual({
      ok: true,
      mismatches: [],
    });
  });

  it('names the fields of a DG13 that belongs to someone else', () => {
    const other = parseDg13(
      buildDg13({ ...NGUYEN_THI_MAI, id: '001085012345', birthDate: '14/03/1986', sex: 'Nam' }),
    );
    expect(crossCheckMrz(other, mrz).mismatches.map((m) => m.field)).toEqual([
      'id',
      'birthDate',
      'sex',
    ]);
  });
});
