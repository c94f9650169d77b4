import { Decoder } from 'cbor-x';
import { z } from 'zod';

/** authenticatorGetInfo command byte (CTAP 2.1 §6.4). */
export const AUTHENTICATOR_GET_INFO = 0x04;

/**
 * The authenticatorGetInfo answer (CTAP 2.1 §6.4), with the members the kiosk
 * shows IT staff. CBOR map keys: 0x01 versions, 0x02 extensions, 0x03 aaguid,
 * 0x04 options, 0x05 maxMsgSize, 0x06 pinUvAuthProtocols, 0x09 transports,
 * 0x0E firmwareVersion, 0x12 uvModality, 0x14 remainingDiscoverableCredentials.
 */
export interface AuthenticatorInfo {
  readonly versions: readonly string[];
  readonly extensions: readonly string[];
  /** 8-4-4-4-12 lowercase hex. */
  readonly aaguid: string;
  readonly options: Readonly<Record<string, boolean>>;
  readonly maxMsgSize: number | null;
  readonly pinUvAuthProtocols: readonly number[];
  readonly transports: readonly string[];
  readonly firmwareVersion: number | null;
  /** FIDO Registry user-verification method bits (0x02 = fingerprint). */
  readonly uvModality: number | null;
  readonly remainingDiscoverableCredentials: number | null;
}

export class GetInfoError extends Error {
  override readonly name = 'GetInfoError';
}

const decoder = new Decoder({ mapsAsObjects: false, useRecords: false });
const uint = z.number().int().nonnegative();
const InfoMapSchema = z.map(z.number().int(), z.unknown());
const GetInfoSchema = z.object({
  1: z.array(z.string()).min(1),
  2: z.array(z.string()).optional(),
  3: z.instanceof(Uint8Array).refine((b) => b.length === 16, 'aaguid must be 16 bytes'),
  4: z.map(z.string(), z.boolean()).optional(),
  5: uint.optional(),
  6: z.array(uint).optional(),
  9: z.array(z.string()).optional(),
  14: uint.optional(),
  18: uint.optional(),
  20: uint.optional(),
});

function uuid(bytes: Uint8Array): string {
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Decodes the CBOR map of an authenticatorGetInfo answer (after the status byte). */
export function decodeGetInfo(cbor: Uint8Array): AuthenticatorInfo {
  let raw: unknown;
  try {
    raw = decoder.decode(cbor);
  } catch (error) {
    throw new GetInfoError(
      `getInfo is not valid CBOR: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const map = InfoMapSchema.safeParse(raw);
  if (!map.success) throw new GetInfoError('getInfo is not a CBOR map with integer keys');
  const parsed = GetInfoSchema.safeParse(Object.fromEntries(map.data));
  if (!parsed.success) {
    throw new GetInfoError(
      `getInfo broke CTAP 2.1 §6.4: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  const d = parsed.data;
  return {
    versions: d[1],
    extensions: d[2] ?? [],
    aaguid: uuid(d[3]),
    options: Object.fromEntries(d[4] ?? new Map<string, boolean>()),
    maxMsgSize: d[5] ?? null,
    pinUvAuthProtocols: d[6] ?? [],
    transports: d[9] ?? [],
    firmwareVersion: d[14] ?? null,
    uvModality: d[18] ?? null,
    remainingDiscoverableCredentials: d[20] ?? null,
  };
}

export type UserVerification =
  'fingerprint-enrolled' | 'fingerprint-not-enrolled' | 'pin-only' | 'none';

/**
 * What staff sign-in can rely on (CTAP 2.1 §6.4 options): `bioEnroll` true
 * means fingerprints are enrolled, false means a sensor with none; otherwise a
 * set `clientPin` is the only user verification.
 */
export function userVerificationOf(info: AuthenticatorInfo): UserVerification {
  const bio = info.options.bioEnroll ?? info.options.userVerificationMgmtPreview;
  if (bio === true || (info.options.uv === true && ((info.uvModality ?? 0) & 0x02) !== 0))
    return 'fingerprint-enrolled';
  if (bio === false) return 'fingerprint-not-enrolled';
  return info.options.clientPin === true ? 'pin-only' : 'none';
}
