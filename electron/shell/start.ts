/**
 * The shell `npm start` runs (bundled to dist/node/start.mjs, launched by
 * build/start.mjs once the builds are current): the Electron shell where its
 * binary is installed and a display is there; otherwise the same core as a
 * browser shell on 127.0.0.1, with one line saying why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hasDisplay } from './browser-launcher';
import { findElectronBinary } from './electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Why the browser shell is used instead of Electron, in one plain line; undefined to use Electron. */
function browserShellReason(): { vi: string } | undefined {
  if (process.env.KIOSK_SHELL === 'browser') return { vi: 'KIOSK_SHELL=browser được đặt' };
  if (!findElectronBinary(root).ok)
    return { vi: 'máy này chưa có bản chạy Electron (gói npm electron không kèm nó)' };
  if (!hasDisplay(process.env))
    return { vi: 'không có màn hình đồ họa (DISPLAY/WAYLAND_DISPLAY chưa đặt)' };
  return undefined;
}

/** Rebuilds dist/electron only when a source it was built from changed. */
async function electronBundleIsCurrent(): Promise<boolean> {
  // A path computed at run time, so esbuild leaves this plain-JS module out of the bundle.
  const stamps = (await import(pathToFileURL(join(root, 'build/build-stamp.mjs')).href)) as {
    stampState(name: string): 'fresh' | 'stale' | 'missing';
  };
  if (stamps.stampState('electron') === 'fresh') return true;
  const bundled = spawnSync(process.execPath, ['--import', 'tsx', 'build/bundle-electron.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  return bundled.status === 0;
}

const reason = browserShellReason();
if (reason === undefined) {
  if (!(await electronBundleIsCurrent())) process.exit(1);
  const electron = findElectronBinary(root);
  if (!electron.ok) process.exit(1);
  // `npm start -- --display` makes this machine a hall TV in either shell.
  const display = process.argv.includes('--display') ? ['--display'] : [];
  const child = spawn(electron.path, [root, ...display], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(`Chạy vỏ trình duyệt (browser shell) vì ${reason.vi}.\n`);
  await import('./browser-main');
}
