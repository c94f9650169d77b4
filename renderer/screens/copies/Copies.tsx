import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Result } from '../../../electron/api/contract';
import { useKiosk } from '../../api/KioskContext';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { CopyCertify, type CertifyDraft, type CertifyMissing } from './CopyCertify';
import { CopyCheck, type CopyDecision } from './CopyCheck';
import { CopyDone } from './CopyDone';
import { CopyOriginal, type OriginalParts } from './CopyOriginal';
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

/** The original's pages in order, each as `jobId:pageIndex`. */
function pageKeys(parts: OriginalParts): string[] {
  return parts.flatMap((p) => (p ? p.order.map((i) => `${p.jobId}:${String(i)}`) : []));
}

function filled(parts: OriginalParts): { jobId: string; pageOrder: number[] }[] {
  return parts.flatMap((p) =>
    p && p.order.length > 0 ? [{ jobId: p.jobId, pageOrder: [...p.order] }] : [],
  );
}

function missingOf(
  parts: OriginalParts,
  decision: CopyDecision,
  draft: CertifyDraft,
): CertifyMissing[] {
  const missing: CertifyMissing[] = [];
  const keys = pageKeys(parts);
  if (keys.length === 0) missing.push('needOriginal');
  else if (!keys.every((k) => decision.checked.has(k))) missing.push('needChecks');
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
  const [parts, setParts] = useState<OriginalParts>([undefined]);
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
    setParts([undefined]);
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
      jobIds: filled(parts).map((p) => p.jobId),
      pages: pageKeys(parts).length,
      reason: decision.reason,
      ...(decision.note.trim() === '' ? {} : { note: decision.note.trim() }),
      ...(draft.requesterName.trim() === '' ? {} : { requesterName: draft.requesterName.trim() }),
    });
    setRefusing(false);
    if (answer.ok) {
      setParts([undefined]);
      setRefused(answer.value.reasonText);
    } else setError(errorText(answer.error));
  };

  const certify = async () => {
    const chosen = filled(parts);
    if (chosen.length === 0) return;
    setError(undefined);
    setSigning({ done: 0, total: draft.copies });
    const answer = await api.copies.certify({
      parts: chosen,
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
      setParts([undefined]);
      setDone(answer.value);
    } else setError(errorText(answer.error));
  };

  const missing = missingOf(parts, decision, draft);
  const keys = pageKeys(parts);
  return (
    <main className="screen intake copies">
      <h1>{t('copies.title')}</h1>
      <p className="lead">
        {t('copies.lead')} <Link to="/copies/book">{t('copies.bookLink')}</Link>
      </p>
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
            parts={parts}
            onParts={(next) => {
              setParts(next);
              // A page added, moved or dropped is checked again.
              setDecision(EMPTY_DECISION);
            }}
          />
          {keys.length > 0 && (
            <CopyCheck
              pages={keys}
              decision={decision}
              onChange={(change) => {
                setDecision((d) => ({ ...d, ...change }));
              }}
              refusing={refusing}
              onRefuse={() => void refuse()}
            />
          )}
          {keys.length > 0 && decision.eligible === true && (
            <CopyCertify
              pages={keys.length}
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
