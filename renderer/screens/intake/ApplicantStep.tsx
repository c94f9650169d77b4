import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { isCitizenId, type CitizenWire } from '../../../electron/api/contract/citizen';
import { useKiosk } from '../../api/KioskContext';
import { CardReadPanel } from '../../components/CardReadPanel';
import { useScanInput, type ScanTarget } from '../../input/use-scan-input';
import {
  applicantCitizen,
  emptyApplicant,
  fromCitizen,
  type ApplicantDraft,
  type ApplicantFields,
} from './applicant-draft';
import { ApplicantSummary } from './ApplicantSummary';

interface ApplicantStepProps {
  readonly draft: ApplicantDraft;
  /** The parent's state setter: updates are functional, so async answers never undo newer edits. */
  readonly onChange: Dispatch<SetStateAction<ApplicantDraft>>;
  readonly onNext: () => void;
}

type Field = keyof ApplicantFields;

/**
 * Step 2: who is the applicant. A chip read, or a scan of the card's QR
 * anywhere on the screen (keyboard-wedge or HID POS scanner), fills the
 * fields, so the clerk does not type the citizen's identity.
 */
export function ApplicantStep({ draft, onChange, onNext }: ApplicantStepProps) {
  const { t, i18n } = useTranslation();
  const { api } = useKiosk();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [tried, setTried] = useState(false);
  const { fields } = draft;

  const fill = useCallback(
    (citizen: CitizenWire, card: ApplicantDraft['card'] = null) => {
      onChange((current) => fromCitizen(citizen, current.fields.phone, card));
      setProblem(undefined);
    },
    [onChange],
  );

  const onWedgeScan = useCallback(
    (text: string, target: ScanTarget | undefined) => {
      // The burst's characters went into the focused field: put it back as it was.
      if (target && target.name in emptyApplicant.fields) {
        onChange((current) => ({
          ...current,
          fields: { ...current.fields, [target.name]: target.valueBefore },
        }));
      }
      void api.hid.parseScan({ text }).then((result) => {
        if (!result.ok) return;
        if (result.value.citizen) fill(result.value.citizen);
        else if (result.value.problem) {
          setProblem(i18n.language === 'en' ? result.value.problem.en : result.value.problem.vi);
        }
      });
    },
    [api, fill, i18n.language, onChange],
  );
  useScanInput(onWedgeScan);

  useEffect(
    () =>
      api.on('hid.scan', (scan) => {
        if (scan.citizen) fill(scan.citizen);
      }),
    [api, fill],
  );

  const set = (name: Field, value: string) => {
    // The phone is not part of the card's identity; any other edit makes it typed.
    onChange((current) => {
      const next = { ...current.fields, [name]: value };
      return name === 'phone'
        ? { ...current, fields: next }
        : { ...current, fields: next, source: 'typed', card: null };
    });
  };

  const field = (name: Field, label: string, props: Record<string, string> = {}) => (
    <label>
      {label}
      <input
        name={name}
        value={fields[name]}
        autoComplete="off"
        onChange={(event) => {
          set(name, event.target.value);
        }}
        {...props}
      />
    </label>
  );

  const ready = applicantCitizen(draft) !== undefined;
  const validId = isCitizenId(fields.id);
  return (
    <section className="intake-step applicant-step" aria-labelledby="step-title">
      <h2 id="step-title">{t('intake.steps.applicant')}</h2>
      <p className="lead">{t('reception.howTo')}</p>
      <p className="hint">{t('reception.qrHint')}</p>
      {problem && (
        <p role="alert" className="error">
          {t('reception.qrProblem')} {problem}
        </p>
      )}
      <ApplicantSummary draft={draft} />
      <CardReadPanel
        // A QR scan that brings the ID restarts the panel with the CAN filled in.
        key={validId ? fields.id : 'no-id'}
        {...(validId ? { knownId: fields.id } : {})}
        onRead={(read) => {
          fill(read.citizen, read);
        }}
      />
      <form
        className="form applicant"
        // Enter does not advance here: a wedge scanner ends every code with
        // Enter, and a burst the detector takes for typing must not leave the step.
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <p>
          {t('reception.source')}:{' '}
          <strong data-source={draft.source}>{t(`reception.sources.${draft.source}`)}</strong>
        </p>
        {field('fullName', t('reception.fullName'))}
        {field('id', t('reception.id'), { inputMode: 'numeric' })}
        {field('birthDate', t('reception.birthDate'), { placeholder: 'dd/mm/yyyy' })}
        <label>
          {t('reception.sex')}
          <select
            name="sex"
            value={fields.sex}
            onChange={(event) => {
              set('sex', event.target.value);
            }}
          >
            <option value="" />
            <option value="male">{t('reception.male')}</option>
            <option value="female">{t('reception.female')}</option>
          </select>
        </label>
        {field('residence', t('reception.residence'))}
        {field('oldId', t('reception.oldId'), { inputMode: 'numeric' })}
        {field('phone', t('reception.phone'), { inputMode: 'tel' })}
        {tried && !ready && (
          <p role="alert" className="error">
            {t('intake.applicant.needed')}
          </p>
        )}
        <button
          type="button"
          className="primary"
          onClick={() => {
            setTried(true);
            if (ready) onNext();
          }}
        >
          {t('intake.next')}
        </button>
      </form>
    </section>
  );
}
