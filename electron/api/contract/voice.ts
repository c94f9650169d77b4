import { z } from 'zod';
import { method } from './method';

/**
 * Spoken guidance: the page sends the words of a step or an error and gets
 * them back as speech, synthesised offline by the core (espeak-ng's
 * Vietnamese voice). The page plays the WAV itself, at its own volume.
 */
export const voiceMethods = {
  'voice.speak': method(
    z
      .object({
        text: z.string().trim().min(1).max(600),
        /** Slower speech, for the "Nghe lại" (repeat) button. */
        slow: z.boolean().optional(),
      })
      .strict(),
    z.object({
      mimeType: z.literal('audio/wav'),
      /** The WAV file, base64. */
      base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
  ),
} as const;
