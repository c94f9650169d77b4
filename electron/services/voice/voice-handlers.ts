import { KioskError } from '../../api/errors';
import type { HandlerGroup } from '../../api/dispatcher';
import type { VoiceEngine } from './espeak-voice';

/** Recent answers by text: every citizen hears the same step instructions. */
const CACHE_SIZE = 64;

/** The `voice.*` methods: the page asks for a step's words, the core answers with WAV bytes. */
export function createVoiceHandlers(engine: VoiceEngine): HandlerGroup<'voice.speak'> {
  const cache = new Map<string, string>();
  return {
    'voice.speak': async ({ text, slow }) => {
      const key = `${slow === true ? 'slow' : 'normal'}:${text}`;
      let base64 = cache.get(key);
      if (base64 === undefined) {
        try {
          base64 = Buffer.from(await engine.speak(text, { slow: slow === true })).toString(
            'base64',
          );
        } catch (error) {
          throw new KioskError(
            'NOT_AVAILABLE',
            error instanceof Error ? error.message : 'speech synthesis failed',
          );
        }
        cache.set(key, base64);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? key);
      } else {
        // Most recently used last, so the oldest is the one dropped.
        cache.delete(key);
        cache.set(key, base64);
      }
      return { mimeType: 'audio/wav' as const, base64 };
    },
  };
}
