import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSaneTestEnv, type SaneTestEnv } from './sane-test-env';

let sane: SaneTestEnv;
let work: string;
beforeAll(() => {
  sane = createSaneTestEnv();
  work = mkdtempSync(join(tmpdir(), 'kiosk-cli-scan-'));
});
afterAll(() => {
  sane.dispose();
  rmSync(work, { recursive: true, force: true });
});

function kiosk(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['tsx', 'electron/cli/main.ts', ...args], {
    env: sane.env,
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ScanResult = z.object({
  device: z.string(),
  pages: z.array(z.object({ index: z.number(), file: z.string(), blank: z.boolean() })),
  pdf: z
    .object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), pageCount: z.number() })
    .nullable(),
  error: z.null(),
});

describe('kiosk scan', () => {
  it('--list --json lists the SANE test devices', () => {
    const run = kiosk(['--json', 'scan', '--list']);
    expect(run.status).toBe(0);
    const parsed = z
      .object({ devices: z.array(z.object({ id: z.string(), status: z.string() })) })
      .parse(JSON.parse(run.stdout));
    expect(parsed.devices.map((d) => d.id)).toEqual(['sane:test:0', 'sane:test:1']);
  });

  it('scans 3 ADF pages to a component PDF, with progress on stderr in Vietnamese', () => {
    const run = kiosk([
      '--json',
      '--lang',
      'vi',
      'scan',
      '--device',
      'sane:test:1',
      '--source',
      'adf',
      '--resolution',
      '300',
      '--mode',
      'gray',
      '--max-pages',
      '3',
      '--out',
      join(work, 'out'),
    ]);
    expect(run.status).toBe(0);
    const result = ScanResult.parse(JSON.parse(run.stdout));
    expect(result.pdf?.pageCount).toBe(3);
    expect(result.pages).toHaveLength(3);
    expect(run.stderr).toContain('Đã quét trang 3');
  });

  it('a bad option is a usage error (exit 2)', () => {
    expect(kiosk(['scan', '--source', 'tray', '--out', work]).status).toBe(2);
  });
});
