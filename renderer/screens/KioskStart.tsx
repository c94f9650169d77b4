import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionTile } from '../components/ActionTile';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSpokenScreen } from '../components/voice/use-spoken';
import { OutageNotes } from './self-service/OutageNotes';
import { useHelpCounter } from './self-service/use-help-counter';
import { useOutages } from './self-service/use-outages';

/**
 * The citizen's start screen: one question, big tiles, the language up
 * front (text size and the voice are on every screen, in KioskTools).
 */
export function KioskStart() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const counter = useHelpCounter();
  // Before any form: a citizen learns now that the receipt will come from the counter or
  // that the dossier leaves later, not after filling everything in.
  const outages = useOutages();
  useSpokenScreen(`${t('kiosk.welcome')} ${t('kiosk.prompt')} ${t('kiosk.voiceChoices')}`);
  return (
    <main className="screen kiosk-start">
      <h1>{t('kiosk.welcome')}</h1>
      <p className="lead">{t('kiosk.prompt')}</p>
      <OutageNotes outages={outages} counter={counter} when="start" />
      <div className="tiles">
        <ActionTile
          title={t('centreQueue.take.tile')}
          hint={t('centreQueue.take.tileHint')}
          onClick={() => void navigate('/kiosk/queue')}
        />
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
      </div>
      <p className="help">{t('kiosk.help', { counter })}</p>
    </main>
  );
}
