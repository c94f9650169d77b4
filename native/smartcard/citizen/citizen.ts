import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` (checked against the calendar, not only the shape). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

/** Trimmed and NFC-normalised, so "Nguyễn" typed, scanned or read from the chip compares equal. */
const text = z.string().trim().normalize('NFC');
const optionalText = text.nullable();

/** Số định danh cá nhân: exactly 12 digits (the CCCD / thẻ căn cước number). */
export const CitizenIdSchema = z.string().regex(/^\d{12}$/);

/** Whether `value` is a 12-digit personal ID number, as printed and as stored. */
export function isCitizenId(value: string): boolean {
  return CitizenIdSchema.safeParse(value).success;
}

/** Số CMND cũ (9 digits) or an earlier 12-digit number. */
export const OldIdNumberSchema = z.string().regex(/^(\d{9}|\d{12})$/);

/** Whether `value` is an old ID number (9 or 12 digits). */
export function isOldIdNumber(value: string): boolean {
  return OldIdNumberSchema.safeParse(value).success;
}

export const CitizenSourceSchema = z.enum(['chip', 'qr', 'typed']);
export type CitizenSource = z.infer<typeof CitizenSourceSchema>;

export const SexSchema = z.enum(['male', 'female']);
export type Sex = z.infer<typeof SexSchema>;

/**
 * The citizen as the kiosk keeps it, whichever way it was captured. `null` means
 * the source does not carry the field (the QR has no ethnicity or expiry), except
 * `expiryDate`, where a chip record's null means "Không thời hạn" (never expires).
 */
export const CitizenSchema = z.object({
  id: CitizenIdSchema,
  fullName: text.pipe(z.string().min(1)),
  birthDate: IsoDateSchema,
  sex: SexSchema.nullable(),
  nationality: optionalText,
  ethnicity: optionalText,
  religion: optionalText,
  placeOfOrigin: optionalText,
  placeOfResidence: optionalText,
  identifyingFeatures: optionalText,
  issueDate: IsoDateSchema.nullable(),
  expiryDate: IsoDateSchema.nullable(),
  father: optionalText,
  mother: optionalText,
  spouse: optionalText,
  oldIdNumber: OldIdNumberSchema.nullable(),
  /** Chip reads only: CCCD or the 2024 thẻ căn cước, by issue date (card-generation.ts). */
  cardGeneration: z.enum(['cccd', 'can-cuoc-2024', 'unknown']).optional(),
  source: CitizenSourceSchema,
});
export type Citizen = z.infer<typeof CitizenSchema>;

/**
 * A citizen typed by a clerk or citizen (no chip, no QR): what was typed, every
 * field a chip would add left null. One builder for the counter, the kiosk and
 * the CLI, so a field added to the record is filled the same way everywhere.
 */
export function typedCitizen(
  typed: Pick<Citizen, 'id' | 'fullName' | 'birthDate'> &
    Partial<Pick<Citizen, 'sex' | 'placeOfResidence' | 'oldIdNumber'>>,
): Citizen {
  return {
    sex: null,
    nationality: null,
    ethnicity: null,
    religion: null,
    placeOfOrigin: null,
    placeOfResidence: null,
    identifyingFeatures: null,
    issueDate: null,
    expiryDate: null,
    father: null,
    mother: null,
    spouse: null,
    oldIdNumber: null,
    ...typed,
    source: 'typed',
  };
}

/** Vietnamese label of a sex value, as printed on the card. */
export function sexLabel(sex: Sex): string {
  return sex === 'male' ? 'Nam' : 'Nữ';
}

/** Reads "Nam" / "Nữ" in any case or Unicode normal form; null for anything else. */
export function parseSexLabel(raw: string): Sex | null {
  const s = raw.normalize('NFC').trim().toLowerCase();
  if (s === 'nam' || s === 'male' || s === 'm') return 'male';
  if (s === 'nữ' || s === 'nu' || s === 'female' || s === 'f') return 'female';
  return null;
}

/**
 * `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or `ddmmyyyy` as ISO `YYYY-MM-DD`;
 * null when it is not a calendar date.
 */
export function vnDateToIso(raw: string): string | null {
  const m = /^(\d{2})[/.-]?(\d{2})[/.-]?(\d{4})$/.exec(raw.trim());
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return IsoDateSchema.safeParse(iso).success ? iso : null;
}
