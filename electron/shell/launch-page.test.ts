import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LaunchCodes } from './launch-codes';
import { LAUNCH_FOLDER, LaunchPages } from './launch-page';

describe('launch pages', () => {
  it('are 0600 files in a 0700 folder, name nothing of the code, and go when removed', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-launch-unit-'));
    const pages = new LaunchPages(dataDir);
    const url = pages.write(
      'secret-code-123456789',
      'http://localhost:1/?launch=secret-code-123456789',
    );
    expect(url).not.toContain('secret');
    const file = fileURLToPath(url);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, LAUNCH_FOLDER)).mode & 0o777).toBe(0o700);
    pages.remove('secret-code-123456789');
    expect(existsSync(file)).toBe(false);
  });

  it('leftovers of an earlier run are removed at start-up, and a loose folder is closed to 0700', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-launch-unit-'));
    mkdirSync(join(dataDir, LAUNCH_FOLDER), { mode: 0o755 });
    writeFileSync(join(dataDir, LAUNCH_FOLDER, 'old.html'), 'launch=old');
    new LaunchPages(dataDir);
    expect(readdirSync(join(dataDir, LAUNCH_FOLDER))).toEqual([]);
    expect(statSync(join(dataDir, LAUNCH_FOLDER)).mode & 0o777).toBe(0o700);
  });

  it('an unused code that expires takes its page with it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-launch-unit-'));
    const pages = new LaunchPages(dataDir);
    const codes = new LaunchCodes({
      ttlMs: 50,
      onEnd: (code) => {
        pages.remove(code);
      },
    });
    const code = codes.issue();
    const file = fileURLToPath(pages.write(code, `http://localhost:1/?launch=${code}`));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(existsSync(file)).toBe(false);
    expect(codes.redeem(code)).toBe(false);
  });
});
