import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';
import { appearanceStream } from './signature-appearance';
import { SigningError } from './signing-errors';

/** The ByteRange placeholder @signpdf/signpdf looks for and fills in. */
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 /********** /********** /**********]';

export interface PlaceholderInput {
  readonly pdf: Uint8Array;
  readonly signingTime: Date;
  /** Bytes reserved for the CMS (hex doubles it in the file). */
  readonly contentsSize: number;
  readonly reason?: string | undefined;
  readonly location?: string | undefined;
  readonly signerName?: string | undefined;
  /**
   * 'document-timestamp': an ETSI.RFC3161 /DocTimeStamp (PAdES B-LTA / a late
   * B-T) whose /Contents is a bare TimeStampToken; no /M, /Reason or /Name.
   */
  readonly kind?: 'signature' | 'document-timestamp' | undefined;
  /** null: an invisible signature (a zero-size widget, as PAdES allows). */
  readonly appearance: {
    /** Default: the last page. */
    readonly pageIndex?: number | undefined;
    /** Default: 200×62 pt at the page's bottom right, where Vietnamese documents carry the signature. */
    readonly rect?:
      | { readonly x: number; readonly y: number; readonly width: number; readonly height: number }
      | undefined;
    readonly lines: readonly string[];
  } | null;
}

/** PDF date in Vietnam time: D:YYYYMMDDHHmmss+07'00'. */
export function pdfDate(date: Date): string {
  const t = new Date(date.getTime() + 7 * 3600_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `D:${String(t.getUTCFullYear())}${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}${two(t.getUTCHours())}${two(t.getUTCMinutes())}${two(t.getUTCSeconds())}+07'00'`;
}

const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

function serialize(obj: PDFObject): Uint8Array {
  const out = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(out, 0);
  return out;
}

/** Offset of the last cross-reference section and whether it is a classic table. */
function lastXref(pdf: Uint8Array): { offset: number; table: boolean } {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (m === null) throw new SigningError('SIGNING_BAD_PDF', 'no startxref at the end of the file');
  const offset = Number(m[1]);
  const head = Buffer.from(pdf.subarray(offset, offset + 4)).toString('latin1');
  return { offset, table: head === 'xref' };
}

/** Consecutive object numbers grouped into xref subsections. */
function subsections(numbers: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of numbers) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] + last[1] === n) last[1] += 1;
    else runs.push([n, 1]);
  }
  return runs;
}

/**
 * Appends an incremental update (ISO 32000-1 §7.5.6) holding a signature
 * field, its widget (with a visible appearance unless none is asked for) and
 * an unsigned signature dictionary with a ByteRange/Contents placeholder.
 * The original bytes are kept unchanged, so earlier signatures stay valid;
 * only the objects that change (page or /Annots, catalog or /AcroForm) are
 * written again after them.
 */
export async function addSignaturePlaceholder(input: PlaceholderInput): Promise<Uint8Array> {
  const update = await openForUpdate(input.pdf);
  const { doc, context } = update;
  const changed = new Set<PDFRef>();
  const pages = doc.getPages();
  const page = pages[input.appearance?.pageIndex ?? pages.length - 1];
  if (page === undefined) throw new SigningError('SIGNING_BAD_PDF', 'no such page');

  const sigRef = context.nextRef();
  const fieldCount = doc.catalog.getAcroForm()?.getAllFields().length ?? 0;
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    F: 132, // Print | Locked
    T: PDFHexString.fromText(
      `${input.kind === 'document-timestamp' ? 'Dấu thời gian' : 'Chữ ký'} ${String(fieldCount + 1)}`,
    ),
    V: sigRef,
    P: page.ref,
    Rect: [0, 0, 0, 0],
  });
  if (input.appearance !== null) {
    const size = page.getSize();
    const { x, y, width, height } = input.appearance.rect ?? {
      x: size.width - 36 - 200,
      y: 36,
      width: 200,
      height: 62,
    };
    widget.set(PDFName.of('Rect'), context.obj([x, y, x + width, y + height]));
    const ap = await appearanceStream(doc, input.appearance.lines, width, height);
    widget.set(PDFName.of('AP'), context.obj({ N: ap }));
  }
  const widgetRef = context.register(widget);

  // The page's /Annots: an array in the page, in its own object, or none yet.
  const annots = page.node.get(PDFName.of('Annots'));
  if (annots instanceof PDFRef) {
    context.lookup(annots, PDFArray).push(widgetRef);
    changed.add(annots);
  } else if (annots instanceof PDFArray) {
    annots.push(widgetRef);
    changed.add(page.ref);
  } else {
    page.node.set(PDFName.of('Annots'), context.obj([widgetRef]));
    changed.add(page.ref);
  }

  // The catalog's /AcroForm (and its /Fields) likewise; SigFlags 3 = SignaturesExist | AppendOnly.
  const rootRef = update.rootRef;
  const acroRaw = doc.catalog.get(PDFName.of('AcroForm'));
  let acro: PDFDict;
  if (acroRaw instanceof PDFRef) {
    acro = context.lookup(acroRaw, PDFDict);
    changed.add(acroRaw);
  } else if (acroRaw instanceof PDFDict) {
    acro = acroRaw;
    changed.add(rootRef);
  } else {
    acro = context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), context.register(acro));
    changed.add(rootRef);
  }
  const fields = acro.get(PDFName.of('Fields'));
  if (fields instanceof PDFRef) {
    context.lookup(fields, PDFArray).push(widgetRef);
    changed.add(fields);
  } else if (fields instanceof PDFArray) {
    fields.push(widgetRef);
  } else {
    acro.set(PDFName.of('Fields'), context.obj([widgetRef]));
  }
  acro.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  await doc.flush();

  const text = (s: string | undefined, key: string): string =>
    s === undefined || s === '' ? '' : ` /${key} ${PDFHexString.fromText(s).toString()}`;
  const contents = `/Contents <${'0'.repeat(input.contentsSize * 2)}>`;
  const sigDict =
    input.kind === 'document-timestamp'
      ? `<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 ${BYTE_RANGE_PLACEHOLDER} ${contents} >>`
      : `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTE_RANGE_PLACEHOLDER} ` +
        `${contents} /M (${pdfDate(input.signingTime)})` +
        `${text(input.reason, 'Reason')}${text(input.location, 'Location')}${text(input.signerName, 'Name')} >>`;

  return appendUpdate(update, changed, [[sigRef, latin1(sigDict)]]);
}

/** A PDF loaded for an incremental update, and what the update's xref needs. */
export interface PdfUpdate {
  readonly pdf: Uint8Array;
  readonly doc: PDFDocument;
  readonly context: PDFDocument['context'];
  /** Objects numbered from here on are new and are all written. */
  readonly firstNew: number;
  readonly prevXref: number;
  readonly table: boolean;
  readonly rootRef: PDFRef;
}

/** Loads `pdf` so objects can be added or changed and written after it (appendUpdate). */
export async function openForUpdate(pdf: Uint8Array): Promise<PdfUpdate> {
  const { offset: prevXref, table } = lastXref(pdf);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new SigningError(
      'SIGNING_BAD_PDF',
      error instanceof Error ? error.message : String(error),
    );
  }
  if (doc.isEncrypted) throw new SigningError('SIGNING_BAD_PDF', 'encrypted PDF');
  const context = doc.context;
  // New objects must not reuse numbers the original's xref uses for object
  // and xref streams (pdf-lib does not count those), or their contents are lost.
  const sizeMatch = /\/Size\s+(\d+)/.exec(
    Buffer.from(pdf.subarray(prevXref, prevXref + 4096)).toString('latin1'),
  );
  const originalSize = sizeMatch === null ? 0 : Number(sizeMatch[1]);
  context.largestObjectNumber = Math.max(context.largestObjectNumber, originalSize - 1);
  const firstNew = context.largestObjectNumber + 1;
  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new SigningError('SIGNING_BAD_PDF', 'no /Root reference');
  return { pdf, doc, context, firstNew, prevXref, table, rootRef };
}

/**
 * Appends the update (ISO 32000-1 §7.5.6): every new object, the `changed`
 * ones written again, `extra` objects given as raw bytes (a signature
 * dictionary with its placeholder), and an xref of the original's kind.
 */
export function appendUpdate(
  update: PdfUpdate,
  changed: ReadonlySet<PDFRef>,
  extra: readonly (readonly [PDFRef, Uint8Array])[],
): Uint8Array {
  const { context, firstNew, prevXref, table, rootRef } = update;
  const parts: Uint8Array[] = [];
  let offset = update.pdf.length;
  const offsets = new Map<number, { offset: number; gen: number }>();
  const push = (bytes: Uint8Array): void => {
    parts.push(bytes);
    offset += bytes.length;
  };
  if (update.pdf[update.pdf.length - 1] !== 0x0a) push(latin1('\n'));
  const writeObject = (ref: PDFRef, body: Uint8Array): void => {
    offsets.set(ref.objectNumber, { offset, gen: ref.generationNumber });
    push(latin1(`${String(ref.objectNumber)} ${String(ref.generationNumber)} obj\n`));
    push(body);
    push(latin1('\nendobj\n'));
  };
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (extra.some(([r]) => r === ref)) continue;
    if (ref.objectNumber >= firstNew || changed.has(ref)) writeObject(ref, serialize(obj));
  }
  for (const [ref, body] of extra) writeObject(ref, body);

  const trailer = context.trailerInfo;
  const trailerExtra =
    (trailer.Info instanceof PDFRef ? ` /Info ${trailer.Info.toString()}` : '') +
    (trailer.ID instanceof PDFArray ? ` /ID ${trailer.ID.toString()}` : '');
  if (table) {
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const size = Math.max(context.largestObjectNumber + 1, ...numbers.map((n) => n + 1));
    const xrefAt = offset;
    let xref = 'xref\n';
    for (const [start, count] of subsections(numbers)) {
      xref += `${String(start)} ${String(count)}\n`;
      for (let n = start; n < start + count; n += 1) {
        const e = offsets.get(n);
        xref += `${String(e?.offset ?? 0).padStart(10, '0')} ${String(e?.gen ?? 0).padStart(5, '0')} n\r\n`;
      }
    }
    xref += `trailer\n<< /Size ${String(size)} /Root ${rootRef.toString()}${trailerExtra} /Prev ${String(prevXref)} >>\nstartxref\n${String(xrefAt)}\n%%EOF\n`;
    push(latin1(xref));
  } else {
    // The original ends in a cross-reference stream, so the update does too.
    const xrefRef = context.nextRef();
    offsets.set(xrefRef.objectNumber, { offset, gen: 0 });
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const size = Math.max(context.largestObjectNumber + 1, ...numbers.map((n) => n + 1));
    const rows = Buffer.alloc(numbers.length * 7);
    numbers.forEach((n, i) => {
      const e = offsets.get(n);
      rows.writeUInt8(1, i * 7);
      rows.writeUInt32BE(e?.offset ?? 0, i * 7 + 1);
      rows.writeUInt16BE(e?.gen ?? 0, i * 7 + 5);
    });
    const index = subsections(numbers).flat().join(' ');
    const xrefAt = offset;
    push(
      latin1(
        `${String(xrefRef.objectNumber)} 0 obj\n<< /Type /XRef /Size ${String(size)} /W [1 4 2] /Index [${index}] ` +
          `/Root ${rootRef.toString()}${trailerExtra} /Prev ${String(prevXref)} /Length ${String(rows.length)} >>\nstream\n`,
      ),
    );
    push(new Uint8Array(rows));
    push(latin1(`\nendstream\nendobj\nstartxref\n${String(xrefAt)}\n%%EOF\n`));
  }
  return new Uint8Array(Buffer.concat([update.pdf, ...parts]));
}
