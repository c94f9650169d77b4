import type { Params, Result } from '../../../electron/api/contract';

export type ReturnCheck = Result<'return.check'>;
export type ReturnRequest = Params<'return.record'>;
export type ReceiverKind = ReturnRequest['receiver']['kind'];

/** A file the clerk chose, already read as base64 (the API takes bytes, not paths). */
export interface PickedFile {
  readonly fileName: string;
  readonly base64: string;
}

/**
 * A result document: its name on the portal (TenGiayTo) and either a PDF the
 * clerk chose, or the pages scanned at the counter (the core builds one
 * searchable PDF from the scan job, with OCR, when the result is returned).
 */
export type ResultFile =
  | (PickedFile & { readonly name: string })
  | {
      readonly name: string;
      /** What the list shows, e.g. "Bản quét (2 trang)". */
      readonly fileName: string;
      readonly scanJobId: string;
      readonly pages: readonly number[];
    };

/** What the clerk has entered for one hand-over; nothing here is sent before "Trả kết quả". */
export interface ReturnDraft {
  readonly receiver: ReceiverKind;
  /** The name from the chip read in this screen; the core uses its own last read, not this. */
  readonly cardName: string | null;
  readonly letter: PickedFile | null;
  readonly address: string;
  readonly results: readonly ResultFile[];
  readonly inHand: boolean;
  readonly pin: string;
}

/** The citizen's choice at intake decides the first receiver shown. */
export function emptyDraft(check: ReturnCheck): ReturnDraft {
  return {
    receiver: check.deliveryMode === '1' ? 'post' : 'applicant',
    cardName: null,
    letter: null,
    address: '',
    results: [],
    inHand: false,
    pin: '',
  };
}

/** Keys of returns.* texts: what still stops the hand-over, in the order the screen asks. */
export type Missing =
  'needInHand' | 'needCard' | 'needLetter' | 'needResult' | 'needResultName' | 'needPin';

/** The portal cannot say whether the result exists: only the clerk's confirmation lets it go. */
export function portalSilent(check: ReturnCheck): boolean {
  return check.portal.kind !== 'status';
}

/** Whether this dossier can be handed over at all (refused ones show only their reason). */
export function returnable(check: ReturnCheck): boolean {
  return check.returned === null && (check.ready || portalSilent(check));
}

export function missing(check: ReturnCheck, draft: ReturnDraft): readonly Missing[] {
  const out: Missing[] = [];
  if (portalSilent(check) && !draft.inHand) out.push('needInHand');
  if (draft.receiver !== 'post' && draft.cardName === null) out.push('needCard');
  if (draft.receiver === 'authorised' && draft.letter === null) out.push('needLetter');
  if (draft.results.length === 0) out.push('needResult');
  else if (draft.results.some((r) => r.name.trim() === '')) out.push('needResultName');
  // PKCS#11 PINs are at least 4 characters; the contract refuses shorter ones.
  if (check.signingConfigured && draft.pin.length < 4) out.push('needPin');
  return out;
}

/** The `return.record` call for this draft; the PIN is included only when a token signs. */
export function recordRequest(
  query: string,
  check: ReturnCheck,
  draft: ReturnDraft,
): ReturnRequest {
  const receiver: ReturnRequest['receiver'] =
    draft.receiver === 'post'
      ? draft.address.trim() === ''
        ? { kind: 'post' }
        : { kind: 'post', address: draft.address.trim() }
      : draft.receiver === 'authorised'
        ? { kind: 'authorised', letterBase64: draft.letter?.base64 ?? '' }
        : { kind: 'applicant' };
  return {
    query,
    results: draft.results.map((r) =>
      'scanJobId' in r
        ? { name: r.name.trim(), scanJobId: r.scanJobId, pages: [...r.pages] }
        : { name: r.name.trim(), pdfBase64: r.base64 },
    ),
    receiver,
    offlineInHand: portalSilent(check) && draft.inHand,
    ...(check.signingConfigured ? { pin: draft.pin } : {}),
  };
}

/**
 * The browser shell's WebSocket refuses a frame over 2 MiB, so a larger call
 * would drop the connection instead of answering. Result PDFs and the
 * authorisation letter travel over its HTTP upload (upload-return-files.ts);
 * this guards a call that still carries a file inline. Under Electron the
 * call goes over IPC and has no such limit.
 */
export const BROWSER_FRAME_LIMIT = 2 * 1024 * 1024;
/** Room for the JSON around the files (method name, ids, receiver). */
const FRAME_OVERHEAD = 16 * 1024;

export function fitsBrowserFrame(request: ReturnRequest): boolean {
  const r = request.receiver;
  const letter = r.kind === 'authorised' && 'letterBase64' in r ? r.letterBase64.length : 0;
  const files = request.results.reduce(
    (sum, r) =>
      sum +
      ('pdfBase64' in r
        ? r.pdfBase64.length
        : 'uploadId' in r
          ? r.uploadId.length
          : r.scanJobId.length + r.pages.length * 5) +
      r.name.length,
    0,
  );
  return files + letter + FRAME_OVERHEAD <= BROWSER_FRAME_LIMIT;
}
