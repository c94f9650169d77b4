/**
 * Bundles the Electron shell for electron-builder: the main process and the
 * core's utility process as ES modules (npm packages stay external and ship in node_modules, native
 * ones unpacked from the asar), the preload as CommonJS because a sandboxed
 * preload cannot load ES modules.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { writeStamp } from './build-stamp.mjs';

/**
 * Files the bundled code opens with `new URL('./…', import.meta.url)`: after
 * bundling, import.meta.url is dist/electron/main.mjs, so they are copied
 * beside it under the same relative names.
 */
const assets: readonly { from: string; to: string }[] = [
  { from: 'electron/services/ocr/tesseract-worker.cjs', to: 'tesseract-worker.cjs' },
  { from: 'scanners/wia/wia-bridge.ps1', to: 'wia-bridge.ps1' },
  ...readdirSync('electron/services/receipt/fonts').map((name) => ({
    from: join('electron/services/receipt/fonts', name),
    to: join('fonts', name),
  })),
];

/** One Node-side ES module of the shell; npm packages stay external. */
function bundleNodeModule(entry: string, outfile: string) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    metafile: true,
    sourcemap: false,
    logLevel: 'warning',
  });
}

const main = await bundleNodeModule('electron/shell/electron-main.ts', 'dist/electron/main.mjs');
// The core's own process (core-process/utility-launcher.ts forks it beside main.mjs).
const core = await bundleNodeModule(
  'electron/shell/core-process/core-main.ts',
  'dist/electron/core-main.mjs',
);
// The page worker threads' entry, started beside core-main.mjs (scanners/pipeline/page-pool.ts).
const pageWorker = await bundleNodeModule(
  'scanners/pipeline/page-worker.ts',
  'dist/electron/page-worker.mjs',
);

const preload = await build({
  entryPoints: ['electron/shell/electron-preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'chrome140',
  external: ['electron'],
  minify: true,
  metafile: true,
  sourcemap: false,
  logLevel: 'warning',
});

for (const asset of assets) {
  const target = join('dist/electron', asset.to);
  mkdirSync(join(target, '..'), { recursive: true });
  copyFileSync(asset.from, target);
}

// `npm start` rebuilds dist/electron only when one of these files changed.
writeStamp('electron', [
  ...Object.keys(main.metafile.inputs),
  ...Object.keys(core.metafile.inputs),
  ...Object.keys(preload.metafile.inputs),
  ...Object.keys(pageWorker.metafile.inputs),
  ...assets.map((asset) => asset.from),
]);
