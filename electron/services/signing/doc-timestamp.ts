import { SignPdf, Signer } from '@signpdf/signpdf';
import { addSignaturePlaceholder } from './pdf-incremental';
import { requestTimestamp, timestampTime } from './tsa-client';

/** Room for the TimeStampToken: the TSA's signature and its chain (a few kB) with a wide margin. */
const TOKEN_ROOM = 16_384;

class TsaSigner extends Signer {
  readonly #url: string;
  readonly #timeoutMs: number | undefined;
  token: Uint8Array | null = null;
  constructor(url: string, timeoutMs: number | undefined) {
    super();
    this.#url = url;
    this.#timeoutMs = timeoutMs;
  }
  override async sign(signedRanges: Buffer): Promise<Buffer> {
    this.token = await requestTimestamp(new Uint8Array(signedRanges), {
      url: this.#url,
      ...(this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs }),
    });
    return Buffer.from(this.token);
  }
}

/**
 * Adds a PAdES document timestamp (ETSI.RFC3161 /DocTimeStamp, ETSI EN
 * 319 142-1 §5.4.3) as an incremental update: the TSA stamps the hash of
 * the whole file as it is, so a signature made offline (B-B) gets a trusted
 * time it existed by, and every earlier signature stays valid. No token is
 * needed. Throws SIGNING_TSA_FAILED when the TSA cannot be used.
 */
export async function addDocumentTimestamp(
  pdf: Uint8Array,
  tsa: { readonly url: string; readonly timeoutMs?: number },
): Promise<{ readonly pdf: Uint8Array; readonly time: Date | null }> {
  const withPlaceholder = await addSignaturePlaceholder({
    pdf,
    signingTime: new Date(),
    contentsSize: TOKEN_ROOM,
    kind: 'document-timestamp',
    appearance: null,
  });
  const signer = new TsaSigner(tsa.url, tsa.timeoutMs);
  const stamped = await new SignPdf().sign(Buffer.from(withPlaceholder), signer);
  return {
    pdf: new Uint8Array(stamped),
    time: signer.token === null ? null : timestampTime(signer.token),
  };
}
