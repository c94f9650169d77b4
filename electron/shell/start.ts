/**
 * `npm start`: the Electron shell where its binary can run and a display is
 * there; otherwise the same core as a browser shell on 127.0.0.1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hasDisplay } from './browser-launcher';
import { findElectronBinary } from './electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electron =
  process.env.KIOSK_SHELL === 'browser'
    ? { ok: false as const, reason: 'KIOSK_SHELL=browser' }
    : findElectronBinary(root);

if (electron.ok && hasDisplay(process.env)) {
  const bundled = spawnSync(process.execPath, ['--import', 'tsx', 'build/bundle-electron.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (bundled.status !== 0) process.exit(bundled.status ?? 1);
  const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = electron.ok ? 'no display (DISPLAY/WAYLAND_DISPLAY unset)' : electron.reason;
  process.stdout.write(
    `Electron không chạy được ở đây (${why}); chạy vỏ trình duyệt (browser shell) với cùng phần lõi.\n`,
  );
  await import('./browser-main');
}
