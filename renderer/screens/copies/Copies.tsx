import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import { useKiosk } from '../../api/KioskContext';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import type { ComponentJob } from '../intake/component-draft';
import { CopyCertify, type CertifyDraft, type CertifyMissing } from './CopyCertify';
import { CopyCheck, type CopyDecision } from './CopyCheck';
import { CopyDone } from './CopyDone';
import { CopyOriginal } from './CopyOriginal';
import '../intake/intake.css';
import './copies.css';

const EMPTY_DECISION: CopyDecision = {
  checked: new Set(),
  eligible: undefined,
  reason: undefined,
  note: '',
};
const EMPTY_DRAFT: CertifyDraft = {
  requesterName: '',
  documentName: '',
  copies: 1,
  certifierTitle: '',
  pin: '',
};

function missingOf(
  job: ComponentJob | undefined,
  decision: CopyDecision,
  draft: CertifyDraft,
): CertifyMissing[] {
  const missing: CertifyMissing[] = [];
  if (!job || job.order.length === 0) missing.push('needOriginal');
  else if (!job.order.every((i) => decision.checked.has(i))) missing.push('needChecks');
  if (draft.requesterName.trim() === '') missing.push('needRequester');
  if (draft.documentName.trim() === '') missing.push('needDocument');
  if (draft.certifierTitle.trim() === '') missing.push('needTitle');
  if (draft.pin.length < 4) missing.push('needPin');
  return missing;
}

/**
 * Staff: chứng thực bản sao điện tử từ bản chính. The original (scan or
 * import) → each page checked → eligible, or refused with the decree's
 * reason → requester, copies, fee, PIN → the signed copies and the slip.
 */
export function Copies() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const errorText = useApiErrorText();
  const [job, setJob] = useState<ComponentJob | undefined>(undefined);
  const [decision, setDecision] = useState<CopyDecision>(EMPTY_DECISION);
  const [draft, setDraft] = useState<CertifyDraft>(EMPTY_DRAFT);
  const [signing, setSigning] = useState<{ done: number; total: number } | undefined>(undefined);
  const [refusing, setRefusing] = useState(false);
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<Result<'copies.certify'> | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(
    () =>
      api.on('copies.progress', (p) => {
        setSigning((s) => (s ? { done: p.done, total: p.total } : s));
      }),
    [api],
  );

  const reset = () => {
    setJob(undefined);
    setDecision(EMPTY_DECISION);
    setDraft((d) => ({ ...EMPTY_DRAFT, certifierTitle: d.certifierTitle }));
    setRefused(undefined);
    setDone(undefined);
    setError(undefined);
  };

  const refuse = async () => {
    if (decision.reason === undefined) return;
    setRefusing(true);
    setError(undefined);
    const answer = await api.copies.refuse({
      ...(job ? { jobId: job.jobId } : {}),
      pages: job?.order.length ?? 0,
      reason: decision.reason,
      ...(decision.note.trim() === '' ? {} : { note: decision.note.trim() }),
      ...(draft.requesterName.trim() === '' ? {} : { requesterName: draft.requesterName.trim() }),
    });
    setRefusing(false);
    if (answer.ok) {
      setJob(undefined);
      setRefused(answer.value.reasonText);
    } else setError(errorText(answer.error));
  };

  const certify = async () => {
    if (!job) return;
    setError(undefined);
    setSigning({ done: 0, total: draft.copies });
    const answer = await api.copies.certify({
      jobId: job.jobId,
      pageOrder: [...job.order],
      requesterName: draft.requesterName.trim(),
      documentName: draft.documentName.trim(),
      copies: draft.copies,
      certifierTitle: draft.certifierTitle.trim(),
      pin: draft.pin,
    });
    setSigning(undefined);
    // The PIN leaves the page's memory whatever the answer.
    setDraft((d) => ({ ...d, pin: '' }));
    if (answer.ok) {
      setJob(undefined);
      setDone(answer.value);
    } else setError(errorText(answer.error));
  };

  const missing = missingOf(job, decision, draft);
  return (
    <main className="screen intake copies">
      <h1>{t('copies.title')}</h1>
      <p className="lead">{t('copies.lead')}</p>
      {done ? (
        <CopyDone done={done} onAnother={reset} />
      ) : refused ? (
        <section className="intake-step" aria-labelledby="copy-refused">
          <div id="copy-refused" role="alert" className="error refusal">
            <p>
              <strong>{t('copies.refused')}</strong> {refused}
            </p>
            <p>{t('copies.refusedHint')}</p>
          </div>
          <button type="button" onClick={reset}>
            {t('copies.another')}
          </button>
        </section>
      ) : (
        <>
          <CopyOriginal
            job={job}
            onJob={(next) => {
              setJob(next);
              setDecision(EMPTY_DECISION);
            }}
          />
          {job && job.order.length > 0 && (
            <CopyCheck
              order={job.order}
              decision={decision}
              onChange={(change) => {
                setDecision((d) => ({ ...d, ...change }));
              }}
              refusing={refusing}
              onRefuse={() => void refuse()}
            />
          )}
          {job && decision.eligible === true && (
            <CopyCertify
              pages={job.order.length}
              draft={draft}
              missing={missing}
              onChange={(change) => {
                setDraft((d) => ({ ...d, ...change }));
              }}
              signing={signing}
              onCertify={() => void certify()}
            />
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </>
      )}
    </main>
  );
}
