import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stampState, writeStamp } from './build-stamp.mjs';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-stamp-'));
  writeFileSync(join(base, 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(base, 'b.ts'), 'export const b = 2;\n');
  writeStamp('node', ['a.ts', 'b.ts'], base);
});
afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('build stamps', () => {
  it('say a build that never ran here is missing', () => {
    expect(stampState('renderer', base)).toBe('missing');
  });

  it('say a build is fresh while its sources are untouched', () => {
    expect(stampState('node', base)).toBe('fresh');
  });

  it('keep a build fresh when a checkout only touched a file', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(base, 'a.ts'), later, later);
    expect(stampState('node', base)).toBe('fresh');
  });

  it('call a build stale when a source it read changed, even at the same size', () => {
    writeFileSync(join(base, 'b.ts'), 'export const b = 3;\n');
    expect(stampState('node', base)).toBe('stale');
  });

  it('call a build stale when a source it read was deleted', () => {
    rmSync(join(base, 'a.ts'));
    expect(stampState('node', base)).toBe('stale');
  });
});
