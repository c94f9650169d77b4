import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaneBackend } from '../../../scanners/sane/sane-backend';
import { ScannerRegistry } from '../../../scanners/scanner-registry';

/**
 * scanservjs issue 285: one offline network scanner stops the whole discovery.
 * Reproduced with SANE's own net backend pointed at a saned host (127.0.0.1,
 * saned's port 6566) that accepts connections and never answers, which makes
 * `scanimage -L` hang.
 */
let dir: string;
let silent: Server | undefined;
const sockets: Socket[] = [];
let portTaken = false;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-sane-net-'));
  writeFileSync(join(dir, 'dll.conf'), 'test\nnet\n');
  writeFileSync(join(dir, 'net.conf'), 'connect_timeout = 60\n127.0.0.1\n');
  writeFileSync(join(dir, 'test.conf'), 'number_of_devices 2\n');
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => {
    silent?.once('error', () => {
      portTaken = true;
      resolve();
    });
    silent?.listen(6566, '127.0.0.1', resolve);
  });
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => {
    if (portTaken || !silent) resolve();
    else
      silent.close(() => {
        resolve();
      });
  });
  rmSync(dir, { recursive: true, force: true });
});

describe('a silent network scanner host', () => {
  it('does not stop discovery: -L times out and the known devices are still probed and listed', async (context) => {
    if (portTaken) context.skip('127.0.0.1:6566 is in use by another process (a real saned?)');
    const env = { ...process.env, SANE_CONFIG_DIR: dir };
    const backend = new SaneBackend({
      env,
      knownDevices: ['test:0', 'test:1'],
      listTimeoutMs: 1500,
    });
    const started = Date.now();
    const devices = await backend.listDevices();
    expect(Date.now() - started).toBeLessThan(6000);
    expect(devices.map((d) => [d.id, d.status])).toEqual([
      ['sane:test:0', 'ready'],
      ['sane:test:1', 'ready'],
    ]);
  });

  it('with nothing known yet, the registry reports the hung backend instead of hanging with it', async (context) => {
    if (portTaken) context.skip('127.0.0.1:6566 is in use by another process (a real saned?)');
    const env = { ...process.env, SANE_CONFIG_DIR: dir };
    const registry = new ScannerRegistry([new SaneBackend({ env, listTimeoutMs: 1500 })]);
    const list = await registry.listDevices();
    expect(list.devices).toEqual([]);
    expect(list.problems).toEqual([
      {
        backend: 'sane',
        code: 'DEVICE_OFFLINE',
        detail: 'scanimage -L did not answer within 1500 ms',
      },
    ]);
  });
});
