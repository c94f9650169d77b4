import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { matchesGlob } from 'node:path';
import config from './electron-builder.mjs';

const require = createRequire(import.meta.url);
// Electron's own list of fuses, and the function electron-builder uses to turn
// our config into the fuse wire it writes into the binary.
const { FuseV1Options } = require('@electron/fuses') as {
  FuseV1Options: Record<string, number>;
};
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: {
    prototype: { generateFuseConfig(fuses: unknown): Promise<Record<number, boolean | undefined>> };
  };
};
const fuseWire = (fuses: unknown) =>
  PlatformPackager.prototype.generateFuseConfig.call(undefined, fuses);

/** Fuses that, when true, let something other than our signed app code run or reach files. */
const OPENS_A_DOOR = new Set([
  'RunAsNode',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'GrantFileProtocolExtraPrivileges',
  // Not a door, but a second snapshot we do not build: off.
  'LoadBrowserProcessSpecificV8Snapshot',
]);
/** Fuses that, when true, protect data or make the app load only its own integrity-checked code. */
const CLOSES_A_DOOR = new Set([
  'EnableCookieEncryption',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
]);

describe('the packaged kiosk', () => {
  it('flips every fuse Electron knows, each to the side that keeps the kiosk closed', async () => {
    const wire = await fuseWire(config.electronFuses);
    const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      // A fuse Electron adds later must be classified here before it ships unset.
      expect(OPENS_A_DOOR.has(name) || CLOSES_A_DOOR.has(name), `unclassified fuse ${name}`).toBe(
        true,
      );
      expect(wire[FuseV1Options[name]!], `fuse ${name}`).toBe(CLOSES_A_DOOR.has(name));
    }
  });

  it('ships inside an asar with native modules unpacked and rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
  });

  it('unpacks the WIA bridge script the Electron bundle carries, so PowerShell can run it', () => {
    // As electron-builder matches asarUnpack: each glob against the file's path in the app.
    const unpacked = (path: string) =>
      (config.asarUnpack as string[]).some((glob) => matchesGlob(path, glob));
    expect(
      existsSync('dist/electron/wia-bridge.ps1') || !existsSync('dist/electron/main.mjs'),
    ).toBe(true);
    expect(unpacked('dist/electron/wia-bridge.ps1')).toBe(true);
    expect(unpacked('dist/electron/main.mjs')).toBe(false);
  });
});
