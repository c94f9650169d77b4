/**
 * `npm run bench -- ocr`: OCR throughput (pages per minute) and character
 * error rate of our tesseract.js pool on the generated Vietnamese set, next
 * to the native `tesseract` CLI (Debian tesseract-ocr-vie, one process per
 * core, OMP_THREAD_LIMIT=1) on the same images in the same run. Rounds
 * alternate so that load from other processes hits both sides alike.
 *
 * Wall-clock throughput depends on what else the machine runs, so every
 * figure also comes as CPU seconds per page (native children measured by
 * /usr/bin/time, our process by process.cpuUsage, worker threads included).
 *
 * A second anchor runs the native CLI on the very model file we bundle
 * (@tesseract.js-data/vie), separating engine speed (WASM vs native) from
 * model size (Debian ships the smaller tessdata_fast network).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { stampState } from '../../build/build-stamp.mjs';
import { characterErrorRate } from '../../electron/services/ocr/cer';
import { languageDataFile } from '../../electron/services/ocr/ocr-language-data';
import { OcrPool } from '../../electron/services/ocr/ocr-pool';
import { renderPage, truthTexts } from '../fixtures/ocr/vietnamese-pages';
import { timed } from './support/timed-process';

interface Figure {
  readonly pages: number;
  readonly seconds: number;
  /** CPU seconds (user + system) spent on all pages: robust against load from other processes. */
  readonly cpu: number;
  readonly cer: number;
}

const cores = availableParallelism();
const rounds = 2;
const dir = mkdtempSync(join(tmpdir(), 'kiosk-ocr-bench-'));

/** One native OCR run under /usr/bin/time, which reports the child's CPU seconds. */
function tesseractCli(
  image: string,
  tessdata: string | undefined,
): Promise<{ text: string; cpu: number }> {
  const args = [
    '-f',
    'CPU %U %S',
    'tesseract',
    ...(tessdata === undefined ? [] : ['--tessdata-dir', tessdata]),
    image,
    'stdout',
    '-l',
    'vie',
    '--oem',
    '1',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', args, {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /CPU ([\d.]+) ([\d.]+)/.exec(err);
      if (code !== 0 || m === null) {
        reject(new Error(`tesseract exited with ${String(code)} on ${image}`));
        return;
      }
      resolve({ text: Buffer.concat(out).toString('utf8'), cpu: Number(m[1]) + Number(m[2]) });
    });
  });
}

/** `cores` native processes at a time, each page its own process (how the CLI is used). */
async function native(
  files: readonly string[],
  truths: readonly string[],
  tessdata?: string,
): Promise<Figure> {
  const texts = new Array<string>(files.length);
  let next = 0;
  let cpu = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: cores }, async () => {
      for (let i = next++; i < files.length; i = next++) {
        const run = await tesseractCli(files[i]!, tessdata);
        texts[i] = run.text;
        cpu += run.cpu;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { pages: files.length, seconds, cpu, cer: meanCer(texts, truths) };
}

async function ours(
  pool: OcrPool,
  images: readonly Uint8Array[],
  truths: readonly string[],
  textLayerPdf = false,
): Promise<Figure> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const results = await Promise.all(
    images.map((image, i) => pool.recognize({ id: String(i), image }, { textLayerPdf })),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpuBefore);
  const texts = results.map((r) => r.text);
  return {
    pages: images.length,
    seconds,
    cpu: (used.user + used.system) / 1e6,
    cer: meanCer(texts, truths),
  };
}

const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
const root = fileURLToPath(new URL('../..', import.meta.url));
const CliJson = z.array(z.object({ text: z.string() }));

/**
 * The whole set through `kiosk ocr` as IT runs it: one process (the bundled
 * CLI) for all pages, its pool sized to the cores, under /usr/bin/time so
 * the CPU of its worker threads counts. Start-up and model loading are in.
 */
async function cli(
  files: readonly string[],
  truths: readonly string[],
  dpi: number,
): Promise<Figure> {
  const run = await timed(
    process.execPath,
    ['electron/cli/kiosk.mjs', '--json', 'ocr', '--dpi', String(dpi), ...files],
    { cwd: root },
  );
  if (run.status !== 0) throw new Error(`kiosk ocr exited with ${String(run.status)}`);
  const texts = CliJson.parse(JSON.parse(run.stdout)).map((r) => r.text);
  return {
    pages: files.length,
    seconds: run.ms / 1000,
    cpu: run.cpuMs / 1000,
    cer: meanCer(texts, truths),
  };
}

function meanCer(texts: readonly string[], truths: readonly string[]): number {
  return (
    texts.reduce((sum, text, i) => sum + characterErrorRate(text, truths[i]!), 0) / texts.length
  );
}

function add(a: Figure | undefined, b: Figure): Figure {
  if (a === undefined) return b;
  return {
    pages: a.pages + b.pages,
    seconds: a.seconds + b.seconds,
    cpu: a.cpu + b.cpu,
    cer: (a.cer * a.pages + b.cer * b.pages) / (a.pages + b.pages),
  };
}

const perMinute = (f: Figure) => (f.pages / f.seconds) * 60;
/** Pages per minute the machine's cores would give if this process had them to itself. */
const perMinuteByCpu = (f: Figure) => (f.pages / f.cpu) * 60 * cores;
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

async function main(): Promise<void> {
  if (stampState('node') !== 'fresh') {
    console.log('dist/node is missing or older than the sources: bundling it first (not timed)');
    const { bundleNode } = await import('../../build/bundle-node.mjs');
    await bundleNode();
  }
  const texts = truthTexts();
  const variants = [
    { font: 'Liberation Serif 13', noisy: false },
    { font: 'Liberation Serif 13', noisy: true },
    { font: 'DejaVu Sans 11', noisy: false },
    { font: 'DejaVu Sans 11', noisy: true },
  ];
  const images: Uint8Array[] = [];
  const truths: string[] = [];
  const files: string[] = [];
  for (const [v, variant] of variants.entries()) {
    for (const [t, text] of texts.entries()) {
      const png = await renderPage(text.text, {
        font: variant.font,
        noisy: variant.noisy,
        seed: 11 + v * 7 + t,
        skewDegrees: t % 2 === 0 ? 1.2 : -0.9,
      });
      const file = join(dir, `${text.name}.${String(v)}.png`);
      writeFileSync(file, png);
      images.push(png);
      truths.push(text.text);
      files.push(file);
    }
  }
  const bundled = join(dir, 'tessdata');
  mkdirSync(bundled);
  writeFileSync(
    join(bundled, 'vie.traineddata'),
    gunzipSync(readFileSync(languageDataFile('vie'))),
  );

  console.log(
    `${String(images.length)} A4 pages at 300 dpi (3 texts x Liberation Serif/DejaVu Sans x clean/noisy), ${String(cores)} cores, ${String(rounds)} alternating rounds`,
  );

  const coldStart = performance.now();
  const pool = new OcrPool({ size: cores });
  await pool.warmUp();
  const warmUpSeconds = (performance.now() - coldStart) / 1000;
  const pool300 = new OcrPool({ size: cores, dpi: 300 });
  await pool300.warmUp();
  // The native anchor's own model (Debian tesseract-ocr-vie, tessdata_fast) in our pool.
  const poolDebian = new OcrPool({ size: cores, dpi: 300, modelDir: DEBIAN_TESSDATA });
  await poolDebian.warmUp();

  let nat: Figure | undefined;
  let own: Figure | undefined;
  let natBundled: Figure | undefined;
  let own300: Figure | undefined;
  let ownLayer: Figure | undefined;
  let ownCli: Figure | undefined;
  let ownDebian: Figure | undefined;
  for (let round = 0; round < rounds; round++) {
    nat = add(nat, await native(files, truths));
    ownCli = add(ownCli, await cli(files, truths, 300));
    ownDebian = add(ownDebian, await ours(poolDebian, images, truths));
    own = add(own, await ours(pool, images, truths));
    natBundled = add(natBundled, await native(files, truths, bundled));
    own300 = add(own300, await ours(pool300, images, truths));
    ownLayer = add(ownLayer, await ours(pool, images, truths, true));
  }
  await pool.close();
  await pool300.close();
  await poolDebian.close();
  if (
    nat === undefined ||
    own === undefined ||
    natBundled === undefined ||
    own300 === undefined ||
    ownLayer === undefined ||
    ownCli === undefined ||
    ownDebian === undefined
  )
    throw new Error('no rounds ran');

  const rows = [
    ['native tesseract 5.3, Debian vie (anchor)', nat],
    ['native tesseract 5.3, bundled npm vie model', natBundled],
    ['kiosk pool (tesseract.js 7 WASM, 200 dpi)', own],
    ['kiosk pool at 300 dpi (no downscale)', own300],
    ['kiosk pool, 200 dpi + PDF text layer (save)', ownLayer],
    ['kiosk ocr --dpi 300 (CLI, models auto, start in)', ownCli],
    ["kiosk pool, 300 dpi, Debian's model (modelDir)", ownDebian],
  ] as const;
  for (const [name, f] of rows) {
    console.log(
      `${name.padEnd(44)} ${perMinute(f).toFixed(1).padStart(5)} pages/min wall | ${(f.cpu / f.pages).toFixed(2)} CPU s/page = ${perMinuteByCpu(f).toFixed(1).padStart(5)} pages/min on ${String(cores)} idle cores | CER ${pct(f.cer)}`,
    );
  }
  console.log(
    `kiosk pool warm-up (${String(cores)} workers, models loaded once): ${warmUpSeconds.toFixed(2)} s`,
  );
  console.log(
    `as the kiosk saves components (with the text layer): kiosk/native = ${(perMinute(ownLayer) / perMinute(nat)).toFixed(2)}x wall, ${(perMinuteByCpu(ownLayer) / perMinuteByCpu(nat)).toFixed(2)}x by CPU`,
  );
  console.log(
    `kiosk ocr CLI (default models: the OS's when present) at native's 300 dpi / native = ${(perMinute(ownCli) / perMinute(nat)).toFixed(2)}x wall, ${(perMinuteByCpu(ownCli) / perMinuteByCpu(nat)).toFixed(2)}x by CPU, CER ${((ownCli.cer - nat.cer) * 100).toFixed(2)} points (goal >= 1.00x, floor 0.80x)`,
  );
  console.log(
    `kiosk pool with native's model at 300 dpi / native = ${(perMinute(ownDebian) / perMinute(nat)).toFixed(2)}x wall, ${(perMinuteByCpu(ownDebian) / perMinuteByCpu(nat)).toFixed(2)}x by CPU, CER ${((ownDebian.cer - nat.cer) * 100).toFixed(2)} points`,
  );
  const cerDelta = (own.cer - nat.cer) * 100;
  console.log(
    `throughput kiosk/native = ${(perMinute(own) / perMinute(nat)).toFixed(2)}x wall, ${(perMinuteByCpu(own) / perMinuteByCpu(nat)).toFixed(2)}x by CPU (target >= 0.80x)`,
  );
  console.log(
    `throughput kiosk/native on the same model = ${(perMinute(own) / perMinute(natBundled)).toFixed(2)}x wall, ${(perMinuteByCpu(own) / perMinuteByCpu(natBundled)).toFixed(2)}x by CPU`,
  );
  console.log(
    `CER kiosk - native = ${cerDelta >= 0 ? '+' : ''}${cerDelta.toFixed(2)} points (target <= +0.20)`,
  );
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )} (wall figures compare fairly only on an idle machine; CPU figures do not depend on load)`,
  );
  rmSync(dir, { recursive: true, force: true });
}

await main();
