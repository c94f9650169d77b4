import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { Encoder } from 'cbor-x';

/**
 * A FIDO2 authenticator in software (ES256, "none" attestation), so the
 * server's checks can be tested with answers a browser would refuse to make,
 * e.g. an assertion without user verification. Byte layouts: WebAuthn Level 2
 * §6.1 (authenticator data), §6.5.1 (attested credential data), RFC 8152 (COSE key).
 */

// WebAuthn forbids CBOR tag 64 for byte strings; plain maps keep integer COSE labels.
const cbor = new Encoder({ tagUint8Array: false, useRecords: false, mapsAsObjects: false });

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes: Uint8Array | string): Buffer => createHash('sha256').update(bytes).digest();

export interface Gesture {
  /** User present (a touch). */
  readonly up: boolean;
  /** User verified (fingerprint or PIN). */
  readonly uv: boolean;
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  #signCount = 0;

  constructor() {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.#privateKey = pair.privateKey;
    this.#publicKey = pair.publicKey;
  }

  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    origin: string,
    gesture: Gesture,
  ): RegistrationResponseJSON {
    const clientData = this.#clientData('webauthn.create', options.challenge, origin);
    const jwk = this.#publicKey.export({ format: 'jwk' });
    const coseKey = new Map<number, number | Buffer>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([
      Buffer.alloc(16), // AAGUID: none
      idLength,
      this.credentialId,
      cbor.encode(coseKey),
    ]);
    const authData = Buffer.concat([this.#authData(options.rp.id!, gesture, FLAG_AT), attested]);
    const attestationObject = cbor.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientData),
        attestationObject: b64url(attestationObject),
        transports: ['usb'],
      },
    };
  }

  assert(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
    gesture: Gesture,
  ): AuthenticationResponseJSON {
    const clientData = this.#clientData('webauthn.get', options.challenge, origin);
    const authData = this.#authData(options.rpId!, gesture, 0);
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientData)]),
      this.#privateKey,
    );
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
      },
    };
  }

  #clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** rpIdHash (32) | flags (1) | signCount (4, big-endian). */
  #authData(rpId: string, gesture: Gesture, extraFlags: number): Buffer {
    const flags = (gesture.up ? FLAG_UP : 0) | (gesture.uv ? FLAG_UV : 0) | extraFlags;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(++this.#signCount);
    return Buffer.concat([sha256(rpId), Buffer.of(flags), count]);
  }
}
