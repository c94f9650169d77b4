// Bundles the Node entry points (the `kiosk` CLI, `npm start`'s launcher and
// the browser shell) into dist/node/ with esbuild, so nothing compiles
// TypeScript at run time. npm packages stay external (native modules, the
// tesseract.js worker and WASM load from node_modules as usual). Code
// splitting keeps each CLI command in its own chunk, loaded only when it
// runs. Run by `npm run build` and by `npm start` when a source changed.
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { root, writeStamp } from './build-stamp.mjs';

/**
 * Files the bundled code opens with `new URL('./…', import.meta.url)`: after
 * bundling, import.meta.url is a file in the output folder, so they are
 * copied beside it under the same relative names.
 * @returns {{ from: string, to: string }[]}
 */
export function bundleAssets() {
  const fonts = 'electron/services/receipt/fonts';
  return [
    { from: 'electron/services/ocr/tesseract-worker.cjs', to: 'tesseract-worker.cjs' },
    { from: 'scanners/wia/wia-bridge.ps1', to: 'wia-bridge.ps1' },
    ...readdirSync(join(root, fonts)).map((name) => ({
      from: join(fonts, name),
      to: join('fonts', name),
    })),
  ];
}

/** The bundle's entry points, by output name (dist/node/<name>.mjs). */
export const nodeEntries = {
  kiosk: 'electron/cli/main.ts',
  start: 'electron/shell/start.ts',
  'browser-main': 'electron/shell/browser-main.ts',
  // The browser shell forks it beside itself (core-process/fork-launcher.ts).
  'core-main': 'electron/shell/core-process/core-main.ts',
  // The core's page worker threads start it beside the core (scanners/pipeline/page-pool.ts).
  'page-worker': 'scanners/pipeline/page-worker.ts',
};

export async function bundleNode() {
  const out = join(root, 'dist/node');
  // Built aside and swapped in, so a `kiosk` call meanwhile never sees half a bundle.
  const staging = join(root, `dist/node.${String(process.pid)}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: nodeEntries,
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    // Chunks stay in the output folder itself: import.meta.url must sit two
    // levels below the root, as the sources do (electron/shell/…).
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    sourcemap: false,
    logLevel: 'warning',
  });
  const assets = bundleAssets();
  for (const asset of assets) {
    const target = join(staging, asset.to);
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(root, asset.from), target);
  }
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(root, join(root, p)));
  writeStamp('node', [...inputs, ...assets.map((a) => a.from)]);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleNode();
}
