import { describe, expect, it } from 'vitest';
import { annotatedHex } from '../annotated-hex';
import {
  BROADCAST_CID,
  CtapHidCommand,
  CtapHidFrameError,
  decodeInitResponse,
  encodeMessage,
  MAX_PAYLOAD,
  MessageAssembler,
} from './ctaphid-frame';

/** A 64-byte packet from its leading bytes, zero-padded as CTAP 2.1 §11.2.4 requires. */
const packet = (listing: string): Uint8Array => {
  const out = new Uint8Array(64);
  out.set(annotatedHex(listing));
  return out;
};

const NONCE = annotatedHex('c5 3d 1a 8f 62 0e 47 b9');

describe('CTAPHID framing (CTAP 2.1 §11.2)', () => {
  it('CTAPHID_INIT on the broadcast channel is one packet: CID, 0x86, length 8, nonce', () => {
    expect(encodeMessage(BROADCAST_CID, CtapHidCommand.init, NONCE)).toEqual([
      packet(`
        ff ff ff ff              CID broadcast
        86                       CTAPHID_INIT | 0x80
        00 08                    BCNT 8
        c5 3d 1a 8f 62 0e 47 b9  nonce
      `),
    ]);
  });

  it('the INIT answer gives the nonce back, the new channel, protocol 2 and capabilities', () => {
    const message = new MessageAssembler().push(
      packet(`
        ff ff ff ff              CID broadcast
        86 00 11                 CTAPHID_INIT, 17 bytes
        c5 3d 1a 8f 62 0e 47 b9  nonce
        00 1d 2e 3f              allocated CID
        02                       CTAPHID protocol version
        05 02 07                 device version 5.2.7
        05                       capabilities WINK | CBOR
      `),
    );
    expect(message?.cmd).toBe(CtapHidCommand.init);
    const init = decodeInitResponse(message!.payload);
    expect(init.nonce).toEqual(NONCE);
    expect(init.cid).toBe(0x001d2e3f);
    expect(init.protocolVersion).toBe(2);
    expect(init.deviceVersion).toEqual([5, 2, 7]);
    expect(init.capabilities).toEqual({ wink: true, cbor: true, nmsg: false });
  });

  it('authenticatorGetInfo is CTAPHID_CBOR with the single command byte 0x04', () => {
    expect(encodeMessage(0x001d2e3f, CtapHidCommand.cbor, Uint8Array.of(0x04))).toEqual([
      packet('00 1d 2e 3f  90  00 01  04   CID, CTAPHID_CBOR, BCNT 1, authenticatorGetInfo'),
    ]);
  });

  it('the 90-byte getInfo answer arrives as an initialization packet and one continuation (seq 0)', () => {
    const init = packet(`
      00 1d 2e 3f 90 00 5a                             CID, CTAPHID_CBOR, BCNT 90
      00                                               status CTAP2_OK
      a6 01 82 66 55 32 46 5f 56 32 68 46 49 44 4f 5f  {1: ["U2F_V2", "FIDO_
      32 5f 30 02 82 63 75 76 6d 6b 68 6d 61 63 2d 73  2_0"], 2: ["uvm", "hmac-s
      65 63 72 65 74 03 50 f8 a0 11 f3 8c 0a 4d 15 80  ecret"], 3: h'F8A011F38C0A4D1580
      06 17 11 1f 9e dc 7d 04                          0617111F9EDC7D', 4:
    `);
    const cont = packet(`
      00 1d 2e 3f 00                                   CID, SEQ 0
      a4 62 72 6b f5 62 75 70 f5 64 70 6c 61 74 f4 69  {"rk": true, "up": true, "plat": false, "
      63 6c 69 65 6e 74 50 69 6e f4 05 19 04 b0 06 81  clientPin": false}, 5: 1200, 6: [
      01                                               1]}
    `);
    const assembler = new MessageAssembler();
    expect(assembler.push(init)).toBeUndefined();
    const message = assembler.push(cont);
    expect(message?.payload.length).toBe(90);
    expect(Buffer.from(message!.payload).toString('hex')).toBe(
      '00a60182665532465f5632684649444f5f325f3002826375766d6b686d61632d7365637265740350f8a011f38c0a4d15800617111f9edc7d04a462726bf5627570f564706c6174f469636c69656e7450696ef4051904b0068101',
    );
    expect(encodeMessage(0x001d2e3f, CtapHidCommand.cbor, message!.payload)).toEqual([init, cont]);
  });

  it('KEEPALIVE and ERROR frames carry one status byte', () => {
    const assembler = new MessageAssembler();
    expect(assembler.push(packet('00 1d 2e 3f bb 00 01 02  KEEPALIVE, UPNEEDED'))).toMatchObject({
      cmd: CtapHidCommand.keepalive,
      payload: Uint8Array.of(2),
    });
    expect(
      assembler.push(packet('00 1d 2e 3f bf 00 01 0b  ERROR, ERR_INVALID_CHANNEL')),
    ).toMatchObject({
      cmd: CtapHidCommand.error,
      payload: Uint8Array.of(0x0b),
    });
  });

  it('the largest message is 7609 bytes in 129 packets; one byte more is refused', () => {
    const big = Uint8Array.from({ length: MAX_PAYLOAD }, (_, i) => i & 0xff);
    const packets = encodeMessage(1, CtapHidCommand.cbor, big);
    expect(MAX_PAYLOAD).toBe(7609);
    expect(packets).toHaveLength(129);
    expect(packets[128]?.[4]).toBe(127);
    const assembler = new MessageAssembler();
    const results = packets.map((p) => assembler.push(p));
    expect(results[128]?.payload).toEqual(big);
    expect(() => encodeMessage(1, CtapHidCommand.cbor, new Uint8Array(MAX_PAYLOAD + 1))).toThrow(
      CtapHidFrameError,
    );
  });

  it('a continuation out of sequence is rejected, and interleaved channels are kept apart', () => {
    const a = encodeMessage(0xa, CtapHidCommand.ping, new Uint8Array(100).fill(0xaa));
    const b = encodeMessage(0xb, CtapHidCommand.ping, new Uint8Array(100).fill(0xbb));
    const assembler = new MessageAssembler();
    expect(assembler.push(a[0]!)).toBeUndefined();
    expect(assembler.push(b[0]!)).toBeUndefined();
    expect(assembler.push(b[1]!)?.payload.every((x) => x === 0xbb)).toBe(true);
    expect(assembler.push(a[1]!)?.payload.every((x) => x === 0xaa)).toBe(true);

    const c = encodeMessage(0xc, CtapHidCommand.ping, new Uint8Array(200));
    assembler.push(c[0]!);
    expect(() => assembler.push(c[2]!)).toThrow(/seq 1 where 0/);
  });
});
