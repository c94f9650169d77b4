/**
 * ISO/IEC 7816-4 command and response APDUs.
 *
 * Short:    CLA INS P1 P2 [Lc(1) data] [Le(1); 00 = 256]
 * Extended: CLA INS P1 P2 [00 Lc(2) data] [Le(2) | 00 Le(2) without data; 0000 = 65536]
 */
export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  /** Ne, the number of response bytes expected; 0 or absent means no Le field. */
  readonly ne?: number;
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

export const SW_OK = 0x9000;

/** True when the command needs the extended encoding. */
export function needsExtended(cmd: CommandApdu): boolean {
  return (cmd.data?.length ?? 0) > 255 || (cmd.ne ?? 0) > 256;
}

export function encodeCommand(cmd: CommandApdu, forceExtended = false): Uint8Array {
  const data = cmd.data ?? new Uint8Array(0);
  const ne = cmd.ne ?? 0;
  if (data.length > 65535 || ne > 65536 || ne < 0) throw new RangeError('APDU too long');
  const extended = forceExtended || needsExtended(cmd);
  const out: number[] = [cmd.cla & 0xff, cmd.ins & 0xff, cmd.p1 & 0xff, cmd.p2 & 0xff];
  if (!extended) {
    if (data.length > 0) out.push(data.length, ...data);
    if (ne > 0) out.push(ne === 256 ? 0 : ne);
    return Uint8Array.from(out);
  }
  if (data.length > 0) out.push(0, data.length >> 8, data.length & 0xff, ...data);
  if (ne > 0) {
    const le = ne === 65536 ? 0 : ne;
    if (data.length === 0) out.push(0);
    out.push(le >> 8, le & 0xff);
  }
  return Uint8Array.from(out);
}

export function parseResponse(raw: Uint8Array): ResponseApdu {
  if (raw.length < 2) throw new RangeError('response shorter than a status word');
  const sw = ((raw[raw.length - 2] ?? 0) << 8) | (raw[raw.length - 1] ?? 0);
  return { data: raw.slice(0, raw.length - 2), sw };
}

export function encodeResponse(res: ResponseApdu): Uint8Array {
  const out = new Uint8Array(res.data.length + 2);
  out.set(res.data);
  out[res.data.length] = res.sw >> 8;
  out[res.data.length + 1] = res.sw & 0xff;
  return out;
}
