/**
 * Bundles the Electron shell for electron-builder: the main process as one
 * ES module (npm packages stay external and ship in node_modules, native
 * ones unpacked from the asar), the preload as CommonJS because a sandboxed
 * preload cannot load ES modules.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/shell/electron-main.ts'],
  outfile: 'dist/electron/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
});

await build({
  entryPoints: ['electron/shell/electron-preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'chrome140',
  external: ['electron'],
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
});
