import { describe, expect, it } from 'vitest';
import { makeFaceJpeg } from '../../../test/fixtures/cccd/face-jpeg';
import {
  buildCardAccess,
  buildDg1,
  buildDg13,
  buildDg15,
  buildDg2,
  buildEfCom,
} from '../../../test/fixtures/cccd/lds-files';
import { NGUYEN_THI_MAI } from '../../../test/fixtures/cccd/synthetic-person';
import { parseDg1 } from './dg1';
import { parseDg13 } from './dg13';
import { parseDg15 } from './dg15';
import { parseDg2 } from './dg2';
import { parseEfCom } from './ef-com';
import { ParseError } from '../iso7816/parse-error';
import { parseSecurityInfos } from './security-infos';
import { readTlvHeader } from '../iso7816/tlv';

/** Seeded so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Parser = (b: Uint8Array) => unknown;

/** A parser may return or throw ParseError; anything else (TypeError, RangeError, hang) fails. */
function survives(parse: Parser, input: Uint8Array): boolean {
  try {
    parse(input);
    return true;
  } catch (e) {
    return e instanceof ParseError;
  }
}

describe('every LDS parser on random, truncated and mutated input', async () => {
  const face = await makeFaceJpeg();
  const cases: [string, Parser, Uint8Array][] = [
    ['EF.COM', parseEfCom, buildEfCom([0x61, 0x75, 0x63, 0x6d, 0x6f, 0x6e])],
    ['DG1', parseDg1, buildDg1(NGUYEN_THI_MAI.mrz)],
    ['DG2', parseDg2, buildDg2(face.jpeg.subarray(0, 600), face.width, face.height)],
    ['DG13', parseDg13, buildDg13(NGUYEN_THI_MAI)],
    ['DG15', parseDg15, buildDg15(Uint8Array.of(0x30, 3, 2, 1, 0))],
    ['SecurityInfos', parseSecurityInfos, buildCardAccess()],
    ['TLV header', readTlvHeader, Uint8Array.of(0x6d, 0x82, 1, 0)],
  ];

  it.each(cases)('%s throws only ParseError, within bounded time', (_name, parse, valid) => {
    const rnd = prng(valid.length);
    const started = performance.now();
    let inputs = 0;
    const failures: string[] = [];
    const check = (input: Uint8Array): void => {
      inputs++;
      if (!survives(parse, input) && failures.length < 3) {
        failures.push(Buffer.from(input).toString('hex').slice(0, 120));
      }
    };
    // every truncation
    for (let n = 0; n < valid.length; n++) check(valid.subarray(0, n));
    // random bytes, some starting with the right tag
    for (let k = 0; k < 1500; k++) {
      const b = Uint8Array.from({ length: Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256));
      if (k % 2 === 0 && b.length > 0) b[0] = valid[0] ?? 0;
      check(b);
    }
    // single and multiple byte mutations of a valid file (lengths and tags included)
    for (let k = 0; k < 1500; k++) {
      const b = valid.slice();
      const flips = 1 + Math.floor(rnd() * 3);
      for (let f = 0; f < flips; f++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      check(b);
    }
    const ms = performance.now() - started;
    expect(failures).toEqual([]);
    expect(inputs).toBeGreaterThan(3000);
    expect(ms).toBeLessThan(10_000);
  });
});
