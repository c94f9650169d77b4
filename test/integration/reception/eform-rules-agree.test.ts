/**
 * The staff screen, the kiosk screen and the core must accept and refuse the
 * same e-form values: a value a screen lets through and the core refuses
 * strands the citizen at the last step. Each case goes through the core's
 * dossier.create path (request schema, then DossierIntake) and through
 * checkForm, the check both screens (intake/FormStep, self-service/FieldsStep)
 * run before sending; the value the core stores is the normalised one.
 */
import { describe, expect, it } from 'vitest';
import { checkForm } from '../../../electron/api/contract/form-rules';
import type { FormField, Procedure } from '../../../electron/api/contract/procedure';
import { NewDossierRequestSchema } from '../../../electron/api/contract/reception';
import { KioskError } from '../../../electron/api/errors';
import { DossierIntake } from '../../../electron/services/intake/dossier-intake';
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';

const label = (vi: string) => ({ vi, en: vi });

interface Case {
  readonly type: FormField['type'];
  readonly value: string;
  readonly accepted: boolean;
  readonly extra?: Partial<FormField>;
}

const sex = { options: [{ value: 'nam', label: label('Nam') }] };

const cases: readonly Case[] = [
  { type: 'phone', value: '+1 234 567 8901', accepted: false },
  { type: 'phone', value: '0912 345 678', accepted: true },
  { type: 'phone', value: '0912345678', accepted: true },
  { type: 'phone', value: '091234567', accepted: false },
  { type: 'phone', value: '+84 912 345 678', accepted: true },
  { type: 'phone', value: '0912-345-678', accepted: true },
  { type: 'idNumber', value: '001203004567', accepted: true },
  { type: 'idNumber', value: '0012 0300 4567', accepted: true },
  { type: 'idNumber', value: '00120300456', accepted: false },
  { type: 'idNumber', value: '00120300456a', accepted: false },
  { type: 'date', value: '29/02/2023', accepted: false },
  { type: 'date', value: '29/02/2024', accepted: true },
  { type: 'date', value: '2024-02-29', accepted: true },
  { type: 'date', value: '31/04/2024', accepted: false },
  { type: 'date', value: '1/2/2024', accepted: false },
  { type: 'email', value: 'mai@vidu.vn', accepted: true },
  { type: 'email', value: 'a@b', accepted: false },
  { type: 'email', value: 'mai@@vidu.vn', accepted: false },
  { type: 'number', value: '12,5', accepted: true },
  { type: 'number', value: 'mười', accepted: false },
  { type: 'select', value: 'nam', accepted: true, extra: sex },
  { type: 'select', value: 'Nam ', accepted: false, extra: sex },
  { type: 'select', value: 'khác', accepted: false, extra: sex },
  { type: 'text', value: '  ', accepted: false, extra: { required: true } },
  { type: 'text', value: '', accepted: true },
  { type: 'text', value: 'Hà Nội', accepted: false, extra: { maxLength: 5 } },
  { type: 'text', value: ' Huế ', accepted: true, extra: { maxLength: 3 } },
  // "Hà" decomposed (NFD) is 4 code units, 2 letters once NFC-normalised.
  { type: 'text', value: 'Ha\u0300', accepted: true, extra: { maxLength: 2 } },
];

function fieldOf(c: Case): FormField {
  return { key: 'f', label: label('Ô'), type: c.type, required: false, fill: null, ...c.extra };
}

/** The core's answer: the value it stores, '' for none, or false when FORM_INVALID refuses it. */
async function core(field: FormField, value: string): Promise<string | false> {
  let stored: string | undefined;
  const procedure = {
    code: '1.000001',
    name: 'Thủ tục thử',
    fieldCode: null,
    fieldName: null,
    agency: 'UBND xã',
    components: [],
    form: { fields: [field] },
  } as unknown as Procedure;
  const intake = new DossierIntake({
    procedure: () => procedure,
    jobs: { assemble: () => Promise.reject(new Error('no jobs')), discard: () => undefined },
    dueAt: (at) => at,
    store: {
      save: (input) => {
        stored = input.formValues?.f;
        return { id: 'd1', code: 'c1' };
      },
      keepReceipt: () => undefined,
      savedByKey: () => null,
      outbox: { depth: () => ({ pending: 0, parked: 0 }) },
    },
    lastRead: () => null,
    agencyName: 'UBND xã',
    log: { warn: () => undefined },
  });
  const request = NewDossierRequestSchema.parse({
    procedureCode: procedure.code,
    applicant: { citizen: sampleCitizen({ source: 'typed' }) },
    formValues: { f: value },
    components: [],
  });
  try {
    await intake.create(request, { channel: 'counter', actor: 'test' });
    return stored ?? '';
  } catch (error) {
    if (error instanceof KioskError && error.code === 'FORM_INVALID') return false;
    throw error;
  }
}

describe('the core and both screens judge e-form values alike', () => {
  it.each(cases)('$type "$value" accepted: $accepted', async (c) => {
    const field = fieldOf(c);
    const screens = checkForm([field], { f: c.value });
    const fromCore = await core(field, c.value);
    expect({ core: fromCore !== false, screens: screens.problems.f === undefined }).toEqual({
      core: c.accepted,
      screens: c.accepted,
    });
    if (fromCore !== false) expect(fromCore).toBe(screens.values.f ?? '');
  });
});
