import { createHash } from 'node:crypto';
import { SignPdf, Signer } from '@signpdf/signpdf';
import type * as pkijs from 'pkijs';
import { buildCadesSignedData } from './cades-signed-data';
import { certificateDer } from './certificate-info';
import type { SignPdfOptions } from './document-signer';
import { addSignaturePlaceholder } from './pdf-incremental';
import { appearanceLines } from './signature-appearance';

export interface PadesKey {
  readonly certificate: pkijs.Certificate;
  readonly chain: readonly pkijs.Certificate[];
  readonly keyType: 'rsa' | 'ec';
  /** See CadesInput.rawSign: the private-key operation (inside the token in production). */
  readonly rawSign: (data: Uint8Array) => Promise<Uint8Array>;
}

export interface PadesSignInput {
  readonly pdf: Uint8Array;
  readonly key: PadesKey;
  readonly signingTime: Date;
  readonly signerName: string;
  readonly unit: string;
  readonly options?: SignPdfOptions | undefined;
  /** RFC 3161 client (PAdES B-T): TimeStampToken DER over the signature value. */
  readonly timestamp?: ((signatureValue: Uint8Array) => Promise<Uint8Array | null>) | undefined;
}

class CadesSigner extends Signer {
  readonly #input: PadesSignInput;
  constructor(input: PadesSignInput) {
    super();
    this.#input = input;
  }
  override async sign(signedRanges: Buffer): Promise<Buffer> {
    const { key, timestamp } = this.#input;
    const cms = await buildCadesSignedData({
      documentDigest: new Uint8Array(createHash('sha256').update(signedRanges).digest()),
      signer: key.certificate,
      chain: key.chain,
      keyType: key.keyType,
      rawSign: key.rawSign,
      ...(timestamp === undefined ? {} : { timestamp }),
    });
    return Buffer.from(cms);
  }
}

/**
 * PAdES baseline signature over `pdf` as an incremental update. This layer
 * does not check the certificate (pades-signer.ts does before it is called),
 * so tests can also make the signatures a verifier must refuse.
 */
export async function padesSign(input: PadesSignInput): Promise<Uint8Array> {
  const { pdf, key, options } = input;
  const visible = options?.appearance?.visible ?? true;
  const appearance = visible
    ? {
        pageIndex:
          options?.appearance?.page === undefined ? undefined : options.appearance.page - 1,
        rect: options?.appearance?.rect,
        lines: appearanceLines({
          signerName: options?.appearance?.signerName ?? input.signerName,
          unit: options?.appearance?.unit ?? input.unit,
          signingTime: input.signingTime,
          reason: options?.reason,
        }),
      }
    : null;
  const certBytes = [key.certificate, ...key.chain].reduce(
    (n, c) => n + certificateDer(c).length,
    0,
  );
  const withPlaceholder = await addSignaturePlaceholder({
    pdf,
    signingTime: input.signingTime,
    contentsSize: 4096 + certBytes + (input.timestamp === undefined ? 0 : 12_288),
    reason: options?.reason,
    location: options?.location,
    signerName: input.signerName,
    appearance,
  });
  const signed = await new SignPdf().sign(Buffer.from(withPlaceholder), new CadesSigner(input));
  return new Uint8Array(signed);
}
