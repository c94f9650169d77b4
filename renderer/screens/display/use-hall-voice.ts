import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskApi } from '../../../electron/api/client';
import { AnnouncementQueue, type AnnouncedCall } from './announcement-queue';

/** Where the hall's voice is: waiting for the "Bật âm thanh" press, or on. */
export type HallSound = 'checking' | 'blocked' | 'on';

/** A sentence that never ends (a stuck player) frees the queue after this. */
const LONGEST_SENTENCE_MS = 20_000;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** 0.1 s of silence as a WAV: what the page plays to learn whether it may play sound. */
function silentWav(): Blob {
  const samples = 800;
  const view = new DataView(new ArrayBuffer(44 + samples * 2));
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  return new Blob([view.buffer], { type: 'audio/wav' });
}

/** Plays a blob to its end; resolves on the end, an error or the time limit. */
function playToEnd(player: HTMLAudioElement, blob: Blob): Promise<void> {
  const url = URL.createObjectURL(blob);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(finish, LONGEST_SENTENCE_MS);
    function finish(): void {
      clearTimeout(timer);
      player.onended = null;
      player.onerror = null;
      URL.revokeObjectURL(url);
      resolve();
    }
    player.onended = finish;
    player.onerror = finish;
    player.src = url;
    player.play().catch((error: unknown) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

/**
 * The hall's voice: each call queued and said in turn through `voice.speak`
 * (espeak-ng in the core, offline). Browsers play sound only after a press
 * on the page, unless the browser was started with
 * `--autoplay-policy=no-user-gesture-required`: the page tries a silent
 * sound at start, and asks for the "Bật âm thanh" press only if that fails.
 */
export function useHallVoice(api: KioskApi): {
  readonly sound: HallSound;
  readonly enable: () => void;
  readonly announce: (call: AnnouncedCall) => void;
  /** The sentences said so far (newest last), for the page's data-spoken attribute. */
  readonly spoken: number;
} {
  const [sound, setSound] = useState<HallSound>('checking');
  const [spoken, setSpoken] = useState(0);
  const soundRef = useRef<HallSound>('checking');
  const player = useRef<HTMLAudioElement | null>(null);
  const queue = useRef<AnnouncementQueue | null>(null);

  const playerOf = () => (player.current ??= new Audio());

  useEffect(() => {
    const announcements = new AnnouncementQueue({
      say: async (text) => {
        const result = await api.voice.speak({ text });
        if (!result.ok) return;
        await playToEnd(
          playerOf(),
          new Blob([bytesOf(result.value.base64)], { type: 'audio/wav' }),
        );
        setSpoken((n) => n + 1);
      },
      pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    queue.current = announcements;
    return () => {
      announcements.stop();
      player.current?.pause();
    };
  }, [api]);

  const settle = useCallback((next: HallSound) => {
    soundRef.current = next;
    setSound(next);
  }, []);

  useEffect(() => {
    playToEnd(playerOf(), silentWav()).then(
      () => {
        settle('on');
      },
      () => {
        settle('blocked');
      },
    );
  }, [settle]);

  const enable = useCallback(() => {
    // Inside the press: the browser now lets this page play sound.
    playToEnd(playerOf(), silentWav()).then(
      () => {
        settle('on');
      },
      () => {
        settle('blocked');
      },
    );
  }, [settle]);

  const announce = useCallback((call: AnnouncedCall) => {
    if (soundRef.current === 'on') queue.current?.add(call);
  }, []);

  return { sound, enable, announce, spoken };
}
