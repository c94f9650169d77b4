// `npm run build:renderer`: the Vite build of the renderer, plus a stamp of
// every source file it read (from Vite's own module graph), so `npm start`
// rebuilds only when one of them changed.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { root, writeStamp } from './build-stamp.mjs';

/**
 * Files outside the module graph that change what Vite produces: its config,
 * the renderer's HTML and the locked dependency versions (node_modules itself
 * is too big to stat on every start).
 */
const configInputs = [
  'renderer/vite.config.ts',
  'renderer/index.html',
  'renderer/tsconfig.json',
  'package.json',
  'package-lock.json',
];

export async function buildRenderer() {
  /** @type {string[]} */
  const read = [];
  await build({
    configFile: resolve(root, 'renderer/vite.config.ts'),
    logLevel: 'warn',
    plugins: [
      {
        name: 'kiosk-build-stamp',
        generateBundle() {
          for (const id of this.getModuleIds()) {
            const file = id.split('?')[0] ?? id;
            if (!file.includes('/node_modules/') && !file.startsWith('\0')) read.push(file);
          }
        },
      },
    ],
  });
  writeStamp('renderer', [
    ...configInputs,
    ...read.map((file) => relative(root, resolve(root, file))),
  ]);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildRenderer();
}
