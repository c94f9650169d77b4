import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierCodeOfQr } from '../../../electron/api/contract/document-qr';
import { useKiosk } from '../../api/KioskContext';
import { useScanInput } from '../../input/use-scan-input';

interface ReturnFindProps {
  readonly busy: boolean;
  /** Called with what was typed, or the dossier code of a scanned QR (other scans as they are). */
  readonly onFind: (query: string) => void;
}

const FIELD = 'return-query';

/**
 * Step 1: which dossier. The clerk types the code, or scans the receipt's
 * QR with either kind of reader: a keyboard-wedge burst anywhere on the
 * page, or a HID POS scanner's `hid.scan` event. A scan searches at once.
 */
export function ReturnFind({ busy, onFind }: ReturnFindProps) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const [query, setQuery] = useState('');

  const scanned = useCallback(
    (text: string) => {
      // A paper's QR (api/contract/document-qr.ts) is searched by its dossier code alone.
      const wanted = dossierCodeOfQr(text) ?? text.trim();
      if (wanted === '') return;
      setQuery(wanted);
      onFind(wanted);
    },
    [onFind],
  );

  // A wedge burst also typed into the focused field; in ours the scan's whole text replaces it.
  useScanInput(scanned);

  useEffect(
    () =>
      api.on('hid.scan', (scan) => {
        scanned(scan.text);
      }),
    [api, scanned],
  );

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (query.trim() !== '') onFind(query.trim());
  };

  return (
    <form className="form return-find" onSubmit={submit}>
      <label>
        {t('returns.queryLabel')}
        <input
          name={FIELD}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
      </label>
      <p className="hint">{t('returns.queryHint')}</p>
      <button type="submit" className="primary" disabled={busy || query.trim() === ''}>
        {t('returns.find')}
      </button>
    </form>
  );
}
