import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeFaceJpeg } from '../../../test/fixtures/cccd/face-jpeg';
import { buildDg1, buildDg2 } from '../../../test/fixtures/cccd/lds-files';
import { NGUYEN_THI_MAI } from '../../../test/fixtures/cccd/synthetic-person';
import { parseDg1 } from './dg1';
import { parseDg2 } from './dg2';
import { ParseError } from '../iso7816/parse-error';

describe('DG1', () => {
  it('is 95 bytes (61 5D 5F1F 5A) and yields the verified TD1 MRZ', () => {
    const dg1 = buildDg1(NGUYEN_THI_MAI.mrz);
    expect(dg1.length).toBe(95);
    expect([...dg1.subarray(0, 5)]).toEqual([0x61, 0x5d, 0x5f, 0x1f, 0x5a]);
    expect(parseDg1(dg1).personalId).toBe('001185012345');
  });

  it('turns a bad check digit into a ParseError carrying the MRZ error', () => {
    const dg1 = buildDg1(NGUYEN_THI_MAI.mrz).slice();
    dg1[19] = 0x30; // first document-number digit
    expect(() => parseDg1(dg1)).toThrow(ParseError);
  });
});

describe('DG2', async () => {
  const face = await makeFaceJpeg();

  it('yields the JFIF face with its size from an ISO 19794-5 record', () => {
    const [img] = parseDg2(buildDg2(face.jpeg, face.width, face.height));
    expect(img?.mimeType).toBe('image/jpeg');
    expect([img?.width, img?.height]).toEqual([face.width, face.height]);
    expect(img?.data).toEqual(face.jpeg);
    expect([...face.jpeg.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
  });

  it('yields image bytes that libvips decodes at the size the record states', async () => {
    const [img] = parseDg2(buildDg2(face.jpeg, face.width, face.height));
    const meta = await sharp(img!.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', img!.width, img!.height]);
  });

  it('puts the image 84 bytes in for a 15 KB face, as one CCCD app assumes', () => {
    const dg2 = buildDg2(face.jpeg, face.width, face.height);
    expect(face.jpeg.length).toBeGreaterThan(12_000);
    expect(face.jpeg.length).toBeLessThan(16_000);
    expect([...dg2.subarray(84, 87)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('recognises a JPEG 2000 image by its signature box', () => {
    const jp2 = Uint8Array.from([
      0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a, 1, 2,
    ]);
    expect(parseDg2(buildDg2(jp2, 10, 20))[0]?.mimeType).toBe('image/jp2');
  });
});
