import { InProcessHidDevice } from '../in-process-hid-device';
import {
  BROADCAST_CID,
  CtapHidCommand,
  encodeInitResponse,
  encodeMessage,
  KeepaliveStatus,
  MessageAssembler,
  PACKET_SIZE,
  type CtapHidMessage,
} from './ctaphid-frame';
import { AUTHENTICATOR_GET_INFO } from './get-info';

/**
 * The authenticatorGetInfo example of CTAP 2.0 §5.4, kept in CTAP 2.1 §6.4:
 * `{1: ["U2F_V2", "FIDO_2_0"], 2: ["uvm", "hmac-secret"],
 *   3: h'F8A011F38C0A4D15800617111F9EDC7D',
 *   4: {"rk": true, "up": true, "plat": false, "clientPin": false},
 *   5: 1200, 6: [1]}` in canonical CBOR.
 */
export const SPEC_GET_INFO_EXAMPLE = Uint8Array.from(
  Buffer.from(
    'a6' +
      '0182665532465f5632684649444f5f325f30' +
      '02826375766d6b686d61632d736563726574' +
      '0350f8a011f38c0a4d15800617111f9edc7d' +
      '04a462726bf5627570f564706c6174f469636c69656e7450696ef4' +
      '051904b0' +
      '068101',
    'hex',
  ),
);

export interface VirtualAuthenticatorOptions {
  /** The CBOR map answered to authenticatorGetInfo (status 0 is prepended). */
  readonly getInfo?: Uint8Array;
  /** KEEPALIVE(PROCESSING) packets sent before each CBOR answer. */
  readonly keepalives?: number;
  /** The first channel id INIT allocates. */
  readonly firstCid?: number;
}

/**
 * An in-process FIDO authenticator on the CTAPHID transport, for tests and
 * demos without a security key: it answers INIT (allocating channels), PING,
 * and CBOR authenticatorGetInfo with the specification's example; anything
 * else gets the errors CTAP 2.1 §11.2 prescribes. It is a peer for the
 * protocol code, not a credential store.
 */
export class VirtualAuthenticator {
  readonly device: InProcessHidDevice;
  readonly #assembler = new MessageAssembler();
  readonly #getInfo: Uint8Array;
  readonly #keepalives: number;
  readonly #channels = new Set<number>();
  #nextCid: number;
  /** Requests seen, for tests that check what the host sent. */
  readonly received: CtapHidMessage[] = [];

  constructor(path = 'virtual:fido', options: VirtualAuthenticatorOptions = {}) {
    this.#getInfo = options.getInfo ?? SPEC_GET_INFO_EXAMPLE;
    this.#keepalives = options.keepalives ?? 1;
    this.#nextCid = options.firstCid ?? 0x0c0ffee0;
    this.device = new InProcessHidDevice(path, (report) => {
      this.#onReport(report);
    });
  }

  #onReport(report: Uint8Array): void {
    // node-hid writes carry report ID 0 first; the authenticator sees 64 bytes.
    const packet = report.length === PACKET_SIZE + 1 ? report.subarray(1) : report;
    let message: CtapHidMessage | undefined;
    try {
      message = this.#assembler.push(packet);
    } catch {
      this.#send(
        new DataView(packet.buffer, packet.byteOffset).getUint32(0),
        CtapHidCommand.error,
        [0x04],
      );
      return;
    }
    if (!message) return;
    const request = message;
    this.received.push(request);
    setImmediate(() => {
      this.#answer(request);
    });
  }

  #answer({ cid, cmd, payload }: CtapHidMessage): void {
    if (cmd === CtapHidCommand.init) {
      if (payload.length !== 8) {
        this.#send(cid, CtapHidCommand.error, [0x03]);
        return;
      }
      const allocated = cid === BROADCAST_CID ? this.#nextCid++ : cid;
      this.#channels.add(allocated);
      const body = encodeInitResponse({
        nonce: payload,
        cid: allocated,
        protocolVersion: 2,
        deviceVersion: [1, 0, 0],
        capabilities: { wink: false, cbor: true, nmsg: true },
      });
      this.#send(cid, CtapHidCommand.init, body);
      return;
    }
    if (!this.#channels.has(cid)) {
      this.#send(cid, CtapHidCommand.error, [0x0b]);
      return;
    }
    if (cmd === CtapHidCommand.ping) {
      this.#send(cid, cmd, payload);
      return;
    }
    if (cmd !== CtapHidCommand.cbor) {
      this.#send(cid, CtapHidCommand.error, [0x01]);
      return;
    }
    for (let i = 0; i < this.#keepalives; i++) {
      this.#send(cid, CtapHidCommand.keepalive, [KeepaliveStatus.processing]);
    }
    if (payload[0] !== AUTHENTICATOR_GET_INFO) {
      this.#send(cid, cmd, [0x01]);
      return;
    }
    const answer = new Uint8Array(1 + this.#getInfo.length);
    answer.set(this.#getInfo, 1);
    this.#send(cid, cmd, answer);
  }

  #send(cid: number, cmd: number, payload: Uint8Array | readonly number[]): void {
    for (const packet of encodeMessage(cid, cmd, Uint8Array.from(payload)))
      this.device.deliver(packet);
  }
}
