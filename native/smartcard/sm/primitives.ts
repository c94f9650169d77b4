import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * Block-cipher primitives for BAC and PACE secure messaging, on node:crypto.
 * No padding is applied here: callers pad with ISO/IEC 9797-1 method 2.
 */

const ZERO8 = new Uint8Array(8);

function run(
  mode: 'enc' | 'dec',
  algorithm: string,
  key: Uint8Array,
  iv: Uint8Array | null,
  data: Uint8Array,
): Uint8Array {
  const c =
    mode === 'enc' ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  c.setAutoPadding(false);
  const head = c.update(data);
  const tail = c.final();
  const out = new Uint8Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

/** Two-key 3DES (K1 ‖ K2, 16 bytes) in CBC mode. */
export function des3Encrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO8): Uint8Array {
  return run('enc', 'des-ede-cbc', key, iv, data);
}

export function des3Decrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO8): Uint8Array {
  return run('dec', 'des-ede-cbc', key, iv, data);
}

/** Single DES, done as EDE with K ‖ K (OpenSSL 3 keeps plain DES in its legacy provider). */
function desEcb(mode: 'enc' | 'dec', key8: Uint8Array, block: Uint8Array): Uint8Array {
  const k = new Uint8Array(16);
  k.set(key8);
  k.set(key8, 8);
  return run(mode, 'des-ede-ecb', k, null, block);
}

/** ISO/IEC 9797-1 padding method 2: 80 then 00 up to the block size (always adds ≥ 1 byte). */
export function padIso9797m2(data: Uint8Array, blockSize: number): Uint8Array {
  const length = (Math.floor(data.length / blockSize) + 1) * blockSize;
  const out = new Uint8Array(length);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** Removes method-2 padding; null when the padding is malformed. */
export function unpadIso9797m2(data: Uint8Array): Uint8Array | null {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0) i--;
  if (i < 0 || data[i] !== 0x80) return null;
  return data.slice(0, i);
}

/**
 * ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES and padding method 2:
 * DES-CBC with Ka over every block, then D(Kb) and E(Ka) on the last one.
 * `data` is padded here.
 */
export function retailMac(key: Uint8Array, data: Uint8Array): Uint8Array {
  const ka = key.subarray(0, 8);
  const kb = key.subarray(8, 16);
  const padded = padIso9797m2(data, 8);
  const k = new Uint8Array(16);
  k.set(ka);
  k.set(ka, 8);
  const cbc = run('enc', 'des-ede-cbc', k, ZERO8, padded);
  const last = cbc.subarray(cbc.length - 8);
  return desEcb('enc', ka, desEcb('dec', kb, last));
}

/** AES-CBC without padding (key length picks AES-128/192/256). */
export function aesCbc(
  mode: 'enc' | 'dec',
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): Uint8Array {
  return run(mode, `aes-${key.length * 8}-cbc`, key, iv, data);
}

export function aesEcbBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return run('enc', `aes-${key.length * 8}-ecb`, key, null, block);
}

function shiftLeft1(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = (((b[i] ?? 0) << 1) | ((b[i + 1] ?? 0) >> 7)) & 0xff;
  if (((b[0] ?? 0) & 0x80) !== 0) out[b.length - 1] = (out[b.length - 1] ?? 0) ^ 0x87;
  return out;
}

/** AES-CMAC (NIST SP 800-38B / RFC 4493), full 16-byte tag. */
export function aesCmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  const l = aesEcbBlock(key, new Uint8Array(16));
  const k1 = shiftLeft1(l);
  const k2 = shiftLeft1(k1);
  const n = Math.max(1, Math.ceil(data.length / 16));
  const complete = data.length > 0 && data.length % 16 === 0;
  const last = new Uint8Array(16);
  if (complete) {
    last.set(data.subarray((n - 1) * 16));
    for (let i = 0; i < 16; i++) last[i] = (last[i] ?? 0) ^ (k1[i] ?? 0);
  } else {
    last.set(padIso9797m2(data.subarray((n - 1) * 16), 16));
    for (let i = 0; i < 16; i++) last[i] = (last[i] ?? 0) ^ (k2[i] ?? 0);
  }
  const blocks = new Uint8Array(n * 16);
  blocks.set(data.subarray(0, (n - 1) * 16));
  blocks.set(last, (n - 1) * 16);
  const cbc = aesCbc('enc', key, new Uint8Array(16), blocks);
  return cbc.slice(cbc.length - 16);
}
