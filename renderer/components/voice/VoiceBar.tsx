import { useTranslation } from 'react-i18next';
import { useKioskPrefs } from './KioskPrefs';
import './voice.css';

/**
 * "Nghe hướng dẫn" on every kiosk screen in Vietnamese; when it is on, "Nghe lại" and the
 * volume. The state is on the element (data-voice) so a test can time the
 * first spoken word.
 */
export function VoiceBar() {
  const { t, i18n } = useTranslation();
  const { voiceOn, toggleVoice, volume, changeVolume, voiceStatus, repeat, lastText } =
    useKioskPrefs();
  const percent = Math.round(volume * 100);
  // Only a Vietnamese voice is installed: the English page offers no voice rather than a wrong one.
  if (i18n.language !== 'vi') return null;
  return (
    <div
      className="voice-bar"
      role="group"
      aria-label={t('touch.voice.toggle')}
      data-voice={voiceStatus}
      data-spoken={voiceOn ? lastText : ''}
    >
      <button type="button" className="voice-toggle" aria-pressed={voiceOn} onClick={toggleVoice}>
        {t('touch.voice.toggle')}
      </button>
      {voiceOn && (
        <>
          <button type="button" disabled={lastText === ''} onClick={repeat}>
            {t('touch.voice.repeat')}
          </button>
          <button
            type="button"
            disabled={volume <= 0.25}
            onClick={() => {
              changeVolume(-1);
            }}
          >
            {t('touch.voice.softer')}
          </button>
          <span className="voice-volume" role="status">
            {t('touch.voice.volume', { percent })}
          </span>
          <button
            type="button"
            disabled={volume >= 1}
            onClick={() => {
              changeVolume(1);
            }}
          >
            {t('touch.voice.louder')}
          </button>
        </>
      )}
      {voiceStatus === 'error' && (
        <p role="alert" className="voice-error">
          {t('touch.voice.unavailable')}
        </p>
      )}
    </div>
  );
}
