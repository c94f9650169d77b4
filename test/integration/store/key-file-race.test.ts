import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME } from '../../../electron/services/store/crypto/key-provider';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A real Node process that asks FileKeyProvider for the folder's key and prints it. */
function keyFromProcess(
  dataDir: string,
): Promise<{ status: number | null; out: string; err: string }> {
  const script = [
    "import { FileKeyProvider } from './electron/services/store/crypto/key-provider.ts';",
    `process.stdout.write(new FileKeyProvider(${JSON.stringify(dataDir)}).masterKey().toString('hex'));`,
  ].join('\n');
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (status) => {
      resolve({ status, out, err });
    });
  });
}

/**
 * A bare Node process that reads the key file the instant its name appears
 * and prints how many characters it found, or "timeout" after 10 s.
 */
function firstSightOf(path: string): Promise<string> {
  const script = [
    "const { readFileSync } = require('node:fs');",
    'const end = Date.now() + 10000;',
    'for (;;) {',
    `  try { process.stdout.write(String(readFileSync(${JSON.stringify(path)}, 'utf8').length)); break; }`,
    "  catch { if (Date.now() > end) { process.stdout.write('timeout'); break; } }",
    '}',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['-e', script]);
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', () => {
      resolve(out);
    });
  });
}

describe('the data folder key, created by many processes at once', () => {
  // Before the fix the key file was created empty and then written, so this
  // reader saw 0 characters in 15 of 15 rounds.
  it('a process reading the moment the key file appears sees the whole key', async () => {
    for (let round = 0; round < 5; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'kiosk-key-race-'));
      dirs.push(dir);
      const seen = firstSightOf(join(dir, KEY_FILE_NAME));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const creator = await keyFromProcess(dir);
      expect(creator.status).toBe(0);
      expect(await seen).toBe('65');
    }
  }, 120_000);

  // CI once saw one of ten `kiosk queue take` on a fresh folder read the key
  // file another had created but not yet written, and refuse it as corrupt.
  it('every process gets the one key, and no draft file is left behind', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'kiosk-key-race-'));
      dirs.push(dir);
      const runs = await Promise.all(Array.from({ length: 8 }, () => keyFromProcess(dir)));
      expect(runs.map((r) => r.err)).toEqual(runs.map(() => ''));
      expect(runs.map((r) => r.status)).toEqual(runs.map(() => 0));
      const keys = new Set(runs.map((r) => r.out));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toMatch(/^[0-9a-f]{64}$/);
      expect(readdirSync(dir)).toEqual([KEY_FILE_NAME]);
    }
  }, 120_000);
});
