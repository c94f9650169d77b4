/**
 * The API's side of the counter's forms: `forms.notice` (Mẫu 02, 03, 04) and
 * `forms.book` (Mẫu 06). Reads and events are audited under the signed-in
 * clerk; staff gating is the composition root's.
 */
import type { CallContext, HandlerGroup } from '../../api/dispatcher';
import { KioskError } from '../../api/errors';
import type { OfficeHours, WorkingCalendar } from '../calendar';
import type { DossierStore } from '../store/dossier-store';
import { issueCounterNotice } from './counter-notice';
import { signOrMarkForm, type FormSigning } from './form-signing';
import { renderTrackingBook } from './render-tracking-book';
import { trackingBookCsv } from './tracking-book-csv';
import { vnDayRange } from './vn-day-range';

export type FormsMethods = 'forms.book' | 'forms.notice';

export interface FormsHandlerDeps {
  readonly store: Pick<DossierStore, 'trackingBook' | 'get' | 'recordEvent'>;
  readonly agency: { readonly code: string; readonly name: string };
  readonly place: string;
  readonly training: boolean;
  /** Bộ phận tiếp nhận và trả kết quả, printed on Mẫu 02/03/04. */
  readonly unitName: string;
  readonly phone: string;
  /** The working-day calendar Mẫu 04 counts its new date on (reception loads it). */
  readonly calendar: Promise<WorkingCalendar>;
  readonly officeHours: OfficeHours;
  readonly actorOf: (context: CallContext) => string;
  /** The name the clerk prints as (their display name, else their username). */
  readonly nameOf: (context: CallContext) => string;
  /** The agency's token (none configured: every form is printed "Chưa ký số"). */
  readonly signing: FormSigning;
  readonly now?: () => number;
}

/** The /Reason of a counter form's signature. */
const FORM_SIGN_REASON = 'Phiếu của Bộ phận tiếp nhận và trả kết quả';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export function createFormsHandlers(deps: FormsHandlerDeps): HandlerGroup<FormsMethods> {
  return {
    'forms.notice': async ({ pin, ...notice }, context) => {
      const actor = deps.actorOf(context);
      const issued = await issueCounterNotice(
        {
          store: deps.store,
          forms: {
            agencyName: deps.agency.name,
            unitName: deps.unitName,
            place: deps.place,
            phone: deps.phone,
            training: deps.training,
          },
          calendar: deps.calendar,
          officeHours: deps.officeHours,
          ...(deps.now === undefined ? {} : { now: deps.now }),
        },
        notice,
        { actor, name: deps.nameOf(context) },
      );
      // Signed after the step is recorded: a signing problem costs the signature, never the step.
      const form = await signOrMarkForm(issued.pdf, deps.signing, pin, FORM_SIGN_REASON);
      return {
        code: issued.code,
        status: issued.status,
        newDueAt: issued.newDueAt,
        fileName: issued.fileName,
        pdfBase64: base64(form.pdf),
        signed: form.signed,
        signingProblem: form.problem,
      };
    },
    'forms.book': async ({ from, to, pin }, context) => {
      const range = vnDayRange(from, to);
      if (range === null) {
        throw new KioskError('INVALID_PAYLOAD', 'Not a real date', [
          { path: 'from', message: 'not a real date' },
        ]);
      }
      const now = (deps.now ?? Date.now)();
      const lines = deps.store.trackingBook(range.from, range.to, deps.actorOf(context));
      const pdf = await renderTrackingBook(
        lines,
        {
          agencyName: deps.agency.name,
          place: deps.place,
          date: new Date(now),
          training: deps.training,
        },
        range,
        now,
        deps.agency.code,
      );
      const name = `so-theo-doi-ho-so-${from}-${to}`;
      const book = await signOrMarkForm(pdf, deps.signing, pin, FORM_SIGN_REASON);
      return {
        count: lines.length,
        pdfFileName: `${name}.pdf`,
        pdfBase64: base64(book.pdf),
        signed: book.signed,
        signingProblem: book.problem,
        csvFileName: `${name}.csv`,
        csvBase64: base64(trackingBookCsv(lines, now)),
      };
    },
  };
}
