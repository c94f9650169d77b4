import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProbes } from './health-check';
import {
  diskProbe,
  nativeModuleProbe,
  nodeVersionProbe,
  pcscdProbe,
  portalProbe,
  printerProbe,
} from './system-probes';

/** English words the probes' log lines use; none may reach the Vietnamese screen line. */
const ENGLISH =
  /\b(not|no|found|free|loads?|listening|answered|reachable|installed|ready|older|than|printer|every|disabled|answer|with|failed)\b/i;
const dataDir = mkdtempSync(join(tmpdir(), 'probe-'));

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the system probes speak Vietnamese on the screen', () => {
  it('every check, ok or failed, has a Vietnamese line with diacritics and no English words', async () => {
    const checks = await runProbes([
      nodeVersionProbe(),
      nodeVersionProbe('18.0.0'),
      nativeModuleProbe('better-sqlite3'),
      nativeModuleProbe('mo-dun-vang-mat'),
      diskProbe(dataDir),
      pcscdProbe(join(dataDir, 'no-pcscd.comm')),
      portalProbe('http://127.0.0.1:1', true, 1000),
      portalProbe('http://127.0.0.1:1', false, 1000),
      printerProbe(),
    ]);
    expect(checks.map((c) => c.status)).toContain('fail');
    for (const check of checks) {
      const vi = check.detailVi ?? '';
      expect(vi, check.id).toMatch(
        /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
      );
      // Technical names IT needs (pcscd, a path, a system error) are allowed after the sentence.
      const sentence = vi.split(/Lỗi hệ thống báo:|Chi tiết:|\(|http|\//)[0] ?? '';
      expect(sentence, `${check.id}: ${vi}`).not.toMatch(ENGLISH);
      expect(check.detail, check.id).not.toBe('');
    }
  });
});
