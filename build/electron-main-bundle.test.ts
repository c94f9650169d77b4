import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The Electron main process must stay thin (issue 14): the core runs in a
 * utility process, so a native crash in pcsclite, sharp or SQLite, or a page
 * pipeline holding the event loop, cannot take the window with it. That holds
 * only while main's bundle does not pull the core in; this test reads what
 * esbuild would put in dist/electron/main.mjs and fails the day an import
 * brings the composition root (or any device, store or pipeline module) back.
 */
async function inputsAndImports(entry: string) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const imports = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((i) => i.external).map((i) => i.path),
  );
  return { inputs, imports };
}

/** npm packages that are the core's: native code, the OCR engine, the PDF stack. */
const CORE_PACKAGES = [
  'better-sqlite3',
  'pcsclite',
  'node-hid',
  'sharp',
  'tesseract.js',
  'pdf-lib',
  'pg',
  'pkcs11js',
];

describe('the Electron main bundle', () => {
  it('holds the window, the IPC relay and the supervisor, not the core', async () => {
    const main = await inputsAndImports('electron/shell/electron-main.ts');
    expect(main.inputs).toContain('electron/shell/core-process/core-supervisor.ts');
    expect(main.inputs).toContain('electron/shell/core-process/utility-launcher.ts');
    expect(main.inputs.filter((path) => path.endsWith('composition-root.ts'))).toEqual([]);
    const coreModules = main.inputs.filter((path) =>
      /^electron\/services\/(scan|ocr|card|sync|signing|intake|queue|portal|hid)\//.test(path),
    );
    // Pure modules (the Citizen schema, error types, key-file names) may come
    // along with the API contract; the services that do the work may not.
    expect(coreModules).toEqual([]);
    expect(main.imports.filter((name) => CORE_PACKAGES.includes(name))).toEqual([]);
  });

  it('puts the composition root and its native modules in the core entry instead', async () => {
    const core = await inputsAndImports('electron/shell/core-process/core-main.ts');
    expect(core.inputs).toContain('electron/shell/composition-root.ts');
    expect(core.imports).toEqual(expect.arrayContaining(['better-sqlite3', 'sharp']));
  });
});
