import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import type { PDFContext, PDFObject } from 'pdf-lib';

/**
 * What the updates after a signed revision did (ISO 32000-1 §12.8.2.2, the
 * DocMDP levels): nothing; only signatures, document timestamps, their
 * fields and appearances, and validation data (/DSS) added; or anything else
 * (content, pages, annotations, form values) — the signed document changed.
 */
export type ChangeKind = 'none' | 'signatures' | 'other';

export interface ChangeReport {
  readonly kind: ChangeKind;
  /** The objects that made it 'other', e.g. "12 0 R (Page)". */
  readonly changed: readonly string[];
}

const name = (o: PDFObject | undefined): string => (o instanceof PDFName ? o.decodeText() : '');

function dictOf(obj: PDFObject | undefined): PDFDict | undefined {
  if (obj instanceof PDFDict) return obj;
  if (obj instanceof PDFStream) return obj.dict;
  return undefined;
}

function text(obj: PDFObject | undefined): string {
  if (obj instanceof PDFRawStream)
    return obj.dict.toString() + Buffer.from(obj.contents).toString('latin1');
  return obj === undefined ? '' : obj.toString();
}

/** The dictionaries' keys that differ, the listed ones aside. */
function differingKeys(a: PDFDict, b: PDFDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.decodeText()));
  return [...keys].filter((k) => text(a.get(PDFName.of(k))) !== text(b.get(PDFName.of(k))));
}

function isSignatureField(ctx: PDFContext, obj: PDFObject | undefined, depth = 0): boolean {
  const dict = dictOf(obj instanceof PDFRef ? ctx.lookup(obj) : obj);
  if (dict === undefined || depth > 4) return false;
  if (name(dict.get(PDFName.of('FT'))) === 'Sig') return true;
  const parent = dict.get(PDFName.of('Parent'));
  return parent !== undefined && isSignatureField(ctx, parent, depth + 1);
}

function resolveArray(ctx: PDFContext, o: PDFObject | undefined): PDFArray | undefined {
  const v = o instanceof PDFRef ? ctx.lookup(o) : o;
  return v instanceof PDFArray ? v : undefined;
}

/** Every old element kept, every new one a signature field or widget. */
function onlySignaturesAdded(
  ctx: PDFContext,
  before: PDFArray | undefined,
  after: PDFArray | undefined,
): boolean {
  if (after === undefined) return before === undefined;
  const old = (before?.asArray() ?? []).map(text);
  const now = after.asArray();
  const nowText = now.map(text);
  if (!old.every((o) => nowText.includes(o))) return false;
  return now.every((o, i) => old.includes(nowText[i] ?? '') || isSignatureField(ctx, o));
}

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  Catalog: ['AcroForm', 'DSS', 'Extensions'],
  Page: ['Annots'],
};

function changeAllowed(
  old: PDFObject,
  now: PDFObject,
  before: PDFContext,
  after: PDFContext,
  acroForms: ReadonlySet<string>,
  ref: PDFRef,
): boolean {
  if (old instanceof PDFArray && now instanceof PDFArray)
    return onlySignaturesAdded(after, old, now);
  const a = dictOf(old);
  const b = dictOf(now);
  if (a === undefined || b === undefined) return false;
  const type = name(b.get(PDFName.of('Type')));
  if (type === 'XRef' || type === 'ObjStm') return true;
  if (isSignatureField(after, b) && isSignatureField(before, a)) return true;
  const keys = differingKeys(a, b);
  const allowed = acroForms.has(ref.toString())
    ? ['Fields', 'SigFlags', 'DR', 'DA']
    : (ALLOWED[type] ?? []);
  if (!keys.every((k) => allowed.includes(k))) return false;
  if (keys.includes('Annots'))
    return onlySignaturesAdded(
      after,
      resolveArray(before, a.get(PDFName.of('Annots'))),
      resolveArray(after, b.get(PDFName.of('Annots'))),
    );
  if (keys.includes('Fields'))
    return onlySignaturesAdded(
      after,
      resolveArray(before, a.get(PDFName.of('Fields'))),
      resolveArray(after, b.get(PDFName.of('Fields'))),
    );
  if (keys.includes('AcroForm')) {
    const fa = dictOf(before.lookup(a.get(PDFName.of('AcroForm'))));
    const fb = dictOf(after.lookup(b.get(PDFName.of('AcroForm'))));
    if (fb === undefined) return false;
    const fk = fa === undefined ? ['Fields'] : differingKeys(fa, fb);
    return (
      fk.every((k) => ['Fields', 'SigFlags', 'DR', 'DA'].includes(k)) &&
      onlySignaturesAdded(
        after,
        resolveArray(before, fa?.get(PDFName.of('Fields'))),
        resolveArray(after, fb.get(PDFName.of('Fields'))),
      )
    );
  }
  return true;
}

async function load(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, {
    ignoreEncryption: true,
    updateMetadata: false,
    throwOnInvalidObject: false,
  });
}

/**
 * Compares the objects of the signed revision `signed` (the bytes its
 * ByteRange ends at) with those of the whole file. New objects matter only
 * through the existing objects that point at them, so only changed objects
 * are judged, each by its type (see ChangeKind).
 */
export async function changesAfter(signed: Uint8Array, whole: Uint8Array): Promise<ChangeReport> {
  if (signed.length >= whole.length) return { kind: 'none', changed: [] };
  let before: PDFDocument;
  let after: PDFDocument;
  try {
    [before, after] = await Promise.all([load(signed), load(whole)]);
  } catch {
    return { kind: 'other', changed: ['(unreadable update)'] };
  }
  const acroForms = new Set<string>();
  for (const doc of [before, after]) {
    const acro = doc.catalog.get(PDFName.of('AcroForm'));
    if (acro instanceof PDFRef) acroForms.add(acro.toString());
  }
  const changed: string[] = [];
  for (const [ref, now] of after.context.enumerateIndirectObjects()) {
    const old = before.context.lookup(ref);
    if (old === undefined || text(old) === text(now)) continue;
    if (!changeAllowed(old, now, before.context, after.context, acroForms, ref)) {
      const type = name(dictOf(now)?.get(PDFName.of('Type')));
      changed.push(`${ref.toString()}${type === '' ? '' : ` (${type})`}`);
    }
  }
  return { kind: changed.length === 0 ? 'signatures' : 'other', changed };
}
