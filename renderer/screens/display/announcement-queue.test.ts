import { describe, expect, it } from 'vitest';
import { AnnouncementQueue, type AnnouncedCall } from './announcement-queue';
import { callSentence } from './call-sentence';

const call = (number: number, counter: number, calls = 1, at = 1000 + number): AnnouncedCall => ({
  number,
  counter,
  calls,
  at,
});

/** A voice that takes `ms` per sentence and records when each one starts and ends. */
function recordingVoice(ms = 5) {
  const log: string[] = [];
  let speaking = 0;
  let overlapped = false;
  const say = async (text: string) => {
    speaking += 1;
    if (speaking > 1) overlapped = true;
    log.push(text);
    await new Promise((resolve) => setTimeout(resolve, ms));
    speaking -= 1;
  };
  return { log, say, overlapped: () => overlapped };
}

const noPause = () => Promise.resolve();

describe('the call sentence', () => {
  it('is the sentence centres announce, with the number and the counter', () => {
    expect(callSentence({ number: 1023, counter: 3 })).toBe(
      'Mời công dân có số thứ tự 1023 đến quầy số 3',
    );
  });

  it('is in NFC with full diacritics (what espeak-ng reads best)', () => {
    const text = callSentence({ number: 7, counter: 12 });
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('quầy số 12');
  });
});

describe('the announcement queue', () => {
  it('says calls one after another in the order they came, never two at once', async () => {
    const voice = recordingVoice();
    const queue = new AnnouncementQueue({ say: voice.say, pause: noPause });
    queue.add(call(1, 1));
    queue.add(call(2, 2));
    queue.add(call(3, 3));
    expect(queue.pending).toHaveLength(2);
    await queue.whenIdle();
    expect(voice.log).toEqual([
      'Mời công dân có số thứ tự 1 đến quầy số 1',
      'Mời công dân có số thứ tự 2 đến quầy số 2',
      'Mời công dân có số thứ tự 3 đến quầy số 3',
    ]);
    expect(voice.overlapped()).toBe(false);
  });

  it('says a recall again, but the same call heard twice only once', async () => {
    const voice = recordingVoice(1);
    const queue = new AnnouncementQueue({ say: voice.say, pause: noPause });
    expect(queue.add(call(5, 2, 1, 100))).toBe(true);
    expect(queue.add(call(5, 2, 1, 100))).toBe(false);
    expect(queue.add(call(5, 2, 2, 200))).toBe(true);
    await queue.whenIdle();
    expect(voice.log).toEqual([
      'Mời công dân có số thứ tự 5 đến quầy số 2',
      'Mời công dân có số thứ tự 5 đến quầy số 2',
    ]);
  });

  it('pauses between two sentences, not before the first', async () => {
    const events: string[] = [];
    const queue = new AnnouncementQueue({
      say: (text) => {
        events.push(`say ${text.slice(-1)}`);
        return Promise.resolve();
      },
      pause: (ms) => {
        events.push(`pause ${ms}`);
        return Promise.resolve();
      },
      gapMs: 700,
    });
    queue.add(call(1, 1));
    queue.add(call(2, 2));
    await queue.whenIdle();
    expect(events).toEqual(['say 1', 'pause 700', 'say 2']);
  });

  it('goes on after a sentence that could not be said', async () => {
    const said: string[] = [];
    const queue = new AnnouncementQueue({
      say: (text) => {
        if (text.includes('số thứ tự 1 ')) return Promise.reject(new Error('no audio'));
        said.push(text);
        return Promise.resolve();
      },
      pause: noPause,
    });
    queue.add(call(1, 1));
    queue.add(call(2, 1));
    await queue.whenIdle();
    expect(said).toEqual(['Mời công dân có số thứ tự 2 đến quầy số 1']);
  });

  it('starts again when a call comes after the queue went quiet', async () => {
    const voice = recordingVoice(1);
    const queue = new AnnouncementQueue({ say: voice.say, pause: noPause });
    queue.add(call(1, 1));
    await queue.whenIdle();
    queue.add(call(2, 1));
    await queue.whenIdle();
    expect(voice.log).toHaveLength(2);
  });

  it('keeps only the newest sentences when far behind, and says nothing once stopped', async () => {
    const voice = recordingVoice(1);
    const queue = new AnnouncementQueue({ say: voice.say, pause: noPause, maxPending: 2 });
    for (let n = 1; n <= 5; n++) queue.add(call(n, 1));
    // The first is being said; of the four behind it the two newest wait.
    expect(queue.pending).toEqual([
      'Mời công dân có số thứ tự 4 đến quầy số 1',
      'Mời công dân có số thứ tự 5 đến quầy số 1',
    ]);
    queue.stop();
    await queue.whenIdle();
    expect(voice.log).toEqual(['Mời công dân có số thứ tự 1 đến quầy số 1']);
    expect(queue.add(call(9, 1))).toBe(false);
  });
});
