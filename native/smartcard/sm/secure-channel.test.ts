import { describe, expect, it } from 'vitest';
import { ApduChannel } from '../iso7816/apdu-channel';
import { concatBytes, fromHex, toHex } from '../iso7816/hex';
import { scriptedTransport } from '../iso7816/scripted-transport.test-support';
import { padIso9797m2 } from './primitives';
import { SecureChannel } from './secure-channel';
import { aesSmCipher, des3SmCipher } from './sm-cipher';

const KS_ENC = fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5');
const KS_MAC = fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8');
const SSC = fromHex('887022120C06C226');

describe('3DES secure messaging', () => {
  it('reproduces the ICAO 9303-11 D.4 protected SELECT and READ BINARY exchanges byte for byte', async () => {
    const transport = scriptedTransport([
      [
        '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
        '990290008E08FA855A5D4C50A8ED9000',
      ],
      [
        '0CB000000D9701048E08ED6705417E96BA5500',
        '8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000',
      ],
      [
        '0CB000040D9701128E082EA28A70F3C7B53500',
        '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000',
      ],
    ]);
    const sm = new SecureChannel(new ApduChannel(transport), des3SmCipher(KS_ENC, KS_MAC), SSC);
    const select = await sm.send({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') });
    expect(select.sw).toBe(0x9000);
    expect(toHex(sm.ssc)).toBe('887022120C06C228');
    const head = await sm.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    expect(toHex(head.data)).toBe('60145F01');
    const rest = await sm.send({ cla: 0, ins: 0xb0, p1: 0, p2: 4, ne: 0x12 });
    expect(toHex(rest.data)).toBe('04303130365F36063034303030305C026175');
    expect(toHex(sm.ssc)).toBe('887022120C06C22C');
  });

  it('a response with one flipped MAC bit is refused and closes the session', async () => {
    const transport = scriptedTransport([
      [
        '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
        '990290008E08FA855A5D4C50A8EC9000',
      ],
    ]);
    const sm = new SecureChannel(new ApduChannel(transport), des3SmCipher(KS_ENC, KS_MAC), SSC);
    await expect(
      sm.send({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') }),
    ).rejects.toMatchObject({
      code: 'SECURE_MESSAGING',
    });
    await expect(sm.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 })).rejects.toMatchObject({
      code: 'SECURE_MESSAGING',
    });
  });

  it('a success status without a MAC is refused', async () => {
    const transport = scriptedTransport([
      ['0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800', '9000'],
    ]);
    const sm = new SecureChannel(new ApduChannel(transport), des3SmCipher(KS_ENC, KS_MAC), SSC);
    await expect(
      sm.send({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') }),
    ).rejects.toMatchObject({
      code: 'SECURE_MESSAGING',
    });
  });
  it('an error status without a MAC is refused and closes the session (it could be injected to hide a file)', async () => {
    const transport = scriptedTransport([
      ['0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800', '6A82'],
    ]);
    const sm = new SecureChannel(new ApduChannel(transport), des3SmCipher(KS_ENC, KS_MAC), SSC);
    await expect(
      sm.send({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') }),
    ).rejects.toMatchObject({ code: 'SECURE_MESSAGING' });
    await expect(sm.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 })).rejects.toMatchObject({
      code: 'SECURE_MESSAGING',
    });
  });

  it('the chip ending secure messaging (6987/6988 without a MAC) is refused with the status named', async () => {
    const transport = scriptedTransport([
      ['0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800', '6988'],
    ]);
    const sm = new SecureChannel(new ApduChannel(transport), des3SmCipher(KS_ENC, KS_MAC), SSC);
    const error: unknown = await sm
      .send({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SECURE_MESSAGING' });
    expect(String(error)).toContain('6988');
  });
});

describe('AES secure messaging', () => {
  it('a protected command unprotects to itself when the peer answers with the same keys', () => {
    const key = fromHex('2B7E151628AED2A6ABF7158809CF4F3C');
    const ssc = new Uint8Array(16);
    const ifd = new SecureChannel(
      { send: () => Promise.reject(new Error('unused')) },
      aesSmCipher(key, key),
      ssc,
    );
    const cmd = ifd.protect({ cla: 0, ins: 0xb0, p1: 0x81, p2: 0, ne: 231 });
    expect(toHex(cmd.data ?? new Uint8Array(0))).toMatch(/^9701E78E08[0-9A-F]{16}$/);
    expect(toHex(ifd.ssc)).toBe('00000000000000000000000000000001');
  });
});

describe('protected commands', () => {
  const unused = { send: () => Promise.reject(new Error('unused')) };
  const des3 = () => des3SmCipher(KS_ENC, KS_MAC);

  it('an SSC of the wrong length for the cipher is refused', () => {
    expect(() => new SecureChannel(unused, des3(), new Uint8Array(16))).toThrow(
      new RangeError('SSC must be 8 bytes'),
    );
  });

  it('the SSC it reports is a copy the caller cannot advance', () => {
    const sm = new SecureChannel(unused, des3(), SSC);
    sm.ssc.fill(0);
    expect(toHex(sm.ssc)).toBe('887022120C06C226');
  });

  it('the SSC carries into every byte, up to the first', () => {
    const sm = new SecureChannel(unused, des3(), fromHex('00FFFFFFFFFFFFFF'));
    sm.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    expect(toHex(sm.ssc)).toBe('0100000000000000');
  });

  it('an odd INS puts its data in DO85, encrypted without a padding indicator', () => {
    const sm = new SecureChannel(unused, des3(), SSC);
    const cmd = sm.protect({ cla: 0, ins: 0xb1, p1: 0, p2: 0, data: fromHex('54020100'), ne: 256 });
    const cipher = des3();
    const do85 = concatBytes(
      fromHex('8508'),
      cipher.encrypt(sm.ssc, padIso9797m2(fromHex('54020100'), 8)),
    );
    const mac = cipher.mac(
      concatBytes(sm.ssc, fromHex('0CB1000080000000'), do85, fromHex('970100')),
    );
    expect(toHex(cmd.data ?? new Uint8Array(0))).toBe(`${toHex(do85)}9701008E08${toHex(mac)}`);
  });

  it.each([
    [0, '', 256],
    [255, '9701FF', 256],
    [256, '970100', 256],
    [257, '97020101', 65536],
    [300, '9702012C', 65536],
    [65536, '97020000', 65536],
  ])(
    'Ne %i is sent as DO97 "%s" and the protected command expects %i bytes',
    (ne, do97, outerNe) => {
      const sm = new SecureChannel(unused, des3(), SSC);
      const cmd = sm.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne });
      expect(toHex(cmd.data ?? new Uint8Array(0))).toMatch(new RegExp(`^${do97}8E08[0-9A-F]{16}$`));
      expect(cmd.ne).toBe(outerNe);
    },
  );
});
