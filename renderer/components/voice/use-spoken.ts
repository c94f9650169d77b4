import { useEffect, useRef } from 'react';
import { useKioskPrefs } from './KioskPrefs';

/**
 * Says a screen's instruction when the screen shows it, and again when the
 * citizen turns the voice on while on that screen.
 */
export function useSpokenScreen(text: string | undefined): void {
  const { voiceOn, speak } = useKioskPrefs();
  useEffect(() => {
    if (voiceOn && text) speak(text);
  }, [voiceOn, text, speak]);
}

/** Says an error or an outage once, when it appears (not again when the voice is turned on). */
export function useSpokenAlert(text: string | undefined): void {
  const { speak } = useKioskPrefs();
  const speakRef = useRef(speak);
  useEffect(() => {
    speakRef.current = speak;
  }, [speak]);
  useEffect(() => {
    if (text) speakRef.current(text);
  }, [text]);
}
