import { createServer, type Server, type Socket } from 'node:net';

/** One command as the printer's parser sees it. */
export type EscPosCommand =
  | { readonly kind: 'init' }
  | { readonly kind: 'status'; readonly n: number }
  | {
      readonly kind: 'raster';
      readonly rowBytes: number;
      readonly rows: number;
      readonly data: Uint8Array;
    }
  | { readonly kind: 'feed'; readonly lines: number }
  | { readonly kind: 'cut'; readonly mode: number; readonly feed: number };

/**
 * Reads one command at `at`, as a printer does: null when its bytes have not
 * all arrived yet; throws on bytes no ticket should contain.
 */
export function parseCommand(
  bytes: Uint8Array,
  at: number,
): { command: EscPosCommand; next: number } | null {
  const b = (i: number): number | undefined => bytes[at + i];
  const first = b(0);
  if (first === undefined) return null;
  if (first === 0x10) {
    if (b(2) === undefined) return null;
    if (b(1) !== 0x04) throw new Error(`unknown DLE command at ${at}`);
    return { command: { kind: 'status', n: b(2)! }, next: at + 3 };
  }
  if (first === 0x1b) {
    if (b(1) === undefined) return null;
    if (b(1) === 0x40) return { command: { kind: 'init' }, next: at + 2 };
    if (b(1) === 0x64) {
      if (b(2) === undefined) return null;
      return { command: { kind: 'feed', lines: b(2)! }, next: at + 3 };
    }
    throw new Error(`unknown ESC command 1b ${b(1)!.toString(16)} at ${at}`);
  }
  if (first === 0x1d) {
    if (b(1) === undefined) return null;
    if (b(1) === 0x76) {
      if (b(7) === undefined) return null;
      if (b(2) !== 0x30 || b(3) !== 0) throw new Error(`unsupported GS v mode at ${at}`);
      const rowBytes = b(4)! + 256 * b(5)!;
      const rows = b(6)! + 256 * b(7)!;
      const end = at + 8 + rowBytes * rows;
      if (bytes.length < end) return null;
      return {
        command: { kind: 'raster', rowBytes, rows, data: bytes.slice(at + 8, end) },
        next: end,
      };
    }
    if (b(1) === 0x56) {
      if (b(2) === undefined) return null;
      const mode = b(2)!;
      if (mode === 0 || mode === 1 || mode === 48 || mode === 49) {
        return { command: { kind: 'cut', mode, feed: 0 }, next: at + 3 };
      }
      if (b(3) === undefined) return null;
      return { command: { kind: 'cut', mode, feed: b(3)! }, next: at + 4 };
    }
    throw new Error(`unknown GS command 1d ${b(1)!.toString(16)} at ${at}`);
  }
  throw new Error(`unexpected byte ${first.toString(16)} at ${at}`);
}

export function parseStream(bytes: Uint8Array): EscPosCommand[] {
  const commands: EscPosCommand[] = [];
  let at = 0;
  while (at < bytes.length) {
    const parsed = parseCommand(bytes, at);
    if (parsed === null) throw new Error(`stream ends inside a command at ${at}`);
    commands.push(parsed.command);
    at = parsed.next;
  }
  return commands;
}

/** The printed picture: every raster band stacked, 8-bit grey (0 = ink), as a printer's head would lay it down. */
export function printedImage(commands: readonly EscPosCommand[]): {
  width: number;
  height: number;
  grey: Uint8Array;
} {
  const bands = commands.filter((c) => c.kind === 'raster');
  const rowBytes = bands[0]?.rowBytes ?? 0;
  if (bands.some((band) => band.rowBytes !== rowBytes))
    throw new Error('bands of different widths');
  const width = rowBytes * 8;
  const height = bands.reduce((sum, band) => sum + band.rows, 0);
  const grey = new Uint8Array(width * height).fill(255);
  let y0 = 0;
  for (const band of bands) {
    for (let y = 0; y < band.rows; y += 1) {
      for (let x = 0; x < width; x += 1) {
        if ((band.data[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) !== 0) {
          grey[(y0 + y) * width + x] = 0;
        }
      }
    }
    y0 += band.rows;
  }
  return { width, height, grey };
}

export type PaperState = 'ok' | 'near-end' | 'out';

/**
 * A TCP ESC/POS printer on 127.0.0.1 (random port): keeps every byte each
 * connection sent and answers DLE EOT as a TM-T20-class printer does —
 * n = 1…4 one status byte `0xx1xx10`; paper out sets bits 5–6 of n = 4 and
 * bit 5 of n = 2. `silent` accepts connections and never answers.
 */
export class VirtualEscPosPrinter {
  paper: PaperState = 'ok';
  silent = false;
  readonly jobs: { bytes: Uint8Array; closed: Promise<void> }[] = [];
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<VirtualEscPosPrinter> {
    const server = createServer();
    const printer = new VirtualEscPosPrinter(server);
    server.on('connection', (socket) => {
      printer.#serve(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return printer;
  }

  get url(): string {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    return `tcp://127.0.0.1:${address.port}`;
  }

  /** Every command the last connection sent, once the sender has closed it. */
  async lastJob(): Promise<EscPosCommand[]> {
    const job = this.jobs.at(-1);
    if (job === undefined) throw new Error('nothing was sent');
    await job.closed;
    return parseStream(job.bytes);
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.#server.close(() => {
        resolve();
      }),
    );
  }

  #serve(socket: Socket): void {
    this.#sockets.add(socket);
    let received = Buffer.alloc(0);
    let parsedTo = 0;
    const job = {
      bytes: new Uint8Array(),
      closed: new Promise<void>((resolve) =>
        socket.on('close', () => {
          resolve();
        }),
      ),
    };
    this.jobs.push(job);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      job.bytes = new Uint8Array(received);
      for (;;) {
        const parsed = parseCommand(received, parsedTo);
        if (parsed === null) break;
        parsedTo = parsed.next;
        if (parsed.command.kind === 'status' && !this.silent) {
          socket.write(Uint8Array.of(this.#statusByte(parsed.command.n)));
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => this.#sockets.delete(socket));
  }

  #statusByte(n: number): number {
    const fixed = 0x12;
    if (n === 2) return fixed | (this.paper === 'out' ? 0x20 : 0);
    if (n === 4) {
      if (this.paper === 'out') return fixed | 0x60 | 0x0c;
      if (this.paper === 'near-end') return fixed | 0x0c;
    }
    return fixed;
  }
}
