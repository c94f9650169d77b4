import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { useKiosk } from '../../api/KioskContext';
import { TOKEN_KEY } from '../../api/kiosk-client';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { ReceiverChoice } from './ReceiverChoice';
import { ResultFiles } from './ResultFiles';
import { ReturnByCard } from './ReturnByCard';
import { ReturnCheckView } from './ReturnCheckView';
import { ReturnFind } from './ReturnFind';
import { ReturnSlip } from './ReturnSlip';
import { ReturnSubmit } from './ReturnSubmit';
import {
  emptyDraft,
  fitsBrowserFrame,
  missing,
  recordRequest,
  returnable,
  type ReturnCheck,
  type ReturnDraft,
} from './return-draft';
import { uploadReturnFiles } from './upload-return-files';
import '../intake/intake.css';
import './returns.css';

type Recorded = Result<'return.record'>;

/**
 * Staff: hand a result back (issue 17 item 1). Find the dossier, see what
 * the portal says, choose and identify the receiver, add the result PDF,
 * and return it; the core signs, records and queues the status, and the
 * slip comes back. State lives here so an error from the core loses
 * nothing the clerk entered, except the PIN, which is cleared after every
 * attempt because it must not outlive the call it was typed for.
 */
export function ReturnResult() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [finding, setFinding] = useState(false);
  const [findError, setFindError] = useState<string | undefined>(undefined);
  const [check, setCheck] = useState<ReturnCheck | undefined>(undefined);
  const [draft, setDraft] = useState<ReturnDraft | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>(undefined);
  const [recorded, setRecorded] = useState<Recorded | undefined>(undefined);

  const find = useCallback(
    /** `cardName`: found by the card just read, which also identifies the applicant as receiver. */
    async (query: string, cardName: string | null = null) => {
      setFinding(true);
      setFindError(undefined);
      setSubmitError(undefined);
      const answer = await api.return.check({ query });
      setFinding(false);
      if (!answer.ok) {
        // The dossier shown before must not stay on screen to be returned by mistake.
        setCheck(undefined);
        setDraft(undefined);
        setFindError(errorText(answer.error));
        return;
      }
      setCheck(answer.value);
      // The same dossier found again keeps what was entered; another one starts afresh.
      setDraft((current) =>
        current && check?.code === answer.value.code
          ? current
          : { ...emptyDraft(answer.value), cardName },
      );
    },
    [api, check?.code, errorText],
  );

  const change = (part: Partial<ReturnDraft>) => {
    setDraft((current) => (current ? { ...current, ...part } : current));
    // A refusal is about what was sent; once the clerk changes it, it no longer applies.
    setSubmitError(undefined);
  };

  const submit = async () => {
    if (!check || !draft) return;
    setSubmitError(undefined);
    let request = recordRequest(check.code, check, draft);
    setSubmitting(true);
    const token = window.kiosk === undefined ? sessionStorage.getItem(TOKEN_KEY) : null;
    if (token !== null) {
      const uploaded = await uploadReturnFiles(request, token);
      if (!uploaded.ok) {
        setSubmitting(false);
        change({ pin: '' });
        setSubmitError(errorText(uploaded.error));
        return;
      }
      request = uploaded.value;
    }
    if (window.kiosk === undefined && !fitsBrowserFrame(request)) {
      setSubmitting(false);
      setSubmitError(t('returns.tooLarge'));
      return;
    }
    const answer = await api.return.record(request);
    setSubmitting(false);
    change({ pin: '' });
    if (answer.ok) {
      setRecorded(answer.value);
      return;
    }
    setSubmitError(errorText(answer.error));
    // The portal's answer may have changed since the check: show the dossier as it is now.
    if (answer.error.code.startsWith('RETURN_') && answer.error.code !== 'RETURN_RESULT_INVALID') {
      const again = await api.return.check({ query: check.code });
      if (again.ok) setCheck(again.value);
    }
  };

  const another = () => {
    setCheck(undefined);
    setDraft(undefined);
    setRecorded(undefined);
    setSubmitError(undefined);
  };

  const open = check && draft && !recorded && returnable(check);
  return (
    <main className="screen intake returns">
      <h1>{t('returns.title')}</h1>
      <p className="lead">{t('returns.question')}</p>
      {!recorded && <ReturnFind busy={finding || submitting} onFind={(q) => void find(q)} />}
      {!recorded && !check && (
        <ReturnByCard
          busy={finding || submitting}
          onChoose={(code, cardName) => void find(code, cardName)}
        />
      )}
      {finding && (
        <p role="status" className="progress">
          {t('returns.finding')} <progress />
        </p>
      )}
      {findError && (
        <p role="alert" className="error">
          {findError}
        </p>
      )}
      {check && !recorded && <ReturnCheckView check={check} />}
      {submitError && !open && !recorded && (
        <p role="alert" className="error">
          {submitError}
        </p>
      )}
      {open && (
        <>
          <ReceiverChoice draft={draft} onChange={change} />
          <section className="intake-step" aria-labelledby="return-files-title">
            <h2 id="return-files-title">{t('returns.results')}</h2>
            <ResultFiles
              files={draft.results}
              onChange={(results) => {
                change({ results });
              }}
            />
          </section>
          <ReturnSubmit
            check={check}
            draft={draft}
            missing={missing(check, draft)}
            submitting={submitting}
            error={submitError}
            onChange={change}
            onSubmit={() => void submit()}
          />
        </>
      )}
      {recorded && <ReturnSlip recorded={recorded} onAnother={another} />}
    </main>
  );
}
