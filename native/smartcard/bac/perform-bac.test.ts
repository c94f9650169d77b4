import { describe, expect, it } from 'vitest';
import { bacKeyInput } from '../mrz';
import { ApduChannel } from '../iso7816/apdu-channel';
import { fromHex, toHex } from '../iso7816/hex';
import { scriptedTransport } from '../iso7816/scripted-transport.test-support';
import { bacKeys } from './bac-keys';
import { performBac } from './perform-bac';

// ICAO Doc 9303 Part 11, Appendix D.2/D.3 (passport L898902C<, born 690806, expires 940623).
const ICAO_MRZ_INFO = 'L898902C<369080619406236';

describe('BAC key derivation', () => {
  it('reproduces the ICAO 9303-11 D.2 key seed, Kenc and Kmac', () => {
    expect(
      bacKeyInput({ documentNumber: 'L898902C', birthDate: '690806', expiryDate: '940623' }),
    ).toBe(ICAO_MRZ_INFO);
    const keys = bacKeys(ICAO_MRZ_INFO);
    expect(toHex(keys.seed)).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
    expect(toHex(keys.kEnc)).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(toHex(keys.kMac)).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });

  it('derives the synthetic CCCD keys of the cccd note from a 9-digit document number', () => {
    const info = bacKeyInput({
      documentNumber: '185012345',
      birthDate: '850314',
      expiryDate: '250314',
    });
    expect(info).toBe('185012345985031492503147');
    const keys = bacKeys(info);
    expect(toHex(keys.seed)).toBe('DDFFF8A2C82E09F2249BC9D75EBC261C');
    expect(toHex(keys.kEnc)).toBe('6223C13DF7ECDCA4620719801FC24A29');
    expect(toHex(keys.kMac)).toBe('0DD949084F4C85B9C8FBDA6E57587645');
  });
});

describe('BAC mutual authentication', () => {
  it('reproduces the ICAO 9303-11 D.3 exchange, session keys and SSC byte for byte', async () => {
    const transport = scriptedTransport([
      ['0084000008', '4608F919887022129000'],
      [
        '0082000028 72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2 5F1448EEA8AD90A7 28',
        '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449 9000',
      ],
    ]);
    const session = await performBac(new ApduChannel(transport), ICAO_MRZ_INFO, {
      rndIfd: () => fromHex('781723860C06C226'),
      kIfd: () => fromHex('0B795240CB7049B01C19B33E32804F0B'),
    });
    expect(toHex(session.ksEnc)).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
    expect(toHex(session.ksMac)).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8');
    expect(toHex(session.ssc)).toBe('887022120C06C226');
    expect(transport.remaining()).toBe(0);
  });

  it('a rejected EXTERNAL AUTHENTICATE is reported as wrong MRZ data after one attempt', async () => {
    const transport = scriptedTransport([
      ['0084000008', '4608F919887022129000'],
      [
        '0082000028 72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2 5F1448EEA8AD90A7 28',
        '6300',
      ],
    ]);
    const attempt = performBac(new ApduChannel(transport), ICAO_MRZ_INFO, {
      rndIfd: () => fromHex('781723860C06C226'),
      kIfd: () => fromHex('0B795240CB7049B01C19B33E32804F0B'),
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
      vi: expect.stringContaining('Thông tin MRZ không khớp với thẻ') as unknown,
    });
    expect(transport.remaining()).toBe(0);
  });
});
