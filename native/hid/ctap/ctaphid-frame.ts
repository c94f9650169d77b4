/**
 * CTAPHID framing (FIDO CTAP 2.1 §11.2.4, §11.2.9). Pure.
 *
 * A message travels in 64-byte HID reports:
 * ```
 * initialization packet             continuation packet
 * 0..3  CID  channel id             0..3  CID
 * 4     CMD  command | 0x80         4     SEQ  0x00..0x7F
 * 5     BCNTH  payload length, high 5..63 DATA (59 bytes)
 * 6     BCNTL  payload length, low
 * 7..63 DATA (57 bytes)
 * ```
 * so a message carries at most 57 + 128 × 59 = 7609 bytes. Unused bytes are 0.
 */
export const PACKET_SIZE = 64;
export const INIT_DATA = PACKET_SIZE - 7;
export const CONT_DATA = PACKET_SIZE - 5;
export const MAX_PAYLOAD = INIT_DATA + 128 * CONT_DATA;
export const BROADCAST_CID = 0xffffffff;

/** Commands (§11.2.9), without the 0x80 initialization-packet bit. */
export const CtapHidCommand = {
  ping: 0x01,
  msg: 0x03,
  lock: 0x04,
  init: 0x06,
  wink: 0x08,
  cbor: 0x10,
  cancel: 0x11,
  keepalive: 0x3b,
  error: 0x3f,
} as const;

/** CTAPHID_ERROR codes (§11.2.9.1.6). */
export const ctapHidErrorNames: Readonly<Record<number, string>> = {
  0x01: 'ERR_INVALID_CMD',
  0x02: 'ERR_INVALID_PAR',
  0x03: 'ERR_INVALID_LEN',
  0x04: 'ERR_INVALID_SEQ',
  0x05: 'ERR_MSG_TIMEOUT',
  0x06: 'ERR_CHANNEL_BUSY',
  0x0a: 'ERR_LOCK_REQUIRED',
  0x0b: 'ERR_INVALID_CHANNEL',
  0x7f: 'ERR_OTHER',
};

/** CTAPHID_KEEPALIVE status (§11.2.9.2.1): the authenticator is busy or waits for the user. */
export const KeepaliveStatus = { processing: 1, upNeeded: 2 } as const;

export interface CtapHidMessage {
  readonly cid: number;
  readonly cmd: number;
  readonly payload: Uint8Array;
}

export class CtapHidFrameError extends Error {
  override readonly name = 'CtapHidFrameError';
}

/** The packets of one message, each PACKET_SIZE bytes (no HID report-ID byte). */
export function encodeMessage(cid: number, cmd: number, payload: Uint8Array): Uint8Array[] {
  if (payload.length > MAX_PAYLOAD) {
    throw new CtapHidFrameError(`payload of ${payload.length} bytes exceeds ${MAX_PAYLOAD}`);
  }
  const packets: Uint8Array[] = [];
  const first = new Uint8Array(PACKET_SIZE);
  const view = new DataView(first.buffer);
  view.setUint32(0, cid >>> 0);
  first[4] = 0x80 | cmd;
  view.setUint16(5, payload.length);
  first.set(payload.subarray(0, INIT_DATA), 7);
  packets.push(first);
  for (let at = INIT_DATA, seq = 0; at < payload.length; at += CONT_DATA, seq++) {
    const packet = new Uint8Array(PACKET_SIZE);
    new DataView(packet.buffer).setUint32(0, cid >>> 0);
    packet[4] = seq;
    packet.set(payload.subarray(at, at + CONT_DATA), 5);
    packets.push(packet);
  }
  return packets;
}

/**
 * Reassembles messages from packets of any channel, one message in flight per
 * channel. A continuation out of sequence is an error (§11.2.4); a continuation
 * with no message in flight is ignored, as the specification allows a host to
 * drop a stale transaction.
 */
export class MessageAssembler {
  readonly #pending = new Map<
    number,
    { cmd: number; data: Uint8Array; have: number; seq: number }
  >();

  push(packet: Uint8Array): CtapHidMessage | undefined {
    if (packet.length < 7)
      throw new CtapHidFrameError(`packet of ${packet.length} bytes is too short`);
    const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
    const cid = view.getUint32(0);
    const head = packet[4] ?? 0;
    if ((head & 0x80) !== 0) {
      const length = view.getUint16(5);
      if (length > MAX_PAYLOAD)
        throw new CtapHidFrameError(`announced length ${length} exceeds ${MAX_PAYLOAD}`);
      const data = new Uint8Array(length);
      const chunk = packet.subarray(7, 7 + Math.min(length, INIT_DATA));
      data.set(chunk);
      return this.#complete(cid, { cmd: head & 0x7f, data, have: chunk.length, seq: 0 });
    }
    const pending = this.#pending.get(cid);
    if (!pending) return undefined;
    if (head !== pending.seq) {
      this.#pending.delete(cid);
      throw new CtapHidFrameError(`continuation seq ${head} where ${pending.seq} was expected`);
    }
    const chunk = packet.subarray(5, 5 + Math.min(pending.data.length - pending.have, CONT_DATA));
    pending.data.set(chunk, pending.have);
    return this.#complete(cid, {
      ...pending,
      have: pending.have + chunk.length,
      seq: pending.seq + 1,
    });
  }

  #complete(
    cid: number,
    state: { cmd: number; data: Uint8Array; have: number; seq: number },
  ): CtapHidMessage | undefined {
    if (state.have < state.data.length) {
      this.#pending.set(cid, state);
      return undefined;
    }
    this.#pending.delete(cid);
    return { cid, cmd: state.cmd, payload: state.data };
  }
}

/**
 * CTAPHID_INIT response payload (§11.2.9.1.3), 17 bytes:
 * ```
 * 0..7   nonce echoed from the request
 * 8..11  the allocated channel id
 * 12     CTAPHID protocol version (2)
 * 13..15 device version major, minor, build
 * 16     capabilities: 0x01 WINK, 0x04 CBOR, 0x08 NMSG (no CTAPHID_MSG)
 * ```
 */
export interface InitResponse {
  readonly nonce: Uint8Array;
  readonly cid: number;
  readonly protocolVersion: number;
  readonly deviceVersion: readonly [number, number, number];
  readonly capabilities: { readonly wink: boolean; readonly cbor: boolean; readonly nmsg: boolean };
}

export function decodeInitResponse(payload: Uint8Array): InitResponse {
  if (payload.length < 17)
    throw new CtapHidFrameError(`INIT response of ${payload.length} bytes, expected 17`);
  const caps = payload[16] ?? 0;
  return {
    nonce: payload.slice(0, 8),
    cid: new DataView(payload.buffer, payload.byteOffset + 8, 4).getUint32(0),
    protocolVersion: payload[12] ?? 0,
    deviceVersion: [payload[13] ?? 0, payload[14] ?? 0, payload[15] ?? 0],
    capabilities: {
      wink: (caps & 0x01) !== 0,
      cbor: (caps & 0x04) !== 0,
      nmsg: (caps & 0x08) !== 0,
    },
  };
}

export function encodeInitResponse(response: InitResponse): Uint8Array {
  const out = new Uint8Array(17);
  out.set(response.nonce.subarray(0, 8), 0);
  new DataView(out.buffer).setUint32(8, response.cid >>> 0);
  out[12] = response.protocolVersion;
  out.set(response.deviceVersion, 13);
  const c = response.capabilities;
  out[16] = (c.wink ? 0x01 : 0) | (c.cbor ? 0x04 : 0) | (c.nmsg ? 0x08 : 0);
  return out;
}
