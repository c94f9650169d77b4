import { useTranslation } from 'react-i18next';

export const STEPS = ['procedure', 'applicant', 'form', 'components', 'review', 'receipt'] as const;
export type StepId = (typeof STEPS)[number];

interface StepListProps {
  readonly current: StepId;
  /** The furthest step reached; steps up to it can be revisited (never past a save). */
  readonly reached: number;
  readonly onGo: (step: StepId) => void;
}

/** The numbered steps, the current one marked; reached steps are buttons. */
export function StepList({ current, reached, onGo }: StepListProps) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('intake.stepList')}>
      <ol className="step-list">
        {STEPS.map((step, index) => (
          <li
            key={step}
            className={step === current ? 'current' : index <= reached ? 'reached' : ''}
            {...(step === current ? { 'aria-current': 'step' as const } : {})}
          >
            <button
              type="button"
              disabled={index > reached || step === current}
              onClick={() => {
                onGo(step);
              }}
            >
              <span className="step-number">{index + 1}</span> {t(`intake.steps.${step}`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
