import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';
import type { IntakeDraft } from '../../../electron/api/contract/intake-draft';
import type { Procedure } from '../../../electron/api/contract/procedure';
import { errorMessages } from '../../../electron/api/error-messages';
import { useKiosk } from '../../api/KioskContext';
import { ReceiptView } from '../../components/ReceiptView';
import { SignatureNotice } from '../../components/SignatureNotice';
import { applicantCitizen, emptyApplicant, type ApplicantDraft } from './applicant-draft';
import { ApplicantStep } from './ApplicantStep';
import {
  componentsForSave,
  withOcrEvent,
  type ComponentJob,
  type ComponentJobs,
  type OcrStates,
} from './component-draft';
import { ComponentsStep } from './ComponentsStep';
import { DraftOfferBar } from './DraftOfferBar';
import { issuesByField, prefillFromCitizen, type FormValues } from './eform-values';
import { FormStep } from './FormStep';
import { ProcedureStep } from './ProcedureStep';
import { ReviewStep } from './ReviewStep';
import { STEPS, StepList, type StepId } from './StepList';
import { useIntakeDraft } from './use-intake-draft';
import './intake.css';

type Saved = Result<'dossier.create'>;

/**
 * The counter's reception of one dossier, as a wizard whose state lives
 * here so moving between steps, or an error from the core, loses nothing
 * the clerk typed or scanned. Nothing says "saved" before dossier.create
 * answers ok; after that the dossier is frozen and only the receipt shows.
 */
export function Intake() {
  const { t, i18n } = useTranslation();
  const { api, info } = useKiosk();
  const [step, setStep] = useState<StepId>('procedure');
  // The applicant may come first: citizens often hand over the card before saying what they need.
  const [reached, setReached] = useState(1);
  const [procedure, setProcedure] = useState<Procedure | undefined>(undefined);
  const [applicant, setApplicant] = useState<ApplicantDraft>(emptyApplicant);
  const [values, setValues] = useState<FormValues>({});
  const [fromCard, setFromCard] = useState<readonly string[]>([]);
  const [coreErrors, setCoreErrors] = useState<Readonly<Record<string, string>>>({});
  const [jobs, setJobs] = useState<ComponentJobs>({});
  const [ocr, setOcr] = useState<OcrStates>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<Saved | undefined>(undefined);
  // The token's PIN lives only until the save that uses it answers.
  const [pin, setPin] = useState('');
  // One key per reception, sent unchanged with every retry of its save: a
  // save the core committed but could not answer is not saved twice.
  const [saveKey, setSaveKey] = useState(() => crypto.randomUUID());

  useEffect(
    () =>
      api.on('component.ocr', (event) => {
        setOcr((states) => withOcrEvent(states, event));
      }),
    [api],
  );

  // What the core keeps of this reception while it is not saved: everything but the scans
  // (their jobs live with this connection). Nothing while the wizard is empty or saved.
  const current = useMemo((): IntakeDraft | undefined => {
    const touched =
      procedure !== undefined ||
      applicant.citizen !== null ||
      Object.values(applicant.fields).some((v) => v !== '');
    if (!touched || saved || saving || step === 'receipt') return undefined;
    return {
      step,
      reached,
      procedureCode: procedure?.code ?? null,
      applicant,
      values,
      fromCard: [...fromCard],
    };
  }, [procedure, applicant, values, fromCard, step, reached, saved, saving]);

  const restore = useCallback(
    async (draft: IntakeDraft) => {
      let chosen: Procedure | undefined;
      if (draft.procedureCode !== null) {
        const answer = await api.procedure.get({ code: draft.procedureCode });
        if (answer.ok) chosen = answer.value;
      }
      setProcedure(chosen);
      setApplicant(draft.applicant);
      setValues(draft.values);
      setFromCard(draft.fromCard);
      setReached(draft.reached);
      // A procedure gone from the catalogue since: back to choosing one, nothing else lost.
      setStep(chosen || draft.step === 'applicant' ? draft.step : 'procedure');
    },
    [api],
  );
  const draft = useIntakeDraft(current, restore);

  const say = (code: keyof typeof errorMessages) =>
    i18n.language === 'en' ? errorMessages[code].en : errorMessages[code].vi;

  const go = (next: StepId) => {
    const index = STEPS.indexOf(next);
    setStep(next);
    setReached((r) => Math.max(r, index));
  };

  /** Puts the applicant's card data into the form's `fill` fields, keeping what was typed. */
  const prefill = (chosen: Procedure | undefined, draft: ApplicantDraft) => {
    const citizen = applicantCitizen(draft);
    if (!chosen || !citizen) return;
    const filled = prefillFromCitizen(chosen.form.fields, citizen, values, draft.fields.phone);
    setValues(filled.values);
    setFromCard(draft.source === 'typed' ? [] : filled.filled);
  };

  const choose = async (code: string) => {
    setProblem(undefined);
    const answer = await api.procedure.get({ code });
    if (!answer.ok) {
      setProblem(say(answer.error.code));
      return;
    }
    if (procedure?.code !== answer.value.code) {
      for (const job of Object.values(jobs)) void api.component.discard({ jobId: job.jobId });
      setJobs({});
    }
    setProcedure(answer.value);
    prefill(answer.value, applicant);
    go('applicant');
  };

  const setJob = (code: string, job: ComponentJob | undefined) => {
    setJobs((current) =>
      job
        ? { ...current, [code]: job }
        : Object.fromEntries(Object.entries(current).filter(([c]) => c !== code)),
    );
  };

  const save = async () => {
    const citizen = applicantCitizen(applicant);
    if (!procedure || !citizen) return;
    setSaving(true);
    setProblem(undefined);
    const keys = new Set(procedure.form.fields.map((f) => f.key));
    const phone = applicant.fields.phone.trim();
    const answer = await api.dossier.create({
      procedureCode: procedure.code,
      applicant: { citizen, ...(phone ? { phone } : {}) },
      formValues: Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k))),
      components: componentsForSave(jobs),
      ...(info.signingConfigured && pin.length >= 4 ? { pin } : {}),
      saveKey,
    });
    setPin('');
    setSaving(false);
    if (answer.ok) {
      setSaved(answer.value);
      setJobs({});
      go('receipt');
      return;
    }
    setProblem(say(answer.error.code));
    // Take the clerk to the part the core refused; everything entered stays as it was.
    if (answer.error.code === 'FORM_INVALID') {
      setCoreErrors(issuesByField(answer.error.issues));
      setStep('form');
    } else if (answer.error.code === 'COMPONENT_MISSING') setStep('components');
    else if (answer.error.code === 'APPLICANT_NOT_VERIFIED') setStep('applicant');
  };

  const restart = () => {
    for (const job of Object.values(jobs)) void api.component.discard({ jobId: job.jobId });
    setStep('procedure');
    setReached(1);
    setProcedure(undefined);
    setApplicant(emptyApplicant);
    setValues({});
    setFromCard([]);
    setCoreErrors({});
    setJobs({});
    setOcr({});
    setProblem(undefined);
    setSaved(undefined);
    setSaveKey(crypto.randomUUID());
  };

  const lockedKeys =
    applicant.source === 'chip'
      ? (procedure?.form.fields.filter((f) => f.fill === 'id').map((f) => f.key) ?? [])
      : [];

  return (
    <main className="screen intake" data-step={step}>
      <h1>{t('intake.title')}</h1>
      {!saved && <DraftOfferBar draft={draft} />}
      <StepList
        current={step}
        reached={saved ? -1 : reached}
        onGo={(next) => {
          if (!saved) setStep(next);
        }}
      />
      {procedure && step !== 'procedure' && (
        <p className="chosen-procedure">
          {t('intake.procedure.chosen')}: <strong>{procedure.code}</strong> — {procedure.name}
        </p>
      )}
      {problem && step !== 'review' && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {step === 'procedure' && (
        <ProcedureStep chosen={procedure?.code} onChoose={(code) => void choose(code)} />
      )}
      {step === 'applicant' && (
        <ApplicantStep
          draft={applicant}
          onChange={setApplicant}
          onNext={() => {
            prefill(procedure, applicant);
            go(procedure ? 'form' : 'procedure');
          }}
        />
      )}
      {step === 'form' && procedure && (
        <FormStep
          fields={procedure.form.fields}
          values={values}
          fromCard={fromCard}
          locked={lockedKeys}
          coreErrors={coreErrors}
          onChange={(key, value) => {
            setValues((v) => ({ ...v, [key]: value }));
            setFromCard((keys) => keys.filter((k) => k !== key));
            setCoreErrors(({ [key]: _dropped, ...rest }) => rest);
          }}
          onNext={() => {
            go('components');
          }}
        />
      )}
      {step === 'components' && procedure && (
        <ComponentsStep
          components={procedure.components}
          jobs={jobs}
          ocr={ocr}
          onJob={setJob}
          onNext={() => {
            go('review');
          }}
        />
      )}
      {step === 'review' && procedure && (
        <ReviewStep
          procedure={procedure}
          applicant={applicant}
          values={values}
          jobs={jobs}
          saving={saving}
          error={problem}
          signingConfigured={info.signingConfigured}
          pin={pin}
          onPin={setPin}
          onEdit={setStep}
          onSave={() => void save()}
        />
      )}
      {step === 'receipt' && saved && (
        <section className="intake-step receipt-step">
          <p role="status" className="success">
            {t('intake.review.saved', { code: saved.code })}
          </p>
          <SignatureNotice signed={saved.signed} reason={saved.unsignedReason} />
          {/* Above the preview: the receipt is an A4 page, and the clerk's
              next step should not sit below it, out of sight. */}
          <button type="button" onClick={restart}>
            {t('intake.receipt.another')}
          </button>
          <ReceiptView idOrCode={saved.id} code={saved.code} dueAt={saved.dueAt} />
        </section>
      )}
    </main>
  );
}
