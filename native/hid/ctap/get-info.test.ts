import { Encoder } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { decodeGetInfo, GetInfoError, userVerificationOf } from './get-info';
import { SPEC_GET_INFO_EXAMPLE } from './virtual-authenticator';

const encoder = new Encoder({ mapsAsObjects: false, useRecords: false });

describe('authenticatorGetInfo (CTAP 2.1 §6.4)', () => {
  it('the specification example decodes to versions, extensions, AAGUID and options', () => {
    const info = decodeGetInfo(SPEC_GET_INFO_EXAMPLE);
    expect(info).toEqual({
      versions: ['U2F_V2', 'FIDO_2_0'],
      extensions: ['uvm', 'hmac-secret'],
      aaguid: 'f8a011f3-8c0a-4d15-8006-17111f9edc7d',
      options: { rk: true, up: true, plat: false, clientPin: false },
      maxMsgSize: 1200,
      pinUvAuthProtocols: [1],
      transports: [],
      firmwareVersion: null,
      uvModality: null,
      remainingDiscoverableCredentials: null,
    });
    expect(userVerificationOf(info)).toBe('none');
  });

  it('a CTAP 2.1 fingerprint key with enrolled fingers reports bioEnroll and uv', () => {
    const cbor = encoder.encode(
      new Map<number, unknown>([
        [1, ['FIDO_2_0', 'FIDO_2_1']],
        [3, new Uint8Array(16).fill(0x11)],
        [
          4,
          new Map([
            ['rk', true],
            ['up', true],
            ['uv', true],
            ['bioEnroll', true],
            ['clientPin', true],
          ]),
        ],
        [6, [2, 1]],
        [9, ['usb']],
        [0x0e, 0x050700],
        [0x12, 0x02],
      ]),
    );
    const info = decodeGetInfo(cbor);
    expect(info.options.bioEnroll).toBe(true);
    expect(info.transports).toEqual(['usb']);
    expect(info.uvModality).toBe(2);
    expect(userVerificationOf(info)).toBe('fingerprint-enrolled');
    expect(userVerificationOf({ ...info, options: { bioEnroll: false, clientPin: true } })).toBe(
      'fingerprint-not-enrolled',
    );
    expect(userVerificationOf({ ...info, options: { clientPin: true } })).toBe('pin-only');
  });

  it('an answer without versions or with a short AAGUID is rejected, as is broken CBOR', () => {
    expect(() => decodeGetInfo(encoder.encode(new Map([[3, new Uint8Array(16)]])))).toThrow(
      GetInfoError,
    );
    expect(() =>
      decodeGetInfo(
        encoder.encode(
          new Map<number, unknown>([
            [1, ['FIDO_2_0']],
            [3, new Uint8Array(15)],
          ]),
        ),
      ),
    ).toThrow(/aaguid/);
    expect(() => decodeGetInfo(Uint8Array.of(0xa6, 0x01))).toThrow(/not valid CBOR/);
    expect(() => decodeGetInfo(encoder.encode(['FIDO_2_0']))).toThrow(GetInfoError);
  });
});
