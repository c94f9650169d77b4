/**
 * The parts of tesseract.js's worker script (plain JS, untyped) that
 * tesseract-worker.cjs builds its own worker thread from.
 */
declare module 'tesseract.js/src/worker-script' {
  export function dispatchHandlers(packet: unknown, send: (message: unknown) => void): void;
  export function setAdapter(adapter: Record<string, unknown>): void;
}
declare module 'tesseract.js/src/worker-script/node/getCore' {
  const getCore: (...args: unknown[]) => Promise<unknown>;
  export = getCore;
}
declare module 'tesseract.js/src/worker-script/node/gunzip' {
  const gunzip: (data: Uint8Array) => Uint8Array;
  export = gunzip;
}
