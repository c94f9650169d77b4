/**
 * The parts of a PNG a PDF image stream needs, without decoding pixels.
 *
 * Layout: 8-byte signature, then chunks of
 * `length:u32be | type:4 ASCII | data:length bytes | crc:u32be`.
 * IHDR data: `width:u32be | height:u32be | bitDepth:u8 | colourType:u8 |
 * compression:u8 | filter:u8 | interlace:u8`. The concatenated IDAT data is
 * a zlib stream of filtered rows, which is exactly what a PDF FlateDecode
 * stream with `/Predictor 15` expects, so it is copied as is.
 */
export interface PngParts {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 indexed, 4 grey+alpha, 6 RGBA. */
  readonly colourType: number;
  /** PLTE data (RGB triplets) for indexed images. */
  readonly palette?: Uint8Array;
  readonly idat: Uint8Array;
}

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function parsePngChunks(png: Uint8Array): PngParts {
  if (png.length < 8 || signature.some((b, i) => png[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let header: Omit<PngParts, 'idat' | 'palette'> | undefined;
  let palette: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (data.length !== length) throw new Error(`truncated PNG chunk ${type}`);
    if (type === 'IHDR') {
      if (data[12] !== 0) throw new Error('interlaced PNG cannot be copied into a PDF');
      header = {
        width: view.getUint32(offset + 8),
        height: view.getUint32(offset + 12),
        bitDepth: data[8] ?? 0,
        colourType: data[9] ?? 0,
      };
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header || idat.length === 0) throw new Error('PNG without IHDR or IDAT');
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of idat) {
    joined.set(d, at);
    at += d.length;
  }
  return { ...header, ...(palette ? { palette } : {}), idat: joined };
}
