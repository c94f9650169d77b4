import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../iso7816/hex';
import { adjustDesParity } from './kdf';
import { aesCmac, padIso9797m2, retailMac, unpadIso9797m2 } from './primitives';

describe('secure-messaging primitives', () => {
  it('AES-CMAC reproduces the RFC 4493 examples', () => {
    const key = fromHex('2b7e151628aed2a6abf7158809cf4f3c');
    const msg = fromHex(
      '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710',
    );
    expect(toHex(aesCmac(key, new Uint8Array(0)))).toBe('BB1D6929E95937287FA37D129B756746');
    expect(toHex(aesCmac(key, msg.subarray(0, 16)))).toBe('070A16B46B4D4144F79BDD9DD04A287C');
    expect(toHex(aesCmac(key, msg.subarray(0, 40)))).toBe('DFA66747DE9AE63030CA32611497C827');
    expect(toHex(aesCmac(key, msg))).toBe('51F0BEBF7E3B9D92FC49741779363CFE');
  });

  it('the retail MAC reproduces ICAO 9303-11 D.3 M.IFD', () => {
    const kMac = fromHex('7962D9ECE03D1ACD4C76089DCE131543');
    const eIfd = fromHex('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2');
    expect(toHex(retailMac(kMac, eIfd))).toBe('5F1448EEA8AD90A7');
  });

  it('method-2 padding always adds a block boundary and strips back', () => {
    expect(toHex(padIso9797m2(fromHex('011E'), 8))).toBe('011E800000000000');
    expect(toHex(padIso9797m2(new Uint8Array(8), 8)).length).toBe(32);
    expect(unpadIso9797m2(fromHex('0102800000'))).toEqual(fromHex('0102'));
    expect(unpadIso9797m2(fromHex('0102000000'))).toBeNull();
  });

  it('DES parity adjustment gives every byte odd parity', () => {
    const adjusted = adjustDesParity(fromHex('00FF7E81'));
    expect(toHex(adjusted)).toBe('01FE7F80');
  });
});
