import { spawn } from 'node:child_process';

/** Speech for the kiosk's spoken guidance: text in, a WAV file's bytes out. */
export interface VoiceEngine {
  speak(text: string, options?: { readonly slow?: boolean }): Promise<Uint8Array>;
}

export interface EspeakOptions {
  /** The espeak-ng binary (Debian: /usr/bin/espeak-ng). */
  readonly binary?: string;
  /** espeak-ng's voice name; "vi" is its Vietnamese (northern) voice. */
  readonly voice?: string;
  /** A synthesis that takes longer is stopped: the page shows the text anyway. */
  readonly timeoutMs?: number;
}

export class VoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VoiceError';
  }
}

/** Words per minute: espeak's default 175 is fast for elderly listeners. */
const RATE = { normal: '145', slow: '115' } as const;
/** A step's instruction is a few sentences; anything longer is not guidance. */
export const MAX_SPOKEN_CHARS = 600;

/**
 * espeak-ng writes its WAV to a pipe before it knows the length, so the RIFF
 * and data sizes are placeholders (0x7ffff000). Browsers and sox then read
 * past the end; the real sizes are written in.
 */
export function fixWavSizes(wav: Uint8Array): Uint8Array {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  if (wav.byteLength < 12 || view.getUint32(0, false) !== 0x52494646) return wav; // "RIFF"
  view.setUint32(4, wav.byteLength - 8, true);
  let at = 12;
  while (at + 8 <= wav.byteLength) {
    const id = view.getUint32(at, false);
    const size = view.getUint32(at + 4, true);
    if (id === 0x64617461) {
      // "data": the rest of the file.
      view.setUint32(at + 4, wav.byteLength - at - 8, true);
      break;
    }
    at += 8 + size + (size % 2);
  }
  return wav;
}

/**
 * espeak-ng started as a child process with an argument array (never a
 * shell); the text goes in on stdin, so nothing in it can become an option.
 * Works offline: the Vietnamese voice is part of Debian's espeak-ng-data.
 */
export function createEspeakVoice(options: EspeakOptions = {}): VoiceEngine {
  const binary = options.binary ?? 'espeak-ng';
  const voice = options.voice ?? 'vi';
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    speak: (text, speakOptions = {}) =>
      new Promise<Uint8Array>((resolve, reject) => {
        const spoken = text.normalize('NFC').slice(0, MAX_SPOKEN_CHARS);
        const rate = speakOptions.slow === true ? RATE.slow : RATE.normal;
        const child = spawn(binary, ['-v', voice, '-s', rate, '--stdin', '--stdout'], {
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        const chunks: Buffer[] = [];
        let errors = '';
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => {
          errors += chunk.toString();
        });
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(new VoiceError(`espeak-ng could not start: ${error.message}`));
        });
        child.once('close', (code, signal) => {
          clearTimeout(timer);
          const wav = Buffer.concat(chunks);
          if (code !== 0 || wav.byteLength <= 44) {
            reject(
              new VoiceError(
                `espeak-ng ended with ${signal ?? String(code)} and ${String(wav.byteLength)} bytes: ${errors.trim()}`,
              ),
            );
            return;
          }
          resolve(fixWavSizes(new Uint8Array(wav)));
        });
        child.stdin.end(`${spoken}\n`, 'utf8');
      }),
  };
}
