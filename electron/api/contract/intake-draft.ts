import { z } from 'zod';
import { CardReadResultSchema } from './card';
import { CitizenWireSchema } from './citizen';
import { method } from './method';
import { PROCEDURE_CODE } from './procedure';

/** What the clerk typed about the applicant (ApplicantFields in the renderer); dates dd/mm/yyyy. */
const ApplicantFieldsSchema = z
  .object({
    fullName: z.string().max(200),
    id: z.string().max(20),
    birthDate: z.string().max(20),
    sex: z.enum(['', 'male', 'female']),
    residence: z.string().max(500),
    oldId: z.string().max(20),
    phone: z.string().max(20),
  })
  .strict();

const FieldKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/);

/**
 * The counter's intake wizard between two saves of the draft: the chosen
 * procedure, the applicant, the e-form as typed. Scans are not in it: a
 * scan job lives with the connection that made it, so the clerk scans again.
 */
export const IntakeDraftSchema = z
  .object({
    step: z.enum(['procedure', 'applicant', 'form', 'components', 'review']),
    /** The furthest step reached (StepList's index), so the clerk can jump back as before. */
    reached: z.number().int().min(0).max(5),
    procedureCode: z.string().regex(PROCEDURE_CODE).nullable(),
    applicant: z
      .object({
        fields: ApplicantFieldsSchema,
        source: z.enum(['chip', 'qr', 'typed']),
        citizen: CitizenWireSchema.nullable(),
        card: CardReadResultSchema.nullable(),
      })
      .strict(),
    values: z.record(FieldKey, z.string().max(2000)).refine((v) => Object.keys(v).length <= 300, {
      message: 'at most 300 form values',
    }),
    fromCard: z.array(FieldKey).max(300),
  })
  .strict();
export type IntakeDraft = z.infer<typeof IntakeDraftSchema>;

const SavedDraftSchema = z.object({
  draft: IntakeDraftSchema,
  savedAt: z.number().int(),
  /** The end of the working day it was saved on (midnight, Vietnam time): then it is gone. */
  expiresAt: z.number().int(),
});

/**
 * Staff only, per signed-in account: the wizard's draft kept in the core
 * (sealed in the store, never in the browser: it holds a citizen's data),
 * so a closed tab or a lost connection does not lose a reception half done.
 */
export const draftMethods = {
  'draft.save': method(
    z.object({ draft: IntakeDraftSchema }).strict(),
    z.object({ savedAt: z.number().int(), expiresAt: z.number().int() }),
  ),
  /** The signed-in clerk's draft, or null (none, or expired: an expired one is deleted). */
  'draft.get': method(z.object({}).strict(), z.object({ saved: SavedDraftSchema.nullable() })),
  'draft.discard': method(z.object({}).strict(), z.object({ discarded: z.boolean() })),
} as const;
