import { PDFDocument } from 'pdf-lib';

/**
 * The original as one PDF from its parts in order (a flatbed gives one sheet
 * per scan). One part is returned as it is, so a single imported PDF keeps
 * its exact bytes; several are copied page by page, never re-encoded.
 */
export async function joinPdfs(
  parts: readonly Uint8Array[],
): Promise<{ pdf: Uint8Array; pages: number }> {
  const [first] = parts;
  if (parts.length === 1 && first !== undefined) {
    const pages = (await PDFDocument.load(first, { updateMetadata: false })).getPageCount();
    return { pdf: first, pages };
  }
  const joined = await PDFDocument.create();
  for (const part of parts) {
    const doc = await PDFDocument.load(part, { updateMetadata: false });
    const copied = await joined.copyPages(doc, doc.getPageIndices());
    for (const page of copied) joined.addPage(page);
  }
  return { pdf: await joined.save({ useObjectStreams: false }), pages: joined.getPageCount() };
}
