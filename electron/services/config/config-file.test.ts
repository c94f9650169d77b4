import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../api/errors';
import { loadConfig } from './config-file';

const freshDir = () => mkdtempSync(join(tmpdir(), 'kiosk-config-'));

describe('config file', () => {
  it('a missing file is created with defaults that run out of the box', () => {
    const dir = freshDir();
    const loaded = loadConfig(dir);
    expect(loaded.created).toBe(true);
    expect(loaded.config.mode).toBe('staff');
    expect(loaded.config.locale).toBe('vi');
    expect(loaded.config.portal.trainingMode).toBe(true);
    expect(JSON.parse(readFileSync(loaded.path, 'utf8'))).toEqual(loaded.config);
  });

  it('a bad key gives an error naming it and the file is left untouched', () => {
    const dir = freshDir();
    const path = join(dir, 'config.json');
    const text = '{ "mode": "kiosk", "idleTimeoutSeconds": "soon" }\n';
    writeFileSync(path, text);
    let caught: unknown;
    try {
      loadConfig(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KioskError);
    const error = caught as KioskError;
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('idleTimeoutSeconds');
    expect(error.issues?.[0]?.path).toBe('idleTimeoutSeconds');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a file that is not JSON gives a clear error and is left untouched', () => {
    const dir = freshDir();
    const path = join(dir, 'config.json');
    writeFileSync(path, '{ mode: kiosk');
    expect(() => loadConfig(dir)).toThrow(/not valid JSON/);
    expect(readFileSync(path, 'utf8')).toBe('{ mode: kiosk');
  });

  it('an unknown key is refused rather than silently ignored', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'config.json'), '{ "mdoe": "kiosk" }');
    expect(() => loadConfig(dir)).toThrow(/mdoe|Unrecognized/);
  });
});
