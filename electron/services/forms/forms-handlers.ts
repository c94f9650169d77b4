/**
 * The API's side of the counter's forms: `forms.book` (Mẫu 06). The read
 * of the dossiers is audited under the signed-in clerk; staff gating is the
 * composition root's.
 */
import type { CallContext, HandlerGroup } from '../../api/dispatcher';
import { KioskError } from '../../api/errors';
import type { DossierStore } from '../store/dossier-store';
import { renderTrackingBook } from './render-tracking-book';
import { trackingBookCsv } from './tracking-book-csv';
import { vnDayRange } from './vn-day-range';

export type FormsMethods = 'forms.book';

export interface FormsHandlerDeps {
  readonly store: Pick<DossierStore, 'trackingBook'>;
  readonly agency: { readonly code: string; readonly name: string };
  readonly place: string;
  readonly training: boolean;
  readonly actorOf: (context: CallContext) => string;
  readonly now?: () => number;
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export function createFormsHandlers(deps: FormsHandlerDeps): HandlerGroup<FormsMethods> {
  return {
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
