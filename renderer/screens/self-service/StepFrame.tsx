import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const STEPS = [
  'procedure',
  'card',
  'confirm',
  'fields',
  'documents',
  'review',
  'receipt',
] as const;
export type Step = (typeof STEPS)[number];

interface StepFrameProps {
  readonly step: Step;
  /** The one question this screen asks. */
  readonly question: string;
  /** Undefined hides "Quay lại" (the first step and the receipt). */
  readonly onBack?: (() => void) | undefined;
  /** Undefined hides "Hủy" (the receipt: the dossier is saved, "Hoàn tất" ends it). */
  readonly onCancel?: (() => void) | undefined;
  readonly children: ReactNode;
}

/**
 * One screen of the self-service flow: progress dots, the question as the
 * page's heading, the content, and "Quay lại" / "Hủy" at the same place on
 * every screen.
 */
export function StepFrame({ step, question, onBack, onCancel, children }: StepFrameProps) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(step);
  return (
    <main className="screen kiosk-submit" data-step={step}>
      <nav className="step-dots" aria-label={t('selfService.title')}>
        <p className="step-label">
          {t('selfService.progress', {
            step: index + 1,
            total: STEPS.length,
            name: t(`selfService.steps.${step}`),
          })}
        </p>
        <ol>
          {STEPS.map((s, i) => (
            <li
              key={s}
              className={i < index ? 'done' : i === index ? 'current' : undefined}
              aria-current={i === index ? 'step' : undefined}
            >
              <span className="visually-hidden">{t(`selfService.steps.${s}`)}</span>
            </li>
          ))}
        </ol>
      </nav>
      <h1>{question}</h1>
      <div className="step-body">{children}</div>
      {(onBack ?? onCancel) && (
        <div className="step-nav">
          {onBack && (
            <button type="button" className="back" onClick={onBack}>
              ← {t('selfService.back')}
            </button>
          )}
          {onCancel && (
            <button type="button" className="cancel" onClick={onCancel}>
              {t('selfService.cancel')}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
