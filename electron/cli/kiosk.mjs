#!/usr/bin/env node
// The `kiosk` bin. It runs the bundle `npm run build` (or the first
// `npm start`) writes to dist/node/, so a call costs a Node start, not a
// TypeScript compile. In a source checkout where that bundle is missing or
// older than the sources, it runs the sources through tsx instead: a stale
// bundle never runs against newer code.
import { existsSync } from 'node:fs';

const bundle = new URL('../../dist/node/kiosk.mjs', import.meta.url);
const sources = new URL('./main.ts', import.meta.url);

async function bundleIsCurrent() {
  if (!existsSync(bundle)) return false;
  // An installed package without the sources has only the bundle.
  if (!existsSync(sources)) return true;
  const { stampState } = await import('../../build/build-stamp.mjs');
  return stampState('node') === 'fresh';
}

if (await bundleIsCurrent()) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(sources.href);
}
