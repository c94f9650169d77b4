'use strict';
/**
 * The tesseract.js worker thread (its own node worker script, unchanged in
 * behaviour) with one difference: a language's data is read from that
 * language's npm package, @tesseract.js-data/<code>/<variant>/<code>.traineddata.gz.
 * Stock tesseract.js reads every language from one langPath folder, and the
 * two packages ship in two folders; nothing is ever fetched over the network.
 *
 * A plain `<dir>/<code>.traineddata` (the pool's `modelDir`, e.g. the OS's
 * tesseract data, asked for with gzip off) is read from that folder as is.
 *
 * DATA_VARIANT must equal `dataVariant` in ocr-language-data.ts.
 */
const { parentPort } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
const path = require('node:path');
const worker = require('tesseract.js/src/worker-script');
const getCore = require('tesseract.js/src/worker-script/node/getCore');
const gunzip = require('tesseract.js/src/worker-script/node/gunzip');

const DATA_VARIANT = '4.0.0';
const LANGUAGES = new Set(['vie', 'eng']);

/** @param {string} file */
function packagedDataFile(file) {
  const match = /([a-z_]+)\.traineddata\.gz$/.exec(file);
  const code = match ? match[1] : undefined;
  if (code === undefined || !LANGUAGES.has(code)) {
    throw new Error(`No bundled OCR language data for ${file}`);
  }
  const pkg = require.resolve(`@tesseract.js-data/${code}/package.json`);
  return path.join(path.dirname(pkg), DATA_VARIANT, `${code}.traineddata.gz`);
}

const port = parentPort;
if (port === null) throw new Error('tesseract-worker.cjs runs only as a worker thread');
port.on('message', (/** @type {unknown} */ packet) => {
  worker.dispatchHandlers(packet, (message) => port.postMessage(message));
});

worker.setAdapter({
  getCore,
  gunzip,
  fetch: () => Promise.reject(new Error('The kiosk never downloads OCR data')),
  readCache: (/** @type {string} */ file) =>
    readFile(file.endsWith('.traineddata') ? file : packagedDataFile(file)),
  writeCache: () => Promise.resolve(),
  deleteCache: () => Promise.resolve(),
  checkCache: () => Promise.resolve(false),
});
