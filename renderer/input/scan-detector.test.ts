import { describe, expect, it } from 'vitest';
import { createScanDetector, type ScanDetection } from './scan-detector';

/** Key events for `text` then `terminator`, `msPerKey` apart, starting at `start`. */
function keys(text: string, msPerKey: number, terminator = 'Enter', start = 1000) {
  const chars = Array.from(text).map((key, i) => ({ key, timeStamp: start + i * msPerKey }));
  return terminator === ''
    ? chars
    : [...chars, { key: terminator, timeStamp: start + chars.length * msPerKey }];
}

function feed(
  detector: ReturnType<typeof createScanDetector>,
  events: { key: string; timeStamp: number }[],
): ScanDetection[] {
  return events.map((e) => detector.key(e));
}

const QR =
  '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 12 Phố Giả Định, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|10052021';

describe('keyboard-wedge scan detector', () => {
  it('a CCCD QR typed at scanner speed (8 ms/key) and ended by Enter is one scan with its Vietnamese text', () => {
    const results = feed(createScanDetector(), keys(QR, 8));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results.at(-1)).toEqual({ kind: 'scan', text: QR });
  });

  it('the same text typed at human speed (80-150 ms/key) is typing, Enter included', () => {
    const detector = createScanDetector();
    const gaps = [80, 115, 150];
    let at = 1000;
    const events = Array.from(QR.slice(0, 20)).map((key, i) => ({
      key,
      timeStamp: (at += gaps[i % 3]!),
    }));
    events.push({ key: 'Enter', timeStamp: at + 200 });
    const results = feed(detector, events);
    expect(results[0]).toBeNull();
    expect(results.slice(1).every((r) => r?.kind === 'typing')).toBe(true);
  });

  it('a Tab-terminated burst at 10 ms/key is a scan too', () => {
    expect(
      feed(createScanDetector(), keys('HS-000.12.34.H26-260101-0001', 10, 'Tab')).at(-1),
    ).toEqual({
      kind: 'scan',
      text: 'HS-000.12.34.H26-260101-0001',
    });
  });

  it('a fast burst shorter than the minimum length is not a scan (a person pressing keys together)', () => {
    expect(feed(createScanDetector(), keys('abc', 5)).at(-1)).toEqual({ kind: 'typing' });
  });

  it('a burst that pauses midway is typing, and a fresh burst after it still scans', () => {
    const detector = createScanDetector();
    const paused = [...keys('123456', 8, ''), ...keys('789012', 8, 'Enter', 1200)];
    const results = feed(detector, paused);
    expect(results[6]).toEqual({ kind: 'typing' });
    expect(results.at(-1)).toEqual({ kind: 'scan', text: '789012' });
  });

  it('typing just before a scan does not leak into the scan', () => {
    const detector = createScanDetector();
    feed(detector, [
      { key: 'N', timeStamp: 0 },
      { key: 'g', timeStamp: 150 },
    ]);
    expect(feed(detector, keys('001185012345', 6, 'Enter', 400)).at(-1)).toEqual({
      kind: 'scan',
      text: '001185012345',
    });
  });

  it('Shift pressed by the scanner for capitals neither breaks the burst nor adds text', () => {
    const events = keys('ABC-123-XYZ', 6).flatMap((e) =>
      /[A-Z]/.test(e.key) ? [{ key: 'Shift', timeStamp: e.timeStamp - 1 }, e] : [e],
    );
    expect(feed(createScanDetector(), events).at(-1)).toEqual({
      kind: 'scan',
      text: 'ABC-123-XYZ',
    });
  });

  it('Backspace or an arrow key means a person, and reset() drops a run in progress', () => {
    const detector = createScanDetector();
    feed(detector, keys('123456', 5, ''));
    expect(detector.key({ key: 'Backspace', timeStamp: 1031 })).toEqual({ kind: 'typing' });
    feed(detector, keys('123456', 5, '', 2000));
    detector.reset();
    expect(detector.key({ key: 'Enter', timeStamp: 2031 })).toEqual({ kind: 'typing' });
  });

  it('a slow Enter after a fast burst is a person pressing Enter, not a scanner terminator', () => {
    const events = keys('0011850123', 8, '');
    events.push({ key: 'Enter', timeStamp: events.at(-1)!.timeStamp + 300 });
    expect(feed(createScanDetector(), events).at(-1)).toEqual({ kind: 'typing' });
  });

  it('thresholds are options: a slower Bluetooth scanner at 30 ms/key scans with a wider gap', () => {
    expect(feed(createScanDetector(), keys('ABCDEFGH', 50)).at(-1)).toEqual({ kind: 'typing' });
    expect(feed(createScanDetector({ maxInterKeyMs: 60 }), keys('ABCDEFGH', 50)).at(-1)).toEqual({
      kind: 'scan',
      text: 'ABCDEFGH',
    });
  });

  it('a scanner set up without a suffix scans when its keys stop, if the detector is told so', () => {
    const plain = createScanDetector();
    feed(plain, keys('001185012345', 8, ''));
    expect(plain.idle(1000 + 12 * 8 + 50)).toBeNull();

    const noSuffix = createScanDetector({ requireTerminator: false });
    feed(noSuffix, keys('001185012345', 8, ''));
    expect(noSuffix.idle(1000 + 11 * 8 + 10)).toBeNull();
    expect(noSuffix.idle(1000 + 11 * 8 + 50)).toEqual({ kind: 'scan', text: '001185012345' });
    feed(noSuffix, keys('Ng', 120, '', 5000));
    expect(noSuffix.idle(5400)).toBeNull();
  });
});
