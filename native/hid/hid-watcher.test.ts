import { describe, expect, it } from 'vitest';
import type { HidDeviceInfo } from './hid-device-info';
import { toDeviceInfos } from './hid-device-info';
import { HidWatcher, type HidChange } from './hid-watcher';

const scanner = toDeviceInfos([
  { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw1', usagePage: 0x8c, usage: 2 },
]);

function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (check()) resolve();
      else if (Date.now() - start > ms) reject(new Error('timed out'));
      else setTimeout(tick, 5);
    };
    tick();
  });
}

describe('HID hot-plug watcher', () => {
  it('reports a plug-in and an unplug, and backs off while nothing changes', async () => {
    let present: HidDeviceInfo[] = [];
    let polls = 0;
    const changes: HidChange[] = [];
    const watcher = new HidWatcher(
      () => {
        polls++;
        return Promise.resolve(present);
      },
      { minIntervalMs: 5, maxIntervalMs: 40, onChange: (c) => changes.push(c) },
    );
    watcher.start();
    await waitFor(() => watcher.intervalMs === 40);
    expect(changes).toEqual([]);

    present = scanner;
    await waitFor(() => changes.length === 1);
    expect(changes[0]?.attached.map((d) => d.path)).toEqual(['/dev/hidraw1']);
    expect(watcher.intervalMs).toBe(5);

    present = [];
    await waitFor(() => changes.length === 2);
    expect(changes[1]?.detached.map((d) => d.path)).toEqual(['/dev/hidraw1']);
    watcher.stop();
    const stoppedAt = polls;
    await new Promise((r) => setTimeout(r, 60));
    expect(polls).toBe(stoppedAt);
  });

  it('a failing list is reported and polled less often, then recovers', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const changes: HidChange[] = [];
    const watcher = new HidWatcher(
      () => (fail ? Promise.reject(new Error('hidapi down')) : Promise.resolve(scanner)),
      {
        minIntervalMs: 5,
        maxIntervalMs: 20,
        onChange: (c) => changes.push(c),
        onError: (e) => errors.push(e),
      },
    );
    watcher.start();
    await waitFor(() => errors.length >= 3);
    expect(watcher.intervalMs).toBe(20);
    fail = false;
    await waitFor(() => changes.length === 1);
    expect(watcher.devices).toHaveLength(1);
    watcher.stop();
  });
});
