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
  readonly now?: () => number;
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export function createFormsHandlers(deps: FormsHandlerDeps): HandlerGroup<FormsMethods> {
  return {
    'forms.notice': async (notice, context) => {
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
      return {
        code: issued.code,
        status: issued.status,
        newDueAt: issued.newDueAt,
        fileName: issued.fileName,
        pdfBase64: base64(issued.pdf),
      };
    },
    'forms.book': async ({ from, to }, context) => {
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
      return {
        count: lines.length,
        pdfFileName: `${name}.pdf`,
        pdfBase64: base64(pdf),
        csvFileName: `${name}.csv`,
        csvBase64: base64(trackingBookCsv(lines, now)),
      };
    },
  };
}
