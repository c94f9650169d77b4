import { CardError, cardErrors } from '../errors';
import type { CardTransport } from '../iso7816/card-transport';
import { PCSC, pcscErrorCode, type PcscReaderHandle } from './pcsclite-binding';

/** Room for an extended-length response (64 KiB + SW) under secure messaging. */
const RECEIVE_BUFFER = 65536 + 2;

/** Maps a binding error to what the clerk should do. */
export function cardErrorFromPcsc(error: unknown): CardError {
  if (error instanceof CardError) return error;
  switch (pcscErrorCode(error)) {
    case PCSC.W_REMOVED_CARD:
    case PCSC.E_NO_SMARTCARD:
    case PCSC.W_RESET_CARD:
    case PCSC.W_UNPOWERED_CARD:
    case PCSC.W_UNRESPONSIVE_CARD:
    case PCSC.E_NOT_TRANSACTED: // how vpcd and contactless readers report a card that left mid-exchange
      return cardErrors.cardRemoved(error);
    case PCSC.E_NO_SERVICE:
    case PCSC.E_SERVICE_STOPPED:
    case PCSC.E_INVALID_HANDLE:
      return cardErrors.pcscdDown(error);
    case PCSC.E_SHARING_VIOLATION:
      return cardErrors.readerBusy(error);
    case PCSC.E_UNKNOWN_READER:
    case PCSC.E_READER_UNAVAILABLE:
    case PCSC.E_NO_READERS_AVAILABLE:
      return cardErrors.noReader();
    default:
      return cardErrors.transport(error);
  }
}

/**
 * A card connected exclusively (SCARD_SHARE_EXCLUSIVE: no other process can
 * talk to it until `release`). Implements the CardTransport every protocol
 * layer sits on. After `release` or a removal, every transmit rejects.
 */
export class PcscCard implements CardTransport {
  readonly reader: string;
  readonly atr: Uint8Array;
  readonly #handle: PcscReaderHandle;
  readonly #protocol: number;
  #open = true;

  private constructor(handle: PcscReaderHandle, protocol: number, atr: Uint8Array) {
    this.reader = handle.name;
    this.#handle = handle;
    this.#protocol = protocol;
    this.atr = atr;
  }

  static connect(handle: PcscReaderHandle, atr: Uint8Array): Promise<PcscCard> {
    return new Promise((resolve, reject) => {
      handle.connect(
        {
          share_mode: handle.SCARD_SHARE_EXCLUSIVE,
          protocol: handle.SCARD_PROTOCOL_T0 | handle.SCARD_PROTOCOL_T1,
        },
        (err, protocol) => {
          if (err) reject(cardErrorFromPcsc(err));
          else resolve(new PcscCard(handle, protocol, atr));
        },
      );
    });
  }

  transmit(apdu: Uint8Array): Promise<Uint8Array> {
    if (!this.#open) return Promise.reject(cardErrors.cardRemoved());
    return new Promise((resolve, reject) => {
      this.#handle.transmit(Buffer.from(apdu), RECEIVE_BUFFER, this.#protocol, (err, data) => {
        if (err) {
          const mapped = cardErrorFromPcsc(err);
          if (mapped.code === 'CARD_REMOVED' || mapped.code === 'PCSCD_DOWN') this.#open = false;
          reject(mapped);
        } else resolve(new Uint8Array(data));
      });
    });
  }

  /** Marks the card gone (the bridge saw it leave the reader). */
  invalidate(): void {
    this.#open = false;
  }

  /** Ends the exclusive session and resets the chip, so no secure channel survives us. */
  release(): Promise<void> {
    this.#open = false;
    return new Promise((resolve) => {
      if (!this.#handle.connected) {
        resolve();
        return;
      }
      this.#handle.disconnect(this.#handle.SCARD_RESET_CARD, () => {
        resolve();
      });
    });
  }
}
