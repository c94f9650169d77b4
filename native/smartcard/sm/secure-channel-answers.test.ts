import { describe, expect, it } from 'vitest';
import { ApduChannel } from '../iso7816/apdu-channel';
import { concatBytes, fromHex, toHex } from '../iso7816/hex';
import { scriptedTransport } from '../iso7816/scripted-transport.test-support';
import { padIso9797m2 } from './primitives';
import { SecureChannel } from './secure-channel';
import { des3SmCipher } from './sm-cipher';

// ICAO Doc 9303 Part 11, Appendix D.4: session keys, SSC and the protected
// SELECT EF.COM. The chip's answers below are built from the specification
// with the same keys: its MAC covers SSC+2 ‖ the data objects before DO8E.
const KS_ENC = fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5');
const KS_MAC = fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8');
const SSC = fromHex('887022120C06C226');
const ANSWER_SSC = fromHex('887022120C06C228');
const SELECT_EF_COM = { cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') };
const PROTECTED_SELECT = '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800';
const chip = des3SmCipher(KS_ENC, KS_MAC);

/** `objects` ‖ DO8E (MAC over SSC ‖ `objects`) ‖ `after` ‖ SW, as a chip would answer. */
function answer(objects: string, sw = '9000', after = ''): string {
  const mac = chip.mac(concatBytes(ANSWER_SSC, fromHex(objects)));
  return `${objects}8E08${toHex(mac)}${after}${sw}`;
}

/** The plaintext encrypted as a chip would: E(KSenc, pad(plain)), 3DES-CBC with a zero IV. */
function encrypted(plain: string): string {
  return toHex(chip.encrypt(ANSWER_SSC, padIso9797m2(fromHex(plain), 8)));
}

function channel(response: string): SecureChannel {
  const transport = scriptedTransport([[PROTECTED_SELECT, response]]);
  return new SecureChannel(new ApduChannel(transport), des3SmCipher(KS_ENC, KS_MAC), SSC);
}

/** Sends SELECT EF.COM and returns the error's English text (the call must fail). */
async function refusal(sm: SecureChannel): Promise<string> {
  const error: unknown = await sm.send(SELECT_EF_COM).then(
    () => {
      throw new Error('the answer was accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: 'SECURE_MESSAGING' });
  return (error as { en: string }).en;
}

describe('protected answers that verify', () => {
  it('the answer builder reproduces the D.4 answer to SELECT EF.COM', () => {
    expect(answer('99029000')).toBe('990290008E08FA855A5D4C50A8ED9000');
  });

  it('the status inside the MAC wins over the plain status word, which anyone in the field can rewrite', async () => {
    const res = await channel(answer('99026A82', '9000')).send(SELECT_EF_COM);
    expect(res.sw).toBe(0x6a82);
  });

  it('an answer with no DO99 takes the plain status word', async () => {
    const res = await channel(answer(`870901${encrypted('60145F01')}`, '9000')).send(SELECT_EF_COM);
    expect(toHex(res.data)).toBe('60145F01');
    expect(res.sw).toBe(0x9000);
  });

  it('data in DO85 (odd INS) carries no padding indicator and is decrypted whole', async () => {
    const ciphertext = encrypted('0102030405060708090A');
    expect(ciphertext.slice(0, 2)).not.toBe('01');
    const res = await channel(answer(`8510${ciphertext}99029000`)).send(SELECT_EF_COM);
    expect(toHex(res.data)).toBe('0102030405060708090A');
  });
});

describe('protected answers that are refused and close the session', () => {
  it('a flipped MAC bit is named as a MAC that does not verify', async () => {
    const good = answer('99029000');
    const flipped = `${good.slice(0, -6)}${(parseInt(good.slice(-6, -4), 16) ^ 1).toString(16).padStart(2, '0').toUpperCase()}9000`;
    const sm = channel(flipped);
    expect(await refusal(sm)).toContain('response MAC does not verify');
    expect(await refusal(sm)).toContain('session closed after an earlier failure');
  });

  it('a DO99 that is not two bytes is refused even under a valid MAC', async () => {
    expect(await refusal(channel(answer('9903900000')))).toContain('DO99 is not 2 bytes');
  });

  it('a data object other than DO85, DO87, DO99 or DO8E is refused', async () => {
    expect(await refusal(channel(answer('810100')))).toContain('unexpected data object 81');
  });

  it('an answer without DO8E is refused', async () => {
    expect(await refusal(channel('990290009000'))).toContain('missing or misplaced DO8E');
  });

  it('a DO99 appended after DO8E, outside the MAC, is refused (it would replace the status)', async () => {
    expect(await refusal(channel(answer('99029000', '9000', '99026A82')))).toContain(
      'missing or misplaced DO8E',
    );
  });

  it('a data object cut short is refused', async () => {
    expect(await refusal(channel('8710010203049000'))).toContain('truncated data object');
  });

  it('a DO87 whose padding indicator is not 01 is refused', async () => {
    const objects = `870902${encrypted('60145F01')}99029000`;
    expect(await refusal(channel(answer(objects)))).toContain('unknown padding indicator');
  });

  it('a ciphertext that is not whole 3DES blocks is refused', async () => {
    const objects = `870801${encrypted('60145F01').slice(0, 14)}99029000`;
    expect(await refusal(channel(answer(objects)))).toContain('ciphertext not block aligned');
  });

  it('a plaintext without ISO 9797-1 method 2 padding is refused', async () => {
    const unpadded = toHex(chip.encrypt(ANSWER_SSC, fromHex('60145F0100000000')));
    expect(await refusal(channel(answer(`870901${unpadded}99029000`)))).toContain('bad padding');
  });
});

describe('plain status words (no MAC) are refused and close the session', () => {
  it('9000 is named as a success without a MAC', async () => {
    const sm = channel('9000');
    expect(await refusal(sm)).toContain('success without a MAC');
    expect(await refusal(sm)).toContain('session closed after an earlier failure');
  });

  it('6A82 is named with its status in upper case', async () => {
    expect(await refusal(channel('6A82'))).toContain('status 6A82 without a MAC');
  });

  it('a status word below 1000 is printed with four digits', () => {
    const sm = new SecureChannel(
      { send: () => Promise.reject(new Error('unused')) },
      des3SmCipher(KS_ENC, KS_MAC),
      SSC,
    );
    expect(() => sm.unprotect({ data: new Uint8Array(0), sw: 0x0123 })).toThrow(
      /status 0123 without a MAC/,
    );
  });

  it.each(['6987', '6988'])('%s is named as the chip ending secure messaging', async (sw) => {
    expect(await refusal(channel(sw))).toContain(`the chip ended secure messaging (status ${sw})`);
  });
});
