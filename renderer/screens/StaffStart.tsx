import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionTile } from '../components/ActionTile';

/** The counter clerk's start screen. */
export function StaffStart() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <main className="screen staff-start">
      <h1>{t('staff.title')}</h1>
      <p className="lead">{t('staff.greeting')}</p>
      <div className="tiles">
        <ActionTile
          title={t('centreQueue.counter.tile')}
          hint={t('centreQueue.counter.tileHint')}
          onClick={() => void navigate('/queue')}
        />
        <ActionTile
          title={t('staff.newDossier')}
          hint={t('staff.newDossierHint')}
          onClick={() => void navigate('/reception')}
        />
        <ActionTile
          title={t('returns.tile')}
          hint={t('returns.tileHint')}
          onClick={() => void navigate('/returns')}
        />
        <ActionTile
          title={t('copies.tile')}
          hint={t('copies.tileHint')}
          onClick={() => void navigate('/copies')}
        />
        <ActionTile
          title={t('staff.dossierList')}
          hint={t('staff.dossierListHint')}
          onClick={() => void navigate('/dossiers')}
        />
        <ActionTile
          title={t('forms.noticeTile')}
          hint={t('forms.noticeTileHint')}
          onClick={() => void navigate('/forms/notice')}
        />
        <ActionTile
          title={t('forms.bookTile')}
          hint={t('forms.bookTileHint')}
          onClick={() => void navigate('/forms/book')}
        />
        <ActionTile
          title={t('reports.tile')}
          hint={t('reports.tileHint')}
          onClick={() => void navigate('/reports')}
        />
        <ActionTile
          title={t('staff.lookup')}
          hint={t('staff.lookupHint')}
          onClick={() => void navigate('/lookup')}
        />
      </div>
    </main>
  );
}
