import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComponentJobs } from '../../electron/services/components/component-jobs';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-scan-jobs-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scan jobs after a crash', () => {
  it('start-up removes every job folder a crashed run left and makes the jobs folder owner-only', () => {
    const jobsDir = join(dir, 'scans', 'scan-jobs');
    const crashed = join(jobsDir, '0192f3a0-0000-7000-8000-000000000001', 'upload');
    mkdirSync(crashed, { recursive: true, mode: 0o755 });
    chmodSync(jobsDir, 0o755);
    chmodSync(join(dir, 'scans'), 0o755);
    writeFileSync(join(crashed, 'source.jpg'), 'CCCD 001185012345 Nguyễn Thị Mai', { mode: 0o644 });

    const jobs = new ComponentJobs({
      // Never called: no job runs in this test.
      ocr: { recognize: () => Promise.reject(new Error('no OCR in this test')) },
      workDir: join(dir, 'scans'),
      emit: () => undefined,
    });
    expect(jobs.recoverAtStartup()).toBe(1);
    expect(existsSync(crashed)).toBe(false);
    expect(statSync(jobsDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'scans')).mode & 0o777).toBe(0o700);
  });
});
