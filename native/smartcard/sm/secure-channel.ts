import { cardErrors } from '../errors';
import type { CommandApdu, ResponseApdu } from '../iso7816/apdu';
import type { ApduSender } from '../iso7816/apdu-channel';
import { concatBytes, equalBytes } from '../iso7816/hex';
import { encodeLength, readTlv, type Tlv } from '../iso7816/tlv';
import { padIso9797m2, unpadIso9797m2 } from './primitives';
import type { SmCipher } from './sm-cipher';

/**
 * ISO 7816-4 / ICAO 9303-11 §9.8 secure messaging over an inner channel.
 *
 * Command:  CLA|0C INS P1 P2 Lc [DO87 = 87 L 01 ‖ E(pad(data))] [DO97 = 97 L Le] DO8E Le
 *           DO8E = 8E 08 MAC(SSC+1 ‖ pad(CLA|0C INS P1 P2) ‖ DO87 ‖ DO97)
 * Response: [DO87] [DO99 = 99 02 SW1 SW2] DO8E SW1 SW2
 *           DO8E = 8E 08 MAC(SSC+2 ‖ DO87 ‖ DO99)
 *
 * Every response must carry a MAC that verifies; otherwise the session is
 * torn down and the call fails. That includes a bare status word, error or
 * not. ICAO 9303-11 §9.8 has the chip protect every response once secure
 * messaging is on (DO99 carries the status, DO8E MACs it); the only plain
 * answers it allows are 6987/6988, sent when the chip itself aborts secure
 * messaging and forgets the session keys, so no later command can succeed
 * either. Any other unMACed status is indistinguishable from one injected
 * in the RF field (a forged 6A82 would make DG15 "absent" and skip Active
 * Authentication), so it is refused like a wrong MAC (JMRTD does the same).
 */
export class SecureChannel implements ApduSender {
  readonly #inner: ApduSender;
  readonly #cipher: SmCipher;
  readonly #ssc: Uint8Array;
  #broken = false;

  constructor(inner: ApduSender, cipher: SmCipher, ssc: Uint8Array) {
    if (ssc.length !== cipher.sscLength)
      throw new RangeError(`SSC must be ${cipher.sscLength} bytes`);
    this.#inner = inner;
    this.#cipher = cipher;
    this.#ssc = ssc.slice();
  }

  get cipherName(): SmCipher['name'] {
    return this.#cipher.name;
  }

  /** The current send-sequence counter (a copy). */
  get ssc(): Uint8Array {
    return this.#ssc.slice();
  }

  /** The protected form of `cmd`; advances the SSC. */
  protect(cmd: CommandApdu): CommandApdu {
    const bs = this.#cipher.blockSize;
    const cla = (cmd.cla & 0xf0) | 0x0c;
    const header = padIso9797m2(Uint8Array.of(cla, cmd.ins, cmd.p1, cmd.p2), bs);
    let do87: Uint8Array = new Uint8Array(0);
    const data = cmd.data ?? new Uint8Array(0);
    this.#increment();
    if (data.length > 0) {
      const encrypted = this.#cipher.encrypt(this.#ssc, padIso9797m2(data, bs));
      const odd = (cmd.ins & 1) === 1;
      const value = odd ? encrypted : concatBytes(Uint8Array.of(0x01), encrypted);
      do87 = concatBytes(Uint8Array.of(odd ? 0x85 : 0x87, ...encodeLength(value.length)), value);
    }
    const ne = cmd.ne ?? 0;
    let do97: Uint8Array = new Uint8Array(0);
    if (ne > 0) {
      const le = ne > 256 ? [ne === 65536 ? 0 : ne >> 8, ne & 0xff] : [ne === 256 ? 0 : ne];
      do97 = Uint8Array.of(0x97, le.length, ...le);
    }
    const mac = this.#cipher.mac(concatBytes(this.#ssc, header, do87, do97));
    const body = concatBytes(do87, do97, Uint8Array.of(0x8e, 0x08), mac);
    return { cla, ins: cmd.ins, p1: cmd.p1, p2: cmd.p2, data: body, ne: ne > 256 ? 65536 : 256 };
  }

  /** Verifies and decrypts a protected response; advances the SSC. */
  unprotect(res: ResponseApdu): ResponseApdu {
    if (res.data.length === 0) {
      const sw = res.sw.toString(16).toUpperCase().padStart(4, '0');
      if (res.sw === 0x9000) throw this.#fail('success without a MAC');
      if (res.sw === 0x6987 || res.sw === 0x6988)
        throw this.#fail(`the chip ended secure messaging (status ${sw})`);
      throw this.#fail(`status ${sw} without a MAC`);
    }
    let offset = 0;
    let do87: { value: Uint8Array; odd: boolean } | null = null;
    let sw: number | null = null;
    let macStart = -1;
    let mac: Uint8Array | null = null;
    while (offset < res.data.length) {
      let h: Tlv;
      try {
        h = readTlv(res.data, offset);
      } catch {
        throw this.#fail('truncated data object');
      }
      const value = h.value;
      if (h.tag === 0x87 || h.tag === 0x85) do87 = { value, odd: h.tag === 0x85 };
      else if (h.tag === 0x99) {
        if (value.length !== 2) throw this.#fail('DO99 is not 2 bytes');
        sw = ((value[0] ?? 0) << 8) | (value[1] ?? 0);
      } else if (h.tag === 0x8e) {
        macStart = offset;
        mac = value;
      } else throw this.#fail(`unexpected data object ${h.tag.toString(16)}`);
      offset = h.end;
      if (mac !== null) break;
    }
    if (mac === null || offset !== res.data.length) throw this.#fail('missing or misplaced DO8E');
    this.#increment();
    const expected = this.#cipher.mac(concatBytes(this.#ssc, res.data.subarray(0, macStart)));
    if (!equalBytes(expected, mac)) throw this.#fail('response MAC does not verify');
    let data: Uint8Array = new Uint8Array(0);
    if (do87 !== null) {
      const ciphertext = do87.odd ? do87.value : do87.value.subarray(1);
      if (!do87.odd && do87.value[0] !== 0x01) throw this.#fail('unknown padding indicator');
      if (ciphertext.length % this.#cipher.blockSize !== 0)
        throw this.#fail('ciphertext not block aligned');
      const plain = unpadIso9797m2(this.#cipher.decrypt(this.#ssc, ciphertext));
      if (plain === null) throw this.#fail('bad padding');
      data = plain;
    }
    return { data, sw: sw ?? res.sw };
  }

  async send(cmd: CommandApdu): Promise<ResponseApdu> {
    if (this.#broken) throw cardErrors.secureMessaging('session closed after an earlier failure');
    const protectedCmd = this.protect(cmd);
    const res = await this.#inner.send(protectedCmd);
    return this.unprotect(res);
  }

  #increment(): void {
    for (let i = this.#ssc.length - 1; i >= 0; i--) {
      const v = ((this.#ssc[i] ?? 0) + 1) & 0xff;
      this.#ssc[i] = v;
      if (v !== 0) break;
    }
  }

  #fail(detail: string): Error {
    this.#broken = true;
    return cardErrors.secureMessaging(detail);
  }
}
