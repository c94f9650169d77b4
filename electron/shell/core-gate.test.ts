import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../../test/support/capture-logger';
import { createCore, type Core } from './composition-root';
import { CoreGate } from './core-gate';

const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-gate-'));
const cores: Core[] = [];
afterAll(async () => {
  for (const core of cores) await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const context = { transport: 'ws' as const, connection: 'page-1' };

describe('CoreGate', () => {
  it('a call made while the core composes waits and is answered by the core once it is there', async () => {
    let compose: (core: Core) => void = () => undefined;
    const gate = new CoreGate(
      new Promise<Core>((resolve) => {
        compose = resolve;
      }),
    );
    let answered = false;
    const call = gate.dispatch('system.info', {}, context).then((result) => {
      answered = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    const core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
    cores.push(core);
    compose(core);
    const result = await call;
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ shell: 'browser' });
  });

  it('a call after composing failed is answered NOT_AVAILABLE and nothing throws', async () => {
    const gate = new CoreGate(Promise.reject(new Error('store could not open')));
    const result = await gate.dispatch('system.info', {}, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    expect(() => {
      gate.endConnection('page-1');
    }).not.toThrow();
    expect(await gate.settled).toBeUndefined();
  });
});
