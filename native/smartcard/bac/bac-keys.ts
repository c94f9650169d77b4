import { bacKeySeed, KDF_ENC, KDF_MAC, kdf } from '../sm/kdf';

/** The document's static BAC keys (ICAO 9303-11 §9.7.2), from MRZ_information. */
export interface BacKeys {
  readonly seed: Uint8Array;
  readonly kEnc: Uint8Array;
  readonly kMac: Uint8Array;
}

export function bacKeys(mrzInformation: string): BacKeys {
  const seed = bacKeySeed(mrzInformation);
  return { seed, kEnc: kdf(seed, KDF_ENC, '3des'), kMac: kdf(seed, KDF_MAC, '3des') };
}

/** Session keys and SSC after mutual authentication (ICAO 9303-11 §9.7.4). */
export interface BacSession {
  readonly ksEnc: Uint8Array;
  readonly ksMac: Uint8Array;
  /** RND.IC[4..7] ‖ RND.IFD[4..7]. */
  readonly ssc: Uint8Array;
}

export function bacSession(
  kIfd: Uint8Array,
  kIc: Uint8Array,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
): BacSession {
  // K_seed = K.IFD ⊕ K.IC, 16 bytes (written without an index loop, whose
  // bound a mutant could change unseen: a Uint8Array drops a 17th write).
  const seed = Uint8Array.from({ length: 16 }, (_, i) => (kIfd[i] ?? 0) ^ (kIc[i] ?? 0));
  const ssc = new Uint8Array(8);
  ssc.set(rndIc.subarray(4, 8));
  ssc.set(rndIfd.subarray(4, 8), 4);
  return { ksEnc: kdf(seed, KDF_ENC, '3des'), ksMac: kdf(seed, KDF_MAC, '3des'), ssc };
}
