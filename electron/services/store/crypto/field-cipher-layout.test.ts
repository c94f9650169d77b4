import { createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './field-cipher';

const MASTER = Buffer.alloc(32, 9);

/** Opens a sealed value from the layout documented in field-cipher.ts, without FieldCipher. */
function openByTheBook(purpose: string, sealed: Buffer, aad: string): string {
  const key = Buffer.from(
    hkdfSync('sha256', MASTER, Buffer.alloc(0), `mot-cua-kiosk/${purpose}/v1`, 32),
  );
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
}

describe('FieldCipher sealed layout', () => {
  const cipher = new FieldCipher(MASTER);

  it('fields and blobs use separate keys derived by HKDF-SHA256 with their documented labels', () => {
    expect(openByTheBook('field', cipher.sealText('Nguyễn Văn A', 'd.n.1'), 'd.n.1')).toBe(
      'Nguyễn Văn A',
    );
    const sha = 'ab'.repeat(32);
    expect(openByTheBook('blob', cipher.sealBlob(Buffer.from('trang 1'), sha), `blob.${sha}`)).toBe(
      'trang 1',
    );
    expect(() =>
      openByTheBook('field', cipher.sealBlob(Buffer.from('x'), sha), `blob.${sha}`),
    ).toThrow();
  });

  it('blob file names are HMAC-SHA256 of the hash under their own HKDF label', () => {
    const sha = 'cd'.repeat(32);
    const key = Buffer.from(
      hkdfSync('sha256', MASTER, Buffer.alloc(0), 'mot-cua-kiosk/blob-name/v1', 32),
    );
    expect(cipher.blobName(sha)).toBe(createHmac('sha256', key).update(sha).digest('hex'));
    // Domain-separated from the blind index, which is keyed the same way under 'index'.
    expect(cipher.blobName(sha)).not.toBe(cipher.blindIndex(sha));
  });

  it('an empty value seals to the bare 29-byte header and opens back', () => {
    const sealed = cipher.sealText('', 'x');
    expect(sealed).toHaveLength(29);
    expect(cipher.openText(sealed, 'x')).toBe('');
  });

  it('a value shorter than the header or of another version is refused as an unknown format', () => {
    const sealed = cipher.sealText('abc', 'x');
    expect(() => cipher.openText(sealed.subarray(0, 28), 'x')).toThrow(/unknown format/);
    const v2 = Buffer.from(sealed);
    v2[0] = 0x02;
    expect(() => cipher.openText(v2, 'x')).toThrow(/unknown format/);
    expect(() => cipher.openBlob(v2, 'x')).toThrow(/unknown format/);
  });

  it('a master key that is not 32 bytes is refused', () => {
    expect(() => new FieldCipher(Buffer.alloc(31))).toThrow(/32 bytes/);
    expect(() => new FieldCipher(Buffer.alloc(33))).toThrow(/32 bytes/);
  });
});
