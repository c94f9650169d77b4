import { useTranslation } from 'react-i18next';
import type { JobOcr, ScanPage } from './component-draft';
import type { PageOrder } from './page-order';

interface PageStripProps {
  readonly pages: readonly ScanPage[];
  readonly order: PageOrder;
  readonly ocr: JobOcr | undefined;
  /** Absent while the pages are still arriving (no reordering mid-scan). */
  readonly onMove?: (position: number, step: -1 | 1) => void;
  readonly onDelete?: (pageIndex: number) => void;
}

/** The kept pages of one component as thumbnails, in order, each movable and deletable. */
export function PageStrip({ pages, order, ocr, onMove, onDelete }: PageStripProps) {
  const { t } = useTranslation();
  const byIndex = new Map(pages.map((page) => [page.index, page]));
  if (order.length === 0) return <p className="hint">{t('intake.components.noPages')}</p>;
  return (
    <ol className="page-strip">
      {order.map((pageIndex, position) => {
        const page = byIndex.get(pageIndex);
        const n = position + 1;
        const state = ocr?.pages[pageIndex];
        return (
          <li key={pageIndex} className="page" data-page-index={pageIndex}>
            {page?.thumbnail ? (
              <img src={page.thumbnail} alt={t('intake.components.page', { n })} />
            ) : (
              <span className="page-placeholder">{t('intake.components.page', { n })}</span>
            )}
            <span className="page-label">{t('intake.components.page', { n })}</span>
            {state && (
              <span className={`ocr ocr-${state}`} data-ocr={state}>
                {t(`intake.components.ocr.${state}`)}
              </span>
            )}
            {onMove && onDelete && (
              <span className="page-actions">
                <button
                  type="button"
                  disabled={position === 0}
                  aria-label={t('intake.components.moveLeft', { n })}
                  onClick={() => {
                    onMove(position, -1);
                  }}
                >
                  ←
                </button>
                <button
                  type="button"
                  disabled={position === order.length - 1}
                  aria-label={t('intake.components.moveRight', { n })}
                  onClick={() => {
                    onMove(position, 1);
                  }}
                >
                  →
                </button>
                <button
                  type="button"
                  aria-label={t('intake.components.deletePage', { n })}
                  onClick={() => {
                    onDelete(pageIndex);
                  }}
                >
                  ✕
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
