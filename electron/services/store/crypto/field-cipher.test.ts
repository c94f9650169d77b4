import { createCipheriv } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './field-cipher';
import { FileKeyProvider, KEY_FILE_NAME } from './key-provider';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(Buffer.alloc(32, 3));

  it('a field sealed for one row does not open for another', () => {
    const sealed = cipher.sealText('Nguyễn Văn A', 'dossiers.applicant_name.row1');
    expect(cipher.openText(sealed, 'dossiers.applicant_name.row1')).toBe('Nguyễn Văn A');
    expect(() => cipher.openText(sealed, 'dossiers.applicant_name.row2')).toThrow();
  });

  it('a flipped ciphertext bit fails authentication', () => {
    const sealed = cipher.sealText('001190012345', 'x');
    sealed[sealed.length - 1]! ^= 0x01;
    expect(() => cipher.openText(sealed, 'x')).toThrow();
  });

  it('the same value sealed twice gives different bytes (fresh IV)', () => {
    expect(cipher.sealText('a', 'x').equals(cipher.sealText('a', 'x'))).toBe(false);
  });

  it('the sealed layout is version, IV, tag, then standard AES-256-GCM ciphertext', () => {
    // NIST GCM test case 14 shape: all-zero key and IV, one zero block -> known ciphertext.
    const key = Buffer.alloc(32);
    const iv = Buffer.alloc(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([c.update(Buffer.alloc(16)), c.final()]);
    expect(ct.toString('hex')).toBe('cea7403d4d606b6e074ec5d3baf39d18');
    expect(c.getAuthTag().toString('hex')).toBe('d0d1c8a799996bf0265b98b5d48ab919');
    const sealed = cipher.sealText('x', 'y');
    expect(sealed[0]).toBe(1);
    expect(sealed.length).toBe(1 + 12 + 16 + 1);
  });

  it('the blind index is stable per key and differs across keys', () => {
    const other = new FieldCipher(Buffer.alloc(32, 4));
    expect(cipher.blindIndex('001190012345')).toBe(cipher.blindIndex('001190012345'));
    expect(cipher.blindIndex('001190012345')).not.toBe(other.blindIndex('001190012345'));
  });
});

describe('FileKeyProvider', () => {
  it('creates a 0600 key file once and refuses one that others can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-key-'));
    try {
      const provider = new FileKeyProvider(dir);
      const key = provider.masterKey();
      expect(key).toHaveLength(32);
      expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
      expect(new FileKeyProvider(dir).masterKey().equals(key)).toBe(true);
      chmodSync(join(dir, KEY_FILE_NAME), 0o644);
      expect(() => provider.masterKey()).toThrow(
        expect.objectContaining({ code: 'STORE_KEY_UNAVAILABLE' }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
