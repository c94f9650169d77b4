import {
  aesCbc,
  aesCmac,
  aesEcbBlock,
  des3Decrypt,
  des3Encrypt,
  padIso9797m2,
  retailMac,
} from './primitives';

/**
 * The cipher suite of a secure-messaging session (ICAO 9303-11 §9.8):
 * 3DES-CBC with a zero IV and the retail MAC for BAC; AES-CBC with
 * IV = E(KSenc, SSC) and AES-CMAC truncated to 8 bytes for PACE.
 * `mac` gets SSC ‖ M unpadded and pads it itself.
 */
export interface SmCipher {
  readonly name: '3DES' | 'AES-128';
  readonly blockSize: 8 | 16;
  readonly sscLength: 8 | 16;
  encrypt(ssc: Uint8Array, padded: Uint8Array): Uint8Array;
  decrypt(ssc: Uint8Array, ciphertext: Uint8Array): Uint8Array;
  mac(sscAndData: Uint8Array): Uint8Array;
}

export function des3SmCipher(ksEnc: Uint8Array, ksMac: Uint8Array): SmCipher {
  return {
    name: '3DES',
    blockSize: 8,
    sscLength: 8,
    encrypt: (_ssc, padded) => des3Encrypt(ksEnc, padded),
    decrypt: (_ssc, ciphertext) => des3Decrypt(ksEnc, ciphertext),
    mac: (data) => retailMac(ksMac, data),
  };
}

export function aesSmCipher(ksEnc: Uint8Array, ksMac: Uint8Array): SmCipher {
  return {
    name: 'AES-128',
    blockSize: 16,
    sscLength: 16,
    encrypt: (ssc, padded) => aesCbc('enc', ksEnc, aesEcbBlock(ksEnc, ssc), padded),
    decrypt: (ssc, ciphertext) => aesCbc('dec', ksEnc, aesEcbBlock(ksEnc, ssc), ciphertext),
    mac: (data) => aesCmac(ksMac, padIso9797m2(data, 16)).slice(0, 8),
  };
}
