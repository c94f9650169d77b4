import { constants, promises as fs } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatPrinterAddress, type PrinterAddress } from './printer-address';
import { TicketPrinterError } from './ticket-printer-error';

/** A byte pipe to the printer, both ways; every wait is bounded. */
export interface PrinterLink {
  write(bytes: Uint8Array): Promise<void>;
  /** Exactly `count` bytes the printer sent, or null when they did not all come within `timeoutMs`. */
  read(count: number, timeoutMs: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export function openPrinterLink(address: PrinterAddress, timeoutMs: number): Promise<PrinterLink> {
  return address.kind === 'tcp'
    ? TcpLink.open(address.host, address.port, timeoutMs)
    : DeviceLink.open(address.path, timeoutMs);
}

/**
 * Raw TCP, port 9100: what network thermal printers (and their Ethernet
 * print servers) listen on. Refused, unreachable or silent within the
 * timeout is PRINTER_OFFLINE.
 */
class TcpLink implements PrinterLink {
  readonly #socket: Socket;
  readonly #timeoutMs: number;
  #received = Buffer.alloc(0);
  #waiter: (() => void) | null = null;
  #failure: Error | null = null;

  private constructor(socket: Socket, timeoutMs: number) {
    this.#socket = socket;
    this.#timeoutMs = timeoutMs;
    socket.on('data', (chunk: Buffer) => {
      this.#received = Buffer.concat([this.#received, chunk]);
      this.#waiter?.();
    });
    socket.on('error', (error) => {
      this.#failure = error;
      this.#waiter?.();
    });
    socket.on('close', () => {
      this.#failure ??= new Error('the printer closed the connection');
      this.#waiter?.();
    });
  }

  static open(host: string, port: number, timeoutMs: number): Promise<PrinterLink> {
    const where = formatPrinterAddress({ kind: 'tcp', host, port });
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new TicketPrinterError('PRINTER_OFFLINE', `${where}: no connection in ${timeoutMs} ms`),
        );
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new TcpLink(socket, timeoutMs));
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(
          new TicketPrinterError('PRINTER_OFFLINE', `${where}: ${error.code ?? error.message}`, {
            cause: error,
          }),
        );
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#socket.destroy();
        reject(
          new TicketPrinterError(
            'PRINTER_NOT_ANSWERING',
            `the printer took no data for ${this.#timeoutMs} ms`,
          ),
        );
      }, this.#timeoutMs);
      this.#socket.write(bytes, (error) => {
        clearTimeout(timer);
        if (error) {
          reject(new TicketPrinterError('PRINTER_OFFLINE', error.message, { cause: error }));
        } else resolve();
      });
    });
  }

  async read(count: number, timeoutMs: number): Promise<Uint8Array | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.#received.length < count && this.#failure === null && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.#waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#waiter = null;
    }
    if (this.#received.length < count) return null;
    const bytes = this.#received.subarray(0, count);
    this.#received = this.#received.subarray(count);
    return new Uint8Array(bytes);
  }

  /** Ends after the kernel took every byte, so a short-lived CLI does not cut the job off. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.#socket.destroyed) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        this.#socket.destroy();
        resolve();
      }, this.#timeoutMs);
      this.#socket.end(() => {
        clearTimeout(timer);
        this.#socket.destroy();
        resolve();
      });
    });
  }
}

/**
 * A USB printer through Linux usblp (`/dev/usb/lp0`): writes go to the bulk
 * OUT endpoint and reads come from bulk IN, where DLE EOT answers arrive.
 * Opened non-blocking so a printer that never answers cannot hold one of
 * libuv's threads in read(2); reads poll instead.
 */
class DeviceLink implements PrinterLink {
  readonly #handle: fs.FileHandle;
  readonly #path: string;
  readonly #timeoutMs: number;

  private constructor(handle: fs.FileHandle, path: string, timeoutMs: number) {
    this.#handle = handle;
    this.#path = path;
    this.#timeoutMs = timeoutMs;
  }

  static async open(path: string, timeoutMs: number): Promise<PrinterLink> {
    try {
      const handle = await fs.open(path, constants.O_RDWR | constants.O_NONBLOCK);
      return new DeviceLink(handle, path, timeoutMs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new TicketPrinterError('PRINTER_OFFLINE', `${path}: ${code}`, { cause: error });
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    const deadline = Date.now() + this.#timeoutMs;
    let at = 0;
    while (at < bytes.length) {
      try {
        const { bytesWritten } = await this.#handle.write(bytes, at);
        at += bytesWritten;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EAGAIN') {
          throw new TicketPrinterError('PRINTER_OFFLINE', `${this.#path}: ${code ?? ''}`, {
            cause: error,
          });
        }
        if (Date.now() > deadline) {
          throw new TicketPrinterError(
            'PRINTER_NOT_ANSWERING',
            `${this.#path} took no data for ${this.#timeoutMs} ms`,
          );
        }
        await sleep(20);
      }
    }
  }

  async read(count: number, timeoutMs: number): Promise<Uint8Array | null> {
    const deadline = Date.now() + timeoutMs;
    const out = new Uint8Array(count);
    let have = 0;
    while (have < count && Date.now() < deadline) {
      try {
        const { bytesRead } = await this.#handle.read(out, have, count - have, null);
        have += bytesRead;
        if (bytesRead === 0) await sleep(20);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return null;
        await sleep(20);
      }
    }
    return have === count ? out : null;
  }

  close(): Promise<void> {
    return this.#handle.close();
  }
}
