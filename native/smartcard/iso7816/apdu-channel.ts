import { encodeCommand, parseResponse, type CommandApdu, type ResponseApdu } from './apdu';
import { cardErrors } from '../errors';
import type { CardTransport } from './card-transport';

/** Anything that answers a command APDU: the plain channel, or a secure channel above it. */
export interface ApduSender {
  send(cmd: CommandApdu): Promise<ResponseApdu>;
}

/** Traffic counters of one read, for the CLI, the API and the benchmark. */
export interface ApduCounters {
  apdus: number;
  bytesSent: number;
  bytesReceived: number;
}

/** Bounds the 61xx loop so a misbehaving card cannot keep us busy forever. */
const MAX_GET_RESPONSE = 64;

/**
 * The ISO 7816-4 transmission layer over a CardTransport: encodes commands
 * (short, or extended when needed), follows 61xx with GET RESPONSE and
 * retries once with Le = xx on 6Cxx. Every physical exchange is counted.
 */
export class ApduChannel implements ApduSender {
  readonly #transport: CardTransport;
  readonly counters: ApduCounters = { apdus: 0, bytesSent: 0, bytesReceived: 0 };

  constructor(transport: CardTransport) {
    this.#transport = transport;
  }

  async send(cmd: CommandApdu): Promise<ResponseApdu> {
    let res = await this.#exchange(encodeCommand(cmd));
    if (res.sw >> 8 === 0x6c) {
      const ne = res.sw & 0xff || 256;
      res = await this.#exchange(encodeCommand({ ...cmd, ne }));
    }
    if (res.sw >> 8 !== 0x61) return res;
    const chunks: Uint8Array[] = [res.data];
    for (let i = 0; i < MAX_GET_RESPONSE && res.sw >> 8 === 0x61; i++) {
      const ne = res.sw & 0xff || 256;
      res = await this.#exchange(
        encodeCommand({ cla: cmd.cla & 0x03, ins: 0xc0, p1: 0, p2: 0, ne }),
      );
      chunks.push(res.data);
    }
    let length = 0;
    for (const c of chunks) length += c.length;
    const data = new Uint8Array(length);
    let offset = 0;
    for (const c of chunks) {
      data.set(c, offset);
      offset += c.length;
    }
    return { data, sw: res.sw };
  }

  /** One counted exchange of raw bytes, for protocol code that encodes its own APDUs (PACE). */
  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    this.counters.apdus++;
    this.counters.bytesSent += apdu.length;
    const raw = await this.#transport.transmit(apdu);
    this.counters.bytesReceived += raw.length;
    // No status word at all: the chip stopped answering (it left the reader's field).
    if (raw.length < 2) throw cardErrors.cardRemoved();
    return raw;
  }

  async #exchange(apdu: Uint8Array): Promise<ResponseApdu> {
    return parseResponse(await this.transmit(apdu));
  }
}
