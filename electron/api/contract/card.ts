import { z } from 'zod';
import { CitizenWireSchema, isCitizenId } from './citizen';
import { method } from './method';

export const CardReaderSchema = z.object({
  name: z.string(),
  cardPresent: z.boolean(),
  /** The card's ATR in hex when a card is present. */
  atr: z.string().nullable(),
});

/** Readers and card presence, live (Diagnostics, the staff and kiosk screens). */
export const CardStatusSchema = z.object({
  /** pcscd reachable; while false the kiosk retries in the background. */
  serviceUp: z.boolean(),
  readers: z.array(CardReaderSchema),
});

const yymmdd = z.string().regex(/^\d{6}$/);

/** How the chip is opened: the MRZ (3 lines, or its three fields) for BAC/PACE, or the CAN for PACE. */
export const CardAccessSchema = z.union([
  z.object({ mrz: z.string().min(90).max(100) }).strict(),
  z.object({ doc: z.string().regex(/^[0-9A-Z<]{9}$/), dob: yymmdd, expiry: yymmdd }).strict(),
  z.object({ can: z.string().regex(/^\d{6}$/) }).strict(),
]);

export type CardAccess = z.infer<typeof CardAccessSchema>;

/**
 * The access a person typed on a card screen (counter or kiosk), or undefined
 * while it is incomplete: the CAN is the last six digits of the 12-digit ID
 * (how the screens ask for it), the MRZ fields are taken upper-cased.
 */
export function typedCardAccess(
  typed:
    { mode: 'can'; idNumber: string } | { mode: 'mrz'; doc: string; dob: string; expiry: string },
): CardAccess | undefined {
  if (typed.mode === 'can') {
    return isCitizenId(typed.idNumber) ? { can: typed.idNumber.slice(6) } : undefined;
  }
  const parsed = CardAccessSchema.safeParse({
    doc: typed.doc.trim().toUpperCase(),
    dob: typed.dob,
    expiry: typed.expiry,
  });
  return parsed.success ? parsed.data : undefined;
}

export const PassiveAuthSchema = z.object({
  status: z.enum(['trusted', 'untrusted']),
  hashesOk: z.boolean(),
  signatureOk: z.boolean(),
  chainTrusted: z.boolean(),
  /** The CSCA the document signer chains to. */
  csca: z.string().nullable(),
  documentSigner: z.string().nullable(),
  /** Each problem, with what to do, Vietnamese and English. */
  failures: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
});

/**
 * A damaged optional data group (DG2/DG14/DG15): the citizen is still read
 * (DG1/DG13 decide), the screens show `vi`/`en` ("ảnh không đọc được" for DG2).
 */
export const CardWarningSchema = z.object({
  code: z.enum(['PHOTO_UNREADABLE', 'DATA_GROUP_UNREADABLE']),
  file: z.enum(['COM', 'DG1', 'DG2', 'DG13', 'DG14', 'DG15', 'SOD']),
  vi: z.string(),
  en: z.string(),
});

export const CardReadResultSchema = z.object({
  citizen: CitizenWireSchema,
  /** The face from DG2 as a data: URL (image/jpeg or image/jp2), or null. */
  photo: z
    .object({
      mimeType: z.enum(['image/jpeg', 'image/jp2']),
      dataUrl: z.string().regex(/^data:image\/(jpeg|jp2);base64,[A-Za-z0-9+/=]+$/),
    })
    .nullable(),
  passiveAuthentication: PassiveAuthSchema,
  /** Active Authentication with DG15 and a fresh challenge; null when the card has no DG15. */
  activeAuthentication: z
    .object({ ok: z.boolean(), algorithm: z.string(), vi: z.string(), en: z.string() })
    .nullable(),
  accessProtocol: z.enum(['BAC', 'PACE']),
  /** What could not be used although the citizen was read; empty for a whole card. */
  warnings: z.array(CardWarningSchema),
  counters: z.object({
    apdus: z.number().int().nonnegative(),
    bytesSent: z.number().int().nonnegative(),
    bytesReceived: z.number().int().nonnegative(),
    ms: z.number().int().nonnegative(),
    /** READ BINARY plaintext bytes per command. */
    chunk: z.number().int().positive(),
  }),
});

export const cardMethods = {
  'card.readers': method(z.object({}).strict(), CardStatusSchema),
  /** One read at a time; progress comes as `card.progress` events; `card.cancel` stops it. */
  'card.read': method(
    z
      .object({
        access: CardAccessSchema,
        reader: z.string().max(200).optional(),
        /** Seconds to wait for the card to be placed (0: it must be there). */
        waitSeconds: z.number().int().min(0).max(120).optional(),
      })
      .strict(),
    CardReadResultSchema,
  ),
  'card.cancel': method(z.object({}).strict(), z.object({ cancelled: z.boolean() })),
} as const;

export const cardEvents = {
  'card.status': CardStatusSchema,
  'card.progress': z.object({
    file: z.enum(['COM', 'DG1', 'DG2', 'DG13', 'DG14', 'DG15', 'SOD']),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
} as const;
