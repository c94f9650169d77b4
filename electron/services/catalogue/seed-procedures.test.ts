import { describe, expect, it } from 'vitest';
import {
  CitizenFieldSchema,
  PROCEDURE_CODE,
  ProcedureSchema,
  type FormField,
} from '../../api/contract/procedure';
import { CitizenWireSchema } from '../../api/contract/citizen';
import { seedProcedures } from './seed-procedures';

const byCode = new Map(seedProcedures.map((p) => [p.code, p]));
const keysOf = (fields: readonly FormField[]): string[] => fields.map((f) => f.key);

/** What `unconfirmed` may name: a Procedure key, or the component counts the note never gives. */
const unconfirmedKeys = new Set([...Object.keys(ProcedureSchema.shape), 'componentCounts']);

describe('the seed catalogue', () => {
  it('holds the procedures of portal.md §5.2 and its "Also seen" list, once each', () => {
    const codes = seedProcedures.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(
      [
        '1.001193',
        '1.000894',
        '1.000656',
        '1.004222',
        '1.003197',
        '2.000815',
        '2.000884',
        '1.001612',
        '3.000722',
        '2.002913',
        '2.000806',
        '1.000419',
        '1.004884',
        '2.000635',
        '1.004873',
        '1.004194',
        '1.010038',
      ].sort(),
    );
  });

  it('every seeded procedure passes ProcedureSchema, with a code shaped 1.001193', () => {
    for (const { seedVersion, ...rest } of seedProcedures) {
      expect(seedVersion).toBeGreaterThan(0);
      expect(rest.code).toMatch(PROCEDURE_CODE);
      const parsed = ProcedureSchema.safeParse({
        ...rest,
        source: 'seed',
        updatedAt: '2026-11-25T00:00:00.000Z',
      });
      expect(parsed.success, `${rest.code}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('every fill names a real citizen field, and a filled select offers the citizen values', () => {
    const citizenKeys = Object.keys(CitizenWireSchema.shape).filter((k) => k !== 'source');
    for (const p of seedProcedures) {
      for (const f of p.form.fields) {
        if (f.fill === null) continue;
        expect(CitizenFieldSchema.safeParse(f.fill).success, `${p.code}.${f.key}`).toBe(true);
        expect(citizenKeys).toContain(f.fill);
        if (f.fill === 'sex') expect(f.options?.map((o) => o.value)).toEqual(['male', 'female']);
      }
    }
  });

  it('field keys are unique within each form and every select has options', () => {
    for (const p of seedProcedures) {
      const keys = keysOf(p.form.fields);
      expect(new Set(keys).size, p.code).toBe(keys.length);
      for (const f of p.form.fields) {
        if (f.type === 'select')
          expect(f.options?.length ?? 0, `${p.code}.${f.key}`).toBeGreaterThan(0);
      }
    }
  });

  it('the birth form fills the person registering from the chip but never the child or the parents', () => {
    const form = byCode.get('1.001193')?.form.fields ?? [];
    const filled = Object.fromEntries(
      form.filter((f) => f.fill !== null).map((f) => [f.key, f.fill]),
    );
    expect(filled).toEqual({
      registrantName: 'fullName',
      registrantId: 'id',
      registrantResidence: 'placeOfResidence',
    });
    for (const key of [
      'registrantPhone',
      'relationship',
      'childName',
      'childBirthDate',
      'childSex',
      'childBirthPlace',
      'childEthnicity',
      'childNationality',
      'fatherName',
      'fatherBirthYear',
      'fatherId',
      'fatherResidence',
      'motherName',
      'motherBirthYear',
      'motherId',
      'motherResidence',
    ]) {
      expect(keysOf(form)).toContain(key);
    }
    expect(
      form.some((f) => f.fill === 'father' || f.fill === 'mother' || f.fill === 'spouse'),
    ).toBe(false);
    expect(form.find((f) => f.key === 'relationship')?.type).toBe('select');
  });

  it('every value the note leaves secondary or open is marked unconfirmed', () => {
    for (const p of seedProcedures) {
      for (const key of p.unconfirmed)
        expect(unconfirmedKeys.has(key), `${p.code}: ${key}`).toBe(true);
    }
    // Only thường trú and xóa thường trú have deadline and fee confirmed by the note.
    const confirmedDeadline = seedProcedures.filter(
      (p) => !p.unconfirmed.includes('processingDays'),
    );
    expect(confirmedDeadline.map((p) => p.code).sort()).toEqual(['1.003197', '1.004222']);
    // Where the note gives no fee, none is invented.
    for (const p of seedProcedures) {
      if (p.fees.length === 0) expect(p.unconfirmed).toContain('fees');
    }
    expect(byCode.get('2.000815')?.unconfirmed).toContain('code');
  });

  it('same-day civil-status and certification procedures carry the 15:00 cutoff', () => {
    for (const code of ['1.001193', '1.000894', '1.000656', '2.000815', '2.000884']) {
      const p = byCode.get(code);
      expect(p?.processingDays, code).toBe(0);
      expect(p?.sameDayCutoff, code).toBe('15:00');
    }
    for (const p of seedProcedures) {
      if (p.processingDays > 0) expect(p.sameDayCutoff, p.code).toBeNull();
    }
  });
});
