import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { useKiosk } from '../../api/KioskContext';
import { FormPin, pinParam, SignedNote } from './FormSignature';
import { pdfBlobUrl } from '../../components/pdf-blob-url';
import { useApiErrorText } from '../../i18n/use-api-error-text';

type Book = Result<'forms.book'>;

/** Today in Vietnam (UTC+7) as `YYYY-MM-DD`, what a date field holds. */
function vnToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

function csvBlobUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'text/csv;charset=utf-8' }));
}

/**
 * Staff: the tracking book (Mẫu 06) of the days chosen, as the CLI's
 * `kiosk forms book` makes it: a PDF to print or keep, and a CSV for IT's
 * spreadsheet. The files' blob: URLs live as long as this view.
 */
export function TrackingBook() {
  const { t } = useTranslation();
  const { api, info } = useKiosk();
  const errorText = useApiErrorText();
  const [from, setFrom] = useState(vnToday);
  const [to, setTo] = useState(vnToday);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [book, setBook] = useState<Book | undefined>(undefined);
  const frame = useRef<HTMLIFrameElement>(null);
  const pdfLink = useRef<HTMLAnchorElement>(null);
  const csvLink = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (!book) return undefined;
    const pdf = pdfBlobUrl(book.pdfBase64);
    const csv = csvBlobUrl(book.csvBase64);
    if (frame.current) frame.current.src = pdf;
    if (pdfLink.current) pdfLink.current.href = pdf;
    if (csvLink.current) csvLink.current.href = csv;
    return () => {
      URL.revokeObjectURL(pdf);
      URL.revokeObjectURL(csv);
    };
  }, [book]);

  const make = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setBook(undefined);
    if (from > to) {
      setError(t('forms.badRange'));
      return;
    }
    setBusy(true);
    const answer = await api.forms.book({ from, to, ...pinParam(info.signingConfigured, pin) });
    // The PIN served this one book.
    setPin('');
    setBusy(false);
    if (answer.ok) setBook(answer.value);
    else setError(errorText(answer.error));
  };

  return (
    <main className="screen intake tracking-book">
      <h1>{t('forms.bookTitle')}</h1>
      <p className="lead">{t('forms.bookLead')}</p>
      <form className="form" onSubmit={(event) => void make(event)}>
        <label>
          {t('forms.from')}
          <input
            type="date"
            name="book-from"
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
            }}
          />
        </label>
        <label>
          {t('forms.to')}
          <input
            type="date"
            name="book-to"
            value={to}
            onChange={(event) => {
              setTo(event.target.value);
            }}
          />
        </label>
        <FormPin pin={pin} onPin={setPin} />
        <button type="submit" className="primary" disabled={busy || from === '' || to === ''}>
          {busy ? t('forms.making') : t('forms.make')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {book && (
        <section className="intake-step" aria-labelledby="book-made">
          <p id="book-made" role="status" className="success" data-book-count={book.count}>
            {t('forms.made', { count: book.count })}
          </p>
          <SignedNote signed={book.signed} problem={book.signingProblem} />
          <div className="receipt-actions">
            <a ref={pdfLink} className="button" download={book.pdfFileName}>
              {t('forms.downloadPdf')}
            </a>
            <a ref={csvLink} className="button" download={book.csvFileName}>
              {t('forms.downloadCsv')}
            </a>
          </div>
          <iframe ref={frame} className="receipt-pdf" title={t('forms.frame')} />
        </section>
      )}
    </main>
  );
}
