import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardReadPanel } from '../../components/CardReadPanel';
import { pickFile } from './pick-file';
import type { ReceiverKind, ReturnDraft } from './return-draft';

interface ReceiverChoiceProps {
  readonly draft: ReturnDraft;
  readonly onChange: (change: Partial<ReturnDraft>) => void;
}

const KINDS: readonly ReceiverKind[] = ['applicant', 'authorised', 'post'];
const LABEL = {
  applicant: 'returns.receiverApplicant',
  authorised: 'returns.receiverAuthorised',
  post: 'returns.receiverPost',
} as const;

/**
 * Who takes the result: the applicant or an authorised person, each by their
 * own chip read (the core matches the read it holds, not anything this page
 * says), the latter with the authorisation letter; or the post, to the
 * address given at intake or typed now.
 */
export function ReceiverChoice({ draft, onChange }: ReceiverChoiceProps) {
  const { t } = useTranslation();
  const [letterProblem, setLetterProblem] = useState<string | undefined>(undefined);

  const chooseLetter = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setLetterProblem(undefined);
    if (!file) return;
    const outcome = await pickFile(file, ['application/pdf', 'image/jpeg', 'image/png']);
    if (outcome.ok) onChange({ letter: outcome.file });
    else {
      const key = outcome.problem === 'wrongType' ? 'returns.notLetterType' : 'returns.readFailed';
      setLetterProblem(t(key, { file: outcome.fileName }));
    }
  };

  return (
    <section className="intake-step return-receiver" aria-labelledby="return-receiver-title">
      <h2 id="return-receiver-title">{t('returns.receiver')}</h2>
      <fieldset className="receiver-kind">
        <legend>{t('returns.receiver')}</legend>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="receiver"
              value={kind}
              checked={draft.receiver === kind}
              onChange={() => {
                // A card read for one role says nothing about the other.
                onChange({ receiver: kind, cardName: null });
              }}
            />
            {t(LABEL[kind])}
          </label>
        ))}
      </fieldset>
      {draft.receiver !== 'post' && (
        <>
          <CardReadPanel
            key={draft.receiver}
            onRead={(read) => {
              onChange({ cardName: read.citizen.fullName });
            }}
          />
          {draft.cardName !== null && (
            <p role="status" className="success card-name">
              {t('returns.cardRead', { name: draft.cardName })}
            </p>
          )}
        </>
      )}
      {draft.receiver === 'authorised' && (
        <div className="form">
          <label>
            {t('returns.letter')}
            <input
              type="file"
              name="letter-file"
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
              onChange={(event) => void chooseLetter(event.currentTarget)}
            />
          </label>
          {draft.letter && <p className="file-name">{draft.letter.fileName}</p>}
          {letterProblem && (
            <p role="alert" className="error">
              {letterProblem}
            </p>
          )}
        </div>
      )}
      {draft.receiver === 'post' && (
        <div className="form">
          <label>
            {t('returns.address')}
            <input
              name="post-address"
              autoComplete="off"
              maxLength={500}
              value={draft.address}
              onChange={(event) => {
                onChange({ address: event.target.value });
              }}
            />
          </label>
        </div>
      )}
    </section>
  );
}
