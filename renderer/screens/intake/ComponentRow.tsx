import { useTranslation } from 'react-i18next';
import type { ProcedureComponent } from '../../../electron/api/contract/procedure';
import type { ComponentJob, JobOcr, ScanPage } from './component-draft';
import { movePage, removePage } from './page-order';
import { PageStrip } from './PageStrip';

/** A scan in progress (pages as they arrive, `scan.progress` counts) or an import. */
export type RowBusy =
  | {
      readonly kind: 'scan';
      readonly pages: readonly ScanPage[];
      readonly done: number;
      readonly total?: number;
    }
  | { readonly kind: 'import' };

interface ComponentRowProps {
  readonly component: ProcedureComponent;
  readonly job: ComponentJob | undefined;
  readonly ocr: JobOcr | undefined;
  /** This row's scan or import in progress. */
  readonly busy: RowBusy | undefined;
  /** Another row is scanning: one scanner, one batch at a time. */
  readonly locked: boolean;
  readonly canScan: boolean;
  readonly error: string | undefined;
  readonly onScan: () => void;
  readonly onCancel: () => void;
  readonly onImport: (file: File) => void;
  readonly onJob: (job: ComponentJob | undefined) => void;
  /** Without the procedure's "required" badge and counts of originals and copies (certified copies). */
  readonly plain?: boolean;
}

/** One document of the dossier: what the procedure asks for, and its pages as received. */
export function ComponentRow(props: ComponentRowProps) {
  const { t, i18n } = useTranslation();
  const { component, job, busy } = props;
  const id = `component-${component.code}`;
  return (
    <li
      className={`component-row${component.required ? ' required' : ''}`}
      data-component={component.code}
      aria-labelledby={`${id}-name`}
    >
      <div className="component-head">
        <h3 id={`${id}-name`}>{component.name}</h3>
        {!props.plain && (
          <>
            <span className={`badge ${component.required ? 'badge-warn' : 'badge-unknown'}`}>
              {component.required
                ? t('intake.components.required')
                : t('intake.components.optional')}
            </span>
            <span className="copies">
              {t('intake.components.copies', {
                originals: component.originals,
                copies: component.copies,
              })}
            </span>
          </>
        )}
        {job && (
          <span className="page-count">
            {t('intake.components.pages', { count: job.order.length })}
          </span>
        )}
      </div>
      <div className="component-actions">
        {busy?.kind === 'scan' ? (
          <button type="button" onClick={props.onCancel}>
            {t('intake.components.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className={job ? '' : 'primary'}
            disabled={!props.canScan || props.locked || busy !== undefined}
            onClick={props.onScan}
          >
            {job ? t('intake.components.rescan') : t('intake.components.scan')}
          </button>
        )}
        <label className={`button${props.locked || busy ? ' disabled' : ''}`}>
          {t('intake.components.import')}
          <input
            type="file"
            className="visually-hidden"
            name={`import-${component.code}`}
            accept="application/pdf,image/jpeg,image/png"
            disabled={props.locked || busy !== undefined}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) props.onImport(file);
            }}
          />
        </label>
        {job && !busy && (
          <button
            type="button"
            onClick={() => {
              props.onJob(undefined);
            }}
          >
            {t('intake.components.remove')}
          </button>
        )}
      </div>
      {busy && (
        <div role="status" aria-live="polite" className="progress">
          {busy.kind === 'scan' ? (
            <>
              {t('intake.components.scanning', { done: busy.done })}
              {busy.total !== undefined && <progress max={busy.total} value={busy.done} />}
            </>
          ) : (
            t('intake.components.importing')
          )}
        </div>
      )}
      {props.error && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
      {job?.stopped && (
        <p className="error">
          {t('intake.components.stopped')}{' '}
          {i18n.language === 'en' ? job.stopped.en : job.stopped.vi}
        </p>
      )}
      {props.ocr && props.ocr.total > 0 && (
        <p className="ocr-progress">
          {t('intake.components.ocrProgress', { done: props.ocr.done, total: props.ocr.total })}
        </p>
      )}
      {busy?.kind === 'scan' ? (
        <PageStrip
          pages={busy.pages}
          order={busy.pages.filter((p) => !p.blank).map((p) => p.index)}
          ocr={props.ocr}
        />
      ) : (
        job && (
          <PageStrip
            pages={job.pages}
            order={job.order}
            ocr={props.ocr}
            onMove={(position, step) => {
              props.onJob({ ...job, order: movePage(job.order, position, step) });
            }}
            onDelete={(pageIndex) => {
              props.onJob({ ...job, order: removePage(job.order, pageIndex) });
            }}
          />
        )
      )}
    </li>
  );
}
