import { useTranslation } from 'react-i18next';
import { cardGenerationLabel } from '../../../electron/api/contract/card-generation-label';
import type { ApplicantDraft } from './applicant-draft';

/**
 * Who the dossier is for, with the chip's photo and trust badge when it was
 * read, and which card it was (CCCD or the 2024 thẻ căn cước): the two print
 * different fields, so the clerk knows what to compare against the card.
 */
export function ApplicantSummary({ draft }: { readonly draft: ApplicantDraft }) {
  const { t, i18n } = useTranslation();
  const { fields, card } = draft;
  const generation = draft.source === 'chip' ? draft.citizen?.cardGeneration : undefined;
  if (fields.fullName === '' && fields.id === '') {
    return <p className="applicant-summary empty">{t('intake.applicant.none')}</p>;
  }
  const trust = card?.passiveAuthentication.status;
  return (
    <div className="applicant-summary" data-applicant-source={draft.source}>
      {card?.photo && (
        <img src={card.photo.dataUrl} alt={t('card.photo')} className="portrait small" />
      )}
      <div>
        <p className="applicant-name">{fields.fullName}</p>
        <p>
          {fields.id} · {fields.birthDate} · {t(`reception.sources.${draft.source}`)}
        </p>
        {generation && (
          <p className="card-generation" data-card-generation={generation}>
            {cardGenerationLabel(generation)[i18n.language === 'en' ? 'en' : 'vi']}
          </p>
        )}
        {trust && (
          <p className={`trust trust-${trust}`} data-trust={trust}>
            {trust === 'trusted' ? t('card.trusted') : t('card.untrusted')}
          </p>
        )}
      </div>
    </div>
  );
}
