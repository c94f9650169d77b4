import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../api/KioskContext';
import { stepVolume, VOLUME_DEFAULT } from './volume';

/** Where the spoken guidance is: off, asking the core for the audio, playing, done, or failed. */
export type VoiceStatus = 'off' | 'loading' | 'playing' | 'idle' | 'error';

export interface KioskPrefsValue {
  readonly largeText: boolean;
  readonly toggleLargeText: () => void;
  readonly voiceOn: boolean;
  readonly toggleVoice: () => void;
  readonly volume: number;
  readonly changeVolume: (direction: 1 | -1) => void;
  readonly voiceStatus: VoiceStatus;
  /** Says `text` aloud when the voice is on (a newer text interrupts the one playing). */
  readonly speak: (text: string, options?: { readonly slow?: boolean }) => void;
  /** Says the last text again, slower. */
  readonly repeat: () => void;
  /** The last text asked to be said: what "Nghe lại" repeats. */
  readonly lastText: string;
  /** The next citizen starts fresh: normal text, voice off, default volume, nothing playing. */
  readonly reset: () => void;
}

const KioskPrefsContext = createContext<KioskPrefsValue | undefined>(undefined);

export function useKioskPrefs(): KioskPrefsValue {
  const value = useContext(KioskPrefsContext);
  if (!value) throw new Error('useKioskPrefs outside KioskPrefsProvider');
  return value;
}

function wavUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
}

/**
 * A citizen's choices for this session only (large text, spoken guidance and
 * its volume), and the one audio player. The audio is made offline by the
 * core (`voice.speak`) and played here; a text asked while another plays
 * replaces it, so the voice always speaks the screen that is shown.
 */
export function KioskPrefsProvider({ children }: { readonly children: ReactNode }) {
  const { api } = useKiosk();
  const { i18n } = useTranslation();
  const [largeText, setLargeText] = useState(false);
  const [voiceOn, setVoiceOn] = useState(false);
  const [volume, setVolume] = useState(VOLUME_DEFAULT);
  const [voiceStatus, setVoiceStatus] = useState<VoiceStatus>('off');
  const [lastText, setLastText] = useState('');
  const audio = useRef<HTMLAudioElement | null>(null);
  const url = useRef<string | undefined>(undefined);
  /** Answers that arrive after a newer request are dropped. */
  const request = useRef(0);
  const voiceOnRef = useRef(voiceOn);
  const volumeRef = useRef(volume);

  const stop = useCallback(() => {
    request.current += 1;
    audio.current?.pause();
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = undefined;
  }, []);

  useEffect(() => stop, [stop]);

  const play = useCallback(
    (text: string, slow: boolean) => {
      stop();
      const mine = request.current;
      setLastText(text);
      setVoiceStatus('loading');
      void api.voice.speak({ text: text.slice(0, 600), slow }).then(async (result) => {
        if (mine !== request.current) return;
        if (!result.ok) {
          setVoiceStatus('error');
          return;
        }
        const player = audio.current ?? new Audio();
        audio.current = player;
        url.current = wavUrl(result.value.base64);
        player.src = url.current;
        player.volume = volumeRef.current;
        player.onplaying = () => {
          if (mine === request.current) setVoiceStatus('playing');
        };
        player.onended = () => {
          if (mine === request.current) setVoiceStatus('idle');
        };
        try {
          await player.play();
        } catch {
          if (mine === request.current) setVoiceStatus('error');
        }
      });
    },
    [api, stop],
  );

  const speak = useCallback(
    (text: string, options: { readonly slow?: boolean } = {}) => {
      const words = text.trim();
      // The voice is espeak-ng's Vietnamese one: English text is not read with it.
      if (!voiceOnRef.current || words === '' || i18n.language !== 'vi') return;
      play(words, options.slow === true);
    },
    [play, i18n.language],
  );

  const value = useMemo<KioskPrefsValue>(
    () => ({
      largeText,
      toggleLargeText: () => {
        setLargeText((v) => !v);
      },
      voiceOn,
      toggleVoice: () => {
        const next = !voiceOnRef.current;
        voiceOnRef.current = next;
        setVoiceOn(next);
        if (!next) {
          stop();
          setVoiceStatus('off');
        } else setVoiceStatus('idle');
      },
      volume,
      changeVolume: (direction) => {
        const next = stepVolume(volumeRef.current, direction);
        volumeRef.current = next;
        setVolume(next);
        if (audio.current) audio.current.volume = next;
      },
      voiceStatus,
      speak,
      repeat: () => {
        if (voiceOnRef.current && lastText !== '') play(lastText, true);
      },
      lastText,
      reset: () => {
        stop();
        voiceOnRef.current = false;
        volumeRef.current = VOLUME_DEFAULT;
        setLargeText(false);
        setVoiceOn(false);
        setVolume(VOLUME_DEFAULT);
        setVoiceStatus('off');
        setLastText('');
      },
    }),
    [largeText, voiceOn, volume, voiceStatus, speak, play, stop, lastText],
  );

  return <KioskPrefsContext.Provider value={value}>{children}</KioskPrefsContext.Provider>;
}
