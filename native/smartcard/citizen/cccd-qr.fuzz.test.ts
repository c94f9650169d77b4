import { describe, expect, it } from 'vitest';
import { CitizenError, parseCccdQr } from './index';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QR = '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 1 Phố Giả Định, Hà Nội|10052021';
const ALPHABET = '0123456789|<>ÃáºÄÆ…ễịữ \u0000\uFEFF\r\nabcNam';

describe('the QR parser on random and damaged text', () => {
  it('returns a valid Citizen or throws CitizenError, for 5000 inputs', () => {
    const rnd = prng(7);
    const pick = (): string => ALPHABET.charAt(Math.floor(rnd() * ALPHABET.length));
    const others: string[] = [];
    for (let k = 0; k < 5000; k++) {
      let text: string;
      if (k % 3 === 0) text = Array.from({ length: Math.floor(rnd() * 60) }, pick).join('');
      else if (k % 3 === 1) text = QR.slice(0, Math.floor(rnd() * QR.length));
      else {
        const at = Math.floor(rnd() * QR.length);
        text = QR.slice(0, at) + pick() + QR.slice(at + 1);
      }
      try {
        const c = parseCccdQr(text);
        expect(c.id).toMatch(/^\d{12}$/);
      } catch (e) {
        if (!(e instanceof CitizenError)) others.push(String(e));
      }
    }
    expect(others.slice(0, 3)).toEqual([]);
  });
});
