import { describe, expect, it } from 'vitest';
import { shareInFlight } from './shared-health';

describe('a shared health check', () => {
  it('runs the probes once for callers that ask while it runs, and again afterwards', async () => {
    let runs = 0;
    const check = shareInFlight(async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return runs;
    });
    const answers = await Promise.all(Array.from({ length: 200 }, () => check()));
    expect(answers).toEqual(Array.from({ length: 200 }, () => 1));
    expect(await check()).toBe(2);
  });

  it('a failed run is reported to its callers and does not stick', async () => {
    let fail = true;
    const check = shareInFlight(() =>
      fail ? Promise.reject(new Error('probe crashed')) : Promise.resolve('ok'),
    );
    await expect(check()).rejects.toThrow('probe crashed');
    fail = false;
    await expect(check()).resolves.toBe('ok');
  });
});
