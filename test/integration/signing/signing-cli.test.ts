import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIN, makePki, makeToken } from './signing-peers';
import type { Pki, SoftToken } from './signing-peers';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kiosk-signing-cli-'));
let pki: Pki;
let token: SoftToken;

/** The `kiosk` bin as IT runs it, with this test's data folder and SoftHSM2 token. */
function kiosk(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['electron/cli/kiosk.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...token.env, KIOSK_DATA_DIR: join(work, 'data'), KIOSK_LOCALE: 'vi', ...env },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  pki = makePki();
  token = makeToken(pki.signer);
  mkdirSync(join(work, 'data'));
  writeFileSync(
    join(work, 'data', 'config.json'),
    JSON.stringify({
      signing: {
        pkcs11Module: token.module,
        tokenLabel: token.label,
        chainFile: pki.chainFile,
        trustDir: pki.trustDir,
      },
    }),
  );
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Giay tiep nhan', { x: 60, y: 700 });
  writeFileSync(join(work, 'in.pdf'), await doc.save());
});

afterAll(() => {
  token.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('kiosk signing, sign and verify', () => {
  it('signing tokens lists the token, its PIN state and its certificate without a PIN', () => {
    const run = kiosk({}, '--json', 'signing', 'tokens');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      tokens: {
        label: string;
        pin: { locked: boolean };
        certificates: { commonName: string; issuer: string }[];
      }[];
    };
    expect(out.tokens.map((t) => t.label)).toEqual([token.label]);
    expect(out.tokens[0]?.pin.locked).toBe(false);
    expect(out.tokens[0]?.certificates[0]?.commonName).toBe('Nguyễn Văn An');
    expect(out.tokens[0]?.certificates[0]?.issuer).toContain('Kiosk Test Issuing CA');
  });

  it('sign makes a PDF that verify accepts against the configured trust folder, and rejects without it', () => {
    const out = join(work, 'out.pdf');
    const signed = kiosk(
      { KIOSK_SIGNING_PIN: PIN },
      '--json',
      'sign',
      join(work, 'in.pdf'),
      '--out',
      out,
      '--reason',
      'Số hoá thành phần hồ sơ',
    );
    expect(signed.status).toBe(0);
    expect(
      (JSON.parse(signed.stdout) as { signer: { commonName: string } }).signer.commonName,
    ).toBe('Nguyễn Văn An');
    const verified = kiosk({}, '--json', 'verify', out);
    expect(verified.status).toBe(0);
    const report = JSON.parse(verified.stdout) as {
      ok: boolean;
      signatures: { intact: boolean; trusted: boolean; coversWholeDocument: boolean }[];
    };
    expect(report.ok).toBe(true);
    expect(report.signatures).toMatchObject([
      { intact: true, trusted: true, coversWholeDocument: true },
    ]);
    const empty = join(work, 'empty-trust');
    mkdirSync(empty);
    const untrusted = kiosk({}, 'verify', out, '--trust', empty);
    expect(untrusted.status).toBe(1);
    expect(untrusted.stdout).toContain('Chưa có chứng thư gốc tin cậy');
  });

  it('a wrong PIN fails with the Vietnamese message and the PIN appears nowhere', () => {
    const run = kiosk(
      { KIOSK_SIGNING_PIN: '999999' },
      'sign',
      join(work, 'in.pdf'),
      '--out',
      join(work, 'x.pdf'),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Mã PIN không đúng');
    expect(run.stderr).toContain('SIGNING_PIN_WRONG');
    expect(run.stdout + run.stderr).not.toContain('999999');
  });
});
