import { addDocumentTimestamp } from './doc-timestamp';
import { checkCms } from './cms-signature-check';
import { findSignatureFields } from './pdf-signature-fields';

const PDF_MAGIC = Buffer.from('%PDF-');

/**
 * A signed PDF none of whose signatures has a time from a TSA: made while the
 * TSA was down (B-B, `timestampPending`). Files that are not PDFs, unsigned
 * PDFs and PDFs with a signature timestamp or a document timestamp do not.
 */
export function needsDocumentTimestamp(bytes: Uint8Array): boolean {
  if (!Buffer.from(bytes.subarray(0, 5)).equals(PDF_MAGIC)) return false;
  let fields;
  try {
    fields = findSignatureFields(bytes);
  } catch {
    return false;
  }
  if (fields.length === 0) return false;
  return fields.every(
    (f) =>
      f.type !== 'DocTimeStamp' &&
      f.subFilter !== 'ETSI.RFC3161' &&
      checkCms(f.cms, () => new Uint8Array(0)).timestampToken === null,
  );
}

export interface LateTimestampLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * The sync's last step before a file leaves (EntryRunnerOptions.prepareUpload):
 * a PDF signed while the TSA was down gets a document timestamp now that the
 * network is back, so the portal receives a signature with a trusted time.
 * A TSA still down sends the file as it is (the portal must not wait on the
 * TSA); the warn line says so. null: nothing to change.
 */
export function lateTimestamper(
  tsaUrl: string,
  log: LateTimestampLog,
): ((bytes: Uint8Array) => Promise<Uint8Array | null>) | undefined {
  if (tsaUrl === '') return undefined;
  return async (bytes) => {
    if (!needsDocumentTimestamp(bytes)) return null;
    try {
      return (await addDocumentTimestamp(bytes, { url: tsaUrl })).pdf;
    } catch (error) {
      log.warn(
        {
          code: 'SIGNING_TSA_FAILED',
          detail: error instanceof Error ? error.message : String(error),
        },
        'file sent without its document timestamp (TSA still unreachable)',
      );
      return null;
    }
  };
}
