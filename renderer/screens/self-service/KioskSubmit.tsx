import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Result } from '../../../electron/api/contract';
import type { Procedure } from '../../../electron/api/contract/procedure';
import type { CitizenWire } from '../../../electron/api/contract/citizen';
import { prefillFromCard } from '../../../electron/api/contract/form-prefill';
import { useKiosk } from '../../api/KioskContext';
import { useKioskPrefs } from '../../components/voice/KioskPrefs';
import { useSpokenAlert, useSpokenScreen } from '../../components/voice/use-spoken';
import { ConfirmStep } from './ConfirmStep';
import { DocumentStep } from './DocumentStep';
import { FieldsStep } from './FieldsStep';
import { KioskCardStep } from './KioskCardStep';
import { fieldsToAsk, pages as pagesOf } from './kiosk-form';
import { ProcedureStep } from './ProcedureStep';
import { ReceiptStep, type Created } from './ReceiptStep';
import { ReviewStep } from './ReviewStep';
import { StepFrame, type Step } from './StepFrame';
import { sentences, stepQuestion, stepSpokenHint } from './step-text';
import { useErrorText } from './use-error-text';
import { useScanJobs } from './use-scan-jobs';
import './self-service.css';

type CardRead = Result<'card.read'>;

/**
 * The citizen's self-service submission, one question per screen: procedure
 * → ID card → "is this you?" → the e-form fields the chip did not fill →
 * each document scanned → review → submit → receipt. Everything the citizen
 * gave lives in this component's state only, so leaving the route (Hủy,
 * Hoàn tất, the idle timeout) forgets it; the core is told to wipe its side
 * with `session.end`, scans not submitted are discarded, and large text and
 * the voice go back to their defaults for the next citizen.
 */
export function KioskSubmit() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const { reset: resetPrefs } = useKioskPrefs();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [step, setStep] = useState<Step>('procedure');
  const [procedure, setProcedure] = useState<Procedure | undefined>(undefined);
  const [read, setRead] = useState<CardRead | undefined>(undefined);
  // Only a chip read names the applicant here: with no clerk to look at the
  // card, typed details would let anyone file in another person's name (the
  // core refuses them too, applicant-check.ts); an outage sends the citizen to a counter.
  const citizen = read?.citizen;
  const [values, setValues] = useState<Record<string, string>>({});
  const [fieldPage, setFieldPage] = useState(0);
  const [docIndex, setDocIndex] = useState(0);
  const { device, scans, scanned, drop, handOver } = useScanJobs();
  const [error, setError] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<Created | undefined>(undefined);
  const [readerDown, setReaderDown] = useState(false);
  // This citizen's one dossier: every retry of its save carries the same key.
  const [saveKey] = useState(() => crypto.randomUUID());
  const asked = useMemo(
    () => (procedure && citizen ? pagesOf(fieldsToAsk(procedure.form.fields, citizen)) : []),
    [procedure, citizen],
  );
  const components = procedure?.components ?? [];

  const end = useCallback(() => {
    resetPrefs();
    void api.session.end({ reason: 'done' });
    void navigate('/', { replace: true });
  }, [api, navigate, resetPrefs]);

  const choose = async (code: string) => {
    const result = await api.procedure.get({ code });
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    setError(undefined);
    setProcedure(result.value);
    if (citizen) setValues({ ...prefillFromCard(result.value.form.fields, citizen), ...values });
    setStep(read ? 'confirm' : 'card');
  };

  const confirmed = (who: CitizenWire | undefined = citizen) => {
    if (!procedure || !who) return;
    setValues({ ...prefillFromCard(procedure.form.fields, who), ...values });
    setFieldPage(0);
    setStep('fields');
  };
  const afterFields = () => {
    if (fieldPage + 1 < asked.length) {
      setFieldPage(fieldPage + 1);
      return;
    }
    setDocIndex(0);
    setStep(components.length === 0 ? 'review' : 'documents');
  };
  const afterDocument = () => {
    if (docIndex + 1 < components.length) setDocIndex(docIndex + 1);
    else setStep('review');
  };
  const skip = (code: string) => {
    drop(code);
    afterDocument();
  };

  const submit = async () => {
    if (!procedure || !citizen || submitting) return;
    setSubmitting(true);
    setError(undefined);
    const result = await api.dossier.create({
      procedureCode: procedure.code,
      applicant: { citizen },
      formValues: values,
      components: components.flatMap((c) => {
        const scan = scans[c.code];
        const kept = scan?.pages.filter((p) => !p.blank).map((p) => p.index) ?? [];
        return scan?.pdf && kept.length > 0
          ? [{ code: c.code, jobId: scan.jobId, pageOrder: kept }]
          : [];
      }),
      saveKey,
    });
    setSubmitting(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    handOver();
    setCreated(result.value);
    setStep('receipt');
  };

  const back = (): (() => void) | undefined => {
    switch (step) {
      case 'procedure':
      case 'receipt':
        return undefined;
      case 'card':
        return () => {
          setStep('procedure');
        };
      case 'confirm':
        return () => {
          setRead(undefined);
          setStep('card');
        };
      case 'fields':
        return () => {
          if (fieldPage > 0) setFieldPage(fieldPage - 1);
          else setStep('confirm');
        };
      case 'documents':
        return () => {
          if (docIndex > 0) setDocIndex(docIndex - 1);
          else {
            setFieldPage(Math.max(asked.length - 1, 0));
            setStep('fields');
          }
        };
      case 'review':
        return () => {
          if (components.length > 0) {
            setDocIndex(components.length - 1);
            setStep('documents');
          } else {
            setFieldPage(Math.max(asked.length - 1, 0));
            setStep('fields');
          }
        };
    }
  };

  const component = components[docIndex];
  const text = { step, component, docIndex, docCount: components.length, readerDown };
  const question = stepQuestion(t, text);
  useSpokenScreen(sentences(question, stepSpokenHint(t, text)));
  useSpokenAlert(error);

  return (
    <StepFrame
      step={step}
      question={question}
      onBack={back()}
      onCancel={step === 'receipt' ? undefined : end}
    >
      {error && step !== 'review' && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {step === 'procedure' && <ProcedureStep onChoose={(code) => void choose(code)} />}
      {step === 'card' && (
        <KioskCardStep
          onRead={(result) => {
            setRead(result);
            setStep('confirm');
          }}
          onReaderDown={setReaderDown}
        />
      )}
      {step === 'confirm' && read && (
        <ConfirmStep
          read={read}
          onYes={() => {
            confirmed();
          }}
          onNo={() => {
            setRead(undefined);
            setStep('card');
          }}
        />
      )}
      {step === 'fields' && (
        <FieldsStep
          key={fieldPage}
          fields={asked[fieldPage] ?? []}
          values={values}
          page={fieldPage + 1}
          pages={asked.length}
          onChange={(key, value) => {
            setValues((v) => ({ ...v, [key]: value }));
          }}
          onNext={afterFields}
        />
      )}
      {step === 'documents' && component && (
        <DocumentStep
          key={component.code}
          component={component}
          device={device}
          scan={scans[component.code]}
          onScanned={(result) => {
            scanned(component.code, result);
          }}
          onSkip={() => {
            skip(component.code);
          }}
          onNext={afterDocument}
        />
      )}
      {step === 'review' && procedure && citizen && (
        <ReviewStep
          procedure={procedure}
          citizen={citizen}
          values={values}
          scans={scans}
          submitting={submitting}
          error={error}
          onSubmit={() => void submit()}
        />
      )}
      {step === 'receipt' && created && <ReceiptStep created={created} onFinish={end} />}
    </StepFrame>
  );
}
