// `npm start`: brings dist/ up to date only where a source changed since the
// last build (the first start on a fresh checkout builds everything), then
// runs the bundled shell. On a built tree it starts without compiling
// anything, in about the time Node itself takes to start.
import { stampState } from './build-stamp.mjs';

if (stampState('renderer') !== 'fresh') {
  process.stdout.write('Đang dựng giao diện (lần chạy đầu hoặc mã nguồn vừa đổi)…\n');
  const { buildRenderer } = await import('./build-renderer.mjs');
  await buildRenderer();
}
if (stampState('node') !== 'fresh') {
  const { bundleNode } = await import('./bundle-node.mjs');
  await bundleNode();
}
// A URL rather than a literal path: the bundle exists only after the build above.
await import(new URL('../dist/node/start.mjs', import.meta.url).href);
