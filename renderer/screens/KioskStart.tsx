import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionTile } from '../components/ActionTile';
import { LanguageSwitch } from '../components/LanguageSwitch';

interface KioskStartProps {
  readonly largeText: boolean;
  readonly onToggleLargeText: () => void;
}

/** The citizen's start screen: one question, big tiles, language and text size up front. */
export function KioskStart({ largeText, onToggleLargeText }: KioskStartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <main className="screen kiosk-start">
      <h1>{t('kiosk.welcome')}</h1>
      <p className="lead">{t('kiosk.prompt')}</p>
      <div className="tiles">
        <ActionTile
          title={t('kiosk.submit')}
          hint={t('kiosk.submitHint')}
          onClick={() => void navigate('/kiosk/submit')}
        />
        <ActionTile
          title={t('kiosk.lookup')}
          hint={t('kiosk.lookupHint')}
          onClick={() => void navigate('/lookup')}
        />
      </div>
      <div className="kiosk-options">
        <LanguageSwitch />
        <button
          type="button"
          className="text-size"
          aria-pressed={largeText}
          onClick={onToggleLargeText}
        >
          {largeText ? t('kiosk.normalText') : t('kiosk.largeText')}
        </button>
      </div>
      <p className="help">{t('kiosk.help')}</p>
    </main>
  );
}
