import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import type { IntakeDraftState } from './use-intake-draft';

/**
 * A reception left half done (tab closed, connection lost) by this clerk:
 * continue it or drop it. Shown above the wizard until the clerk chooses.
 */
export function DraftOfferBar({ draft }: { readonly draft: IntakeDraftState }) {
  const { t } = useTranslation();
  if (draft.offer) {
    return (
      <div className="draft-offer" role="region" aria-label={t('intake.draft.offerTitle')}>
        <p>{t('intake.draft.offer', { time: formatDateTime(draft.offer.savedAt) })}</p>
        <div className="draft-actions">
          <button type="button" className="primary" onClick={() => void draft.resume()}>
            {t('intake.draft.resume')}
          </button>
          <button type="button" onClick={() => void draft.discard()}>
            {t('intake.draft.discard')}
          </button>
        </div>
      </div>
    );
  }
  if (draft.keptAt === undefined) return null;
  return (
    <p className="hint draft-kept" data-draft-kept={draft.keptAt}>
      {t('intake.draft.kept', { time: formatDateTime(draft.keptAt) })}
    </p>
  );
}
