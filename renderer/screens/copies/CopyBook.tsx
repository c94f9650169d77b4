import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { formatDong } from '../../../electron/api/contract/copy-fee';
import { useKiosk } from '../../api/KioskContext';
import { formatDateTime } from '../../i18n/format';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import '../intake/intake.css';
import './copies.css';

type Lines = Result<'copies.book'>['lines'];

/** Today in Vietnam (UTC+7) as `YYYY-MM-DD`, what a date field holds. */
function vnToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

function blobUrl(base64: string, mime: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

/**
 * Staff: the certification book — lines of the days chosen, found by number
 * or part of the requester's name, and the whole period as CSV or PDF (the
 * CLI's `kiosk copies book`).
 */
export function CopyBook() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [from, setFrom] = useState(vnToday);
  const [to, setTo] = useState(vnToday);
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [lines, setLines] = useState<Lines | undefined>(undefined);
  const [files, setFiles] = useState<{ csv: string; pdf: string } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const urls = useRef<string[]>([]);

  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const find = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    const n = Number(number);
    const answer = await api.copies.book({
      from,
      to,
      ...(number.trim() !== '' && Number.isInteger(n) && n > 0 ? { number: n } : {}),
      ...(name.trim() === '' ? {} : { name: name.trim() }),
    });
    const csv = await api.copies.bookExport({ from, to, format: 'csv' });
    const pdf = await api.copies.bookExport({ from, to, format: 'pdf' });
    setBusy(false);
    if (!answer.ok) {
      setError(errorText(answer.error));
      return;
    }
    setLines(answer.value.lines);
    if (csv.ok && pdf.ok) {
      const made = {
        csv: blobUrl(csv.value.dataBase64, 'text/csv;charset=utf-8'),
        pdf: blobUrl(pdf.value.dataBase64, 'application/pdf'),
      };
      urls.current.push(made.csv, made.pdf);
      setFiles(made);
    }
  };

  return (
    <main className="screen intake copies copy-book">
      <h1>{t('copies.bookTitle')}</h1>
      <form className="form" onSubmit={(event) => void find(event)}>
        <label>
          {t('forms.from')}
          <input
            type="date"
            name="book-from"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
            }}
          />
        </label>
        <label>
          {t('forms.to')}
          <input
            type="date"
            name="book-to"
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
            }}
          />
        </label>
        <label>
          {t('copies.bookNumber')}
          <input
            name="book-number"
            inputMode="numeric"
            value={number}
            onChange={(e) => {
              setNumber(e.target.value);
            }}
          />
        </label>
        <label>
          {t('copies.bookName')}
          <input
            name="book-name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
        </label>
        <button
          type="submit"
          className="primary"
          disabled={busy || from === '' || to === '' || from > to}
        >
          {t('copies.bookFind')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {lines && (
        <section className="intake-step" aria-label={t('copies.bookTitle')}>
          {lines.length === 0 ? (
            <p>{t('copies.bookEmpty')}</p>
          ) : (
            <table className="book-table">
              <thead>
                <tr>
                  <th>{t('copies.bookNumber')}</th>
                  <th>{t('copies.bookBook')}</th>
                  <th>{t('copies.bookDate')}</th>
                  <th>{t('copies.requester')}</th>
                  <th>{t('copies.bookDocument')}</th>
                  <th>{t('copies.bookFee')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.id} data-number={l.number}>
                    <td>{l.number}</td>
                    <td>{l.book}</td>
                    <td>{formatDateTime(l.certifiedAt)}</td>
                    <td>{l.requesterName}</td>
                    <td>{l.documentName}</td>
                    <td className="money">{formatDong(l.fee)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {files && (
            <div className="receipt-actions">
              <a className="button" href={files.pdf} download={`so-chung-thuc-${from}-${to}.pdf`}>
                {t('copies.bookPdf')}
              </a>
              <a className="button" href={files.csv} download={`so-chung-thuc-${from}-${to}.csv`}>
                {t('copies.bookCsv')}
              </a>
            </div>
          )}
        </section>
      )}
    </main>
  );
}
