import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string();

/**
 * The Citizen record as it crosses the API (chip read, QR scan or typed). The
 * contract may not import native/ (lint boundary), so this mirrors
 * native/smartcard/citizen CitizenSchema field for field; a unit test in
 * electron/services/hid keeps the two in step. Any domain that sends a
 * citizen to the renderer uses this schema.
 */
export const CitizenWireSchema = z.object({
  id: z.string().regex(/^\d{12}$/),
  fullName: text.min(1),
  birthDate: isoDate,
  sex: z.enum(['male', 'female']).nullable(),
  nationality: text.nullable(),
  ethnicity: text.nullable(),
  religion: text.nullable(),
  placeOfOrigin: text.nullable(),
  placeOfResidence: text.nullable(),
  identifyingFeatures: text.nullable(),
  issueDate: isoDate.nullable(),
  expiryDate: isoDate.nullable(),
  father: text.nullable(),
  mother: text.nullable(),
  spouse: text.nullable(),
  oldIdNumber: z
    .string()
    .regex(/^(\d{9}|\d{12})$/)
    .nullable(),
  /** Chip reads only: CCCD (before 1/7/2024) or thẻ căn cước (from 1/7/2024), by issue date. */
  cardGeneration: z.enum(['cccd', 'can-cuoc-2024', 'unknown']).optional(),
  source: z.enum(['chip', 'qr', 'typed']),
});
export type CitizenWire = z.infer<typeof CitizenWireSchema>;
