import type { HidDeviceLike } from '../hid-device-like';
import { CtapError } from './ctap-error';
import {
  BROADCAST_CID,
  CtapHidCommand,
  CtapHidFrameError,
  decodeInitResponse,
  encodeMessage,
  MessageAssembler,
  type CtapHidMessage,
  type InitResponse,
} from './ctaphid-frame';

export interface TransactOptions {
  /** How long to wait for the next packet; each KEEPALIVE restarts it. */
  readonly timeoutMs?: number;
  readonly onKeepalive?: (status: number) => void;
}

/** Random bytes for the INIT nonce; Web Crypto exists in Node 20 and in browsers. */
function randomNonce(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(8));
}

/**
 * A CTAPHID channel to one authenticator (CTAP 2.1 §11.2). `open` allocates a
 * channel with CTAPHID_INIT on the broadcast CID and checks the nonce echo;
 * `transact` sends one request and waits for its answer, skipping packets of
 * other channels and honouring KEEPALIVE; CTAPHID_ERROR becomes a CtapError.
 * Writes prefix report ID 0 (FIDO devices declare no report IDs).
 */
export class CtapHidChannel {
  readonly #device: HidDeviceLike;
  readonly cid: number;
  readonly info: InitResponse;

  private constructor(device: HidDeviceLike, info: InitResponse) {
    this.#device = device;
    this.cid = info.cid;
    this.info = info;
  }

  static async open(
    device: HidDeviceLike,
    options: TransactOptions & { readonly nonce?: Uint8Array } = {},
  ): Promise<CtapHidChannel> {
    const nonce = options.nonce ?? randomNonce();
    const reply = await exchange(
      device,
      BROADCAST_CID,
      CtapHidCommand.init,
      nonce,
      options,
      (m) => m.payload.length >= 8 && m.payload.subarray(0, 8).every((b, i) => b === nonce[i]),
    );
    const info = decodeInitResponse(reply.payload);
    if (info.cid === 0 || info.cid === BROADCAST_CID) {
      throw new CtapHidFrameError(`INIT allocated the reserved channel 0x${info.cid.toString(16)}`);
    }
    return new CtapHidChannel(device, info);
  }

  async transact(
    cmd: number,
    payload: Uint8Array,
    options: TransactOptions = {},
  ): Promise<Uint8Array> {
    const reply = await exchange(this.#device, this.cid, cmd, payload, options, () => true);
    if (reply.cmd !== cmd) {
      throw new CtapHidFrameError(
        `answer to 0x${cmd.toString(16)} came as 0x${reply.cmd.toString(16)}`,
      );
    }
    return reply.payload;
  }

  /**
   * An authenticator API command over CTAPHID_CBOR: `command` byte then CBOR
   * parameters; the answer is a status byte then CBOR. A non-zero status
   * becomes a CtapError.
   */
  async cbor(
    command: number,
    parameters: Uint8Array = new Uint8Array(0),
    options: TransactOptions = {},
  ): Promise<Uint8Array> {
    const request = new Uint8Array(1 + parameters.length);
    request[0] = command;
    request.set(parameters, 1);
    const answer = await this.transact(CtapHidCommand.cbor, request, options);
    const status = answer[0];
    if (status === undefined) throw new CtapHidFrameError('empty CBOR answer');
    if (status !== 0) throw new CtapError('ctap2', status);
    return answer.subarray(1);
  }
}

async function exchange(
  device: HidDeviceLike,
  cid: number,
  cmd: number,
  payload: Uint8Array,
  options: TransactOptions,
  accept: (message: CtapHidMessage) => boolean,
): Promise<CtapHidMessage> {
  const timeoutMs = options.timeoutMs ?? 3000;
  for (const packet of encodeMessage(cid, cmd, payload)) {
    const report = new Uint8Array(packet.length + 1);
    report.set(packet, 1);
    await device.write(report);
  }
  const assembler = new MessageAssembler();
  for (;;) {
    const packet = await device.read(timeoutMs);
    if (packet === undefined) throw new CtapError('timeout', 0);
    const message = assembler.push(packet);
    if (message?.cid !== cid) continue;
    if (message.cmd === CtapHidCommand.keepalive) {
      options.onKeepalive?.(message.payload[0] ?? 0);
      continue;
    }
    if (message.cmd === CtapHidCommand.error)
      throw new CtapError('ctaphid', message.payload[0] ?? 0x7f);
    if (accept(message)) return message;
  }
}
