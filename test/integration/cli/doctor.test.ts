import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HealthCheckSchema } from '../../../electron/api/contract/system';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const ReportSchema = z.object({
  ok: z.boolean(),
  dataDir: z.string(),
  checks: z.array(HealthCheckSchema),
});
const dirs: string[] = [];

function doctor(config: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-doctor-'));
  dirs.push(dataDir);
  if (config !== undefined) writeFileSync(join(dataDir, 'config.json'), config);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/main.ts', '--json', 'doctor'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_PORTAL_URL: 'http://127.0.0.1:1' },
      timeout: 90_000,
    },
  );
  return { dataDir, status: run.status, report: ReportSchema.parse(JSON.parse(run.stdout)) };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('kiosk doctor --json', () => {
  it('reports every check and exits non-zero exactly when one fails', () => {
    const { status, report } = doctor(undefined);
    const ids = report.checks.map((c) => c.id);
    for (const id of [
      'config',
      'node',
      'native:better-sqlite3',
      'native:pcsclite',
      'native:node-hid',
      'native:sharp',
      'pcscd',
      'scanners',
      'disk',
      'portal',
    ]) {
      expect(ids).toContain(id);
    }
    const portal = report.checks.find((c) => c.id === 'portal');
    expect(portal?.status).toBe('fail');
    expect(portal?.fix?.vi).toMatch(/portal-sim|Cổng/);
    expect(report.ok).toBe(false);
    expect(status).toBe(1);
  });

  it('names the bad key of a broken config file, fails, and leaves the file untouched', () => {
    const broken = '{ "mode": "kiosk", "idleTimeoutSeconds": "soon" }';
    const { dataDir, status, report } = doctor(broken);
    const config = report.checks.find((c) => c.id === 'config');
    expect(config?.status).toBe('fail');
    expect(config?.detail).toContain('idleTimeoutSeconds');
    expect(status).toBe(1);
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(broken);
  });
});
