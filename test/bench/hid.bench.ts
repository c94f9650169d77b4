/**
 * `npm run bench -- hid`: the HID protocol code on the in-process transport
 * (no HID device exists on the build machines). Figures, each beside an
 * anchor measured in the same run:
 *  - HID POS: µs to turn the three Scanned Data Reports of a CCCD QR into a
 *    scan vs µs for a bare TextDecoder.decode of the same 147 bytes;
 *  - CTAPHID: ms for channel INIT + authenticatorGetInfo (2-packet answer) vs
 *    ms for one single-packet PING round trip on the same authenticator;
 *  - scan detector: ns per key for a 147-key scan burst vs ns per key for
 *    pushing the keys into an array.
 */
import { CtapHidChannel } from '../../native/hid/ctap/ctaphid-channel';
import { CtapHidCommand } from '../../native/hid/ctap/ctaphid-frame';
import { readAuthenticatorInfo } from '../../native/hid/ctap/read-authenticator-info';
import { VirtualAuthenticator } from '../../native/hid/ctap/virtual-authenticator';
import { HidPosDecoder } from '../../native/hid/pos/hid-pos-decoder';
import { defaultPosScanLayout } from '../../native/hid/pos/pos-scan-layout';
import { createScanDetector } from '../../renderer/input/scan-detector';

const QR =
  '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 12 Phố Giả Định, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|10052021';
const bytes = new TextEncoder().encode(QR);

function reports(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 56) {
    const chunk = bytes.subarray(at, at + 56);
    const r = new Uint8Array(64);
    r.set([2, chunk.length, 0x5d, 0x51, 0x31]);
    r.set(chunk, 5);
    r[63] = at + 56 < bytes.length ? 1 : 0;
    out.push(r);
  }
  return out;
}

function perOp(n: number, fn: () => void): number {
  for (let i = 0; i < Math.min(n, 1000); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - start) / n;
}

async function perOpAsync(n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / n;
}

const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;

// HID POS
const trace = reports();
const decoder = new HidPosDecoder(defaultPosScanLayout);
let sink = 0;
const decodeNs = perOp(100_000, () => {
  for (const r of trace) sink += decoder.push(r, 0)?.text.length ?? 0;
});
const utf8 = new TextDecoder();
const anchorDecodeNs = perOp(100_000, () => {
  sink += utf8.decode(bytes).length;
});
console.log(
  `HID POS scan (3 reports, ${bytes.length} B): ${(decodeNs / 1000).toFixed(2)} µs; anchor TextDecoder.decode: ${(anchorDecodeNs / 1000).toFixed(2)} µs; ratio ${ratio(decodeNs, anchorDecodeNs)}`,
);

// CTAPHID
const authenticator = new VirtualAuthenticator('virtual:bench', { keepalives: 1 });
const getInfoNs = await perOpAsync(500, () => readAuthenticatorInfo(authenticator.device));
const channel = await CtapHidChannel.open(authenticator.device);
const pingNs = await perOpAsync(500, () =>
  channel.transact(CtapHidCommand.ping, Uint8Array.of(1, 2, 3, 4)),
);
console.log(
  `CTAPHID INIT + getInfo (in-process): ${(getInfoNs / 1e6).toFixed(3)} ms; anchor PING round trip: ${(pingNs / 1e6).toFixed(3)} ms; ratio ${ratio(getInfoNs, pingNs)}`,
);

// Keyboard-wedge detector
const keys = Array.from(QR).map((key, i) => ({ key, timeStamp: i * 8 }));
keys.push({ key: 'Enter', timeStamp: keys.length * 8 });
const detector = createScanDetector();
const detectNs = perOp(20_000, () => {
  for (const k of keys) if (detector.key(k)?.kind === 'scan') sink++;
});
const arrayNs = perOp(20_000, () => {
  const held: string[] = [];
  for (const k of keys) held.push(k.key);
  sink += held.length;
});
console.log(
  `Scan detector: ${(detectNs / keys.length).toFixed(0)} ns/key; anchor array push: ${(arrayNs / keys.length).toFixed(0)} ns/key; ratio ${ratio(detectNs, arrayNs)}`,
);
if (sink < 0) console.log(sink);
