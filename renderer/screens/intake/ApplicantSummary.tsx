import { useTranslation } from 'react-i18next';
import type { ApplicantDraft } from './applicant-draft';

/** Who the dossier is for, with the chip's photo and trust badge when it was read. */
export function ApplicantSummary({ draft }: { readonly draft: ApplicantDraft }) {
  const { t } = useTranslation();
  const { fields, card } = draft;
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
        {trust && (
          <p className={`trust trust-${trust}`} data-trust={trust}>
            {trust === 'trusted' ? t('card.trusted') : t('card.untrusted')}
          </p>
        )}
      </div>
    </div>
  );
}
