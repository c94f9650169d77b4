import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vi } from '../../../renderer/i18n/vi';
import { createEspeakVoice } from '../../../electron/services/voice/espeak-voice';
import { createVoiceHandlers } from '../../../electron/services/voice/voice-handlers';

/**
 * The spoken guidance against the real espeak-ng (Vietnamese voice, offline),
 * measured with sox: the audio of a step is speech of a plausible length and
 * level, not an empty or silent file.
 */
const LOCAL = { transport: 'local' } as const;
const dir = mkdtempSync(join(tmpdir(), 'kiosk-voice-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface SoxStat {
  readonly seconds: number;
  readonly rms: number;
  readonly maxAmplitude: number;
}

/** `sox FILE -n stat` prints its figures on stderr. */
function soxStat(wav: Uint8Array, name: string): SoxStat {
  const file = join(dir, name);
  writeFileSync(file, wav);
  const run = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sox failed on ${name}: ${run.stderr}`);
  const text = run.stderr;
  const figure = (label: string): number => {
    const match = new RegExp(`${label}:\\s+(-?[\\d.]+)`).exec(text);
    if (!match?.[1]) throw new Error(`sox stat printed no "${label}":\n${text}`);
    return Number(match[1]);
  };
  return {
    seconds: figure('Length \\(seconds\\)'),
    rms: figure('RMS\\s+amplitude'),
    maxAmplitude: figure('Maximum amplitude'),
  };
}

describe('spoken guidance with espeak-ng (vi) measured by sox', () => {
  const engine = createEspeakVoice();

  it('the card step instruction is about 2–20 s of audible speech', async () => {
    const text = vi.selfService.card.question;
    const stat = soxStat(await engine.speak(text), 'card.wav');
    console.log(
      `voice "${text}": ${stat.seconds.toFixed(2)} s, RMS ${stat.rms.toFixed(3)}, peak ${stat.maxAmplitude.toFixed(3)}`,
    );
    expect(stat.seconds).toBeGreaterThan(2);
    expect(stat.seconds).toBeLessThan(20);
    expect(stat.rms).toBeGreaterThan(0.02);
    expect(stat.maxAmplitude).toBeGreaterThan(0.2);
  });

  it('the reader-outage message is spoken too, and slow speech lasts longer', async () => {
    const text = vi.touch.readerDown.replace('{{counter}}', 'quầy số 3');
    const normal = soxStat(await engine.speak(text), 'outage.wav');
    const slow = soxStat(await engine.speak(text, { slow: true }), 'outage-slow.wav');
    expect(normal.rms).toBeGreaterThan(0.02);
    expect(slow.seconds).toBeGreaterThan(normal.seconds * 1.1);
  });

  it('text that looks like an option is spoken, not obeyed (it goes in on stdin)', async () => {
    const stat = soxStat(await engine.speak('--version -w /tmp/x'), 'option.wav');
    expect(stat.seconds).toBeGreaterThan(0.5);
  });

  it('the voice.speak handler answers a WAV and the same bytes from its cache', async () => {
    const handlers = createVoiceHandlers(engine);
    const first = await handlers['voice.speak']({ text: vi.selfService.review.question }, LOCAL);
    const again = await handlers['voice.speak']({ text: vi.selfService.review.question }, LOCAL);
    expect(first.mimeType).toBe('audio/wav');
    expect(Buffer.from(first.base64, 'base64').subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(again.base64).toBe(first.base64);
  });

  it('a missing engine is a typed NOT_AVAILABLE error, not a crash', async () => {
    const handlers = createVoiceHandlers(createEspeakVoice({ binary: join(dir, 'no-espeak') }));
    await expect(handlers['voice.speak']({ text: 'Xin chào' }, LOCAL)).rejects.toMatchObject({
      code: 'NOT_AVAILABLE',
    });
  });
});
