import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTrustStore } from '../../../native/smartcard/passive-auth';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { verifyPdf } from '../../services/signing/pdf-verifier';
import type { SignatureVerdict } from '../../services/signing/pdf-verifier';
import { verifyProblemText } from '../../services/signing/verify-problems';
import type { CliIo } from '../cli-io';
import { ExitCode } from '../cli-io';
import type { CliCommand } from '../command';

const vnTime = (d: Date | null): string =>
  d === null
    ? '—'
    : `${d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false })} (GMT+7)`;

function printSignature(io: CliIo, s: SignatureVerdict): void {
  const yes = (b: boolean): string => (b ? io.t('có', 'yes') : io.t('KHÔNG', 'NO'));
  io.line(
    io.t(
      `Chữ ký ${String(s.index)} (${s.subFilter}):`,
      `Signature ${String(s.index)} (${s.subFilter}):`,
    ),
  );
  io.line(`  ${io.t('Người ký', 'Signer')}: ${s.signer?.subject ?? '—'}`);
  io.line(`  ${io.t('Cấp bởi', 'Issuer')}: ${s.signer?.issuer ?? '—'}`);
  io.line(
    `  ${io.t('Thời gian ký', 'Signing time')}: ${vnTime(s.signingTime)} [${s.timeSource === 'timestamp' ? io.t('dấu thời gian', 'timestamp') : io.t('máy người ký ghi', 'claimed')}]`,
  );
  io.line(`  ${io.t('Nguyên vẹn', 'Intact')}: ${yes(s.intact)}`);
  io.line(`  ${io.t('Tin cậy', 'Trusted')}: ${yes(s.trusted)}`);
  io.line(`  ${io.t('Phủ toàn bộ tệp', 'Covers whole document')}: ${yes(s.coversWholeDocument)}`);
  if (s.modifiedAfter === 'signatures')
    io.line(
      `  ${io.t('Sau chữ ký này chỉ thêm chữ ký khác', 'Only signatures were added after it')}`,
    );
  io.line(
    `  ${io.t('Thu hồi (OCSP/CRL)', 'Revocation (OCSP/CRL)')}: ${io.t('chưa kiểm tra', 'not checked')}`,
  );
  for (const p of s.problems)
    io.line(`  ! ${io.t(verifyProblemText[p].vi, verifyProblemText[p].en)}`);
}

/**
 * `kiosk verify FILE.pdf [--trust DIR] [--json]`: checks every signature of
 * a PDF against the trusted roots in DIR (default: the config's
 * signing.trustDir). Exit 0 only when every signature is intact and trusted
 * and nothing but signatures was added after any of them.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: {
    vi: 'Kiểm tra chữ ký số trên tệp PDF',
    en: 'Verify the digital signatures of a PDF',
  },
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { trust: { type: 'string' } },
      });
    } catch {
      parsed = null;
    }
    const file = parsed?.positionals[0];
    if (parsed === null || file === undefined || parsed.positionals.length > 1) {
      io.error(
        io.t(
          'Cách dùng: kiosk verify TỆP.pdf [--trust THƯ_MỤC] [--json]',
          'Usage: kiosk verify FILE.pdf [--trust DIR] [--json]',
        ),
      );
      return ExitCode.usage;
    }
    let trustDir = parsed.values.trust;
    if (trustDir === undefined) {
      const dataDir = resolveDataDir(process.env);
      const configured = loadConfig(dataDir).config.signing.trustDir;
      trustDir = configured === '' ? undefined : resolve(dataDir, configured);
    }
    let pdf: Uint8Array;
    try {
      pdf = new Uint8Array(readFileSync(file));
    } catch {
      io.error(io.t(`Không đọc được tệp ${file}.`, `Cannot read ${file}.`));
      return ExitCode.badInput;
    }
    let anchors: Awaited<ReturnType<typeof loadTrustStore>>['certificates'] = [];
    if (trustDir !== undefined) {
      try {
        const store = await loadTrustStore(trustDir);
        anchors = store.certificates;
        for (const p of store.problems) io.error(p);
      } catch {
        io.error(
          io.t(
            `Không đọc được thư mục chứng thư gốc ${trustDir}.`,
            `Cannot read the trust folder ${trustDir}.`,
          ),
        );
      }
    }
    const result = await verifyPdf(pdf, { anchors });
    io.result({
      file,
      ok: result.ok,
      signatures: result.signatures.map((s) => ({
        ...s,
        problems: s.problems.map((code) => ({ code, ...verifyProblemText[code] })),
      })),
    });
    if (result.signatures.length === 0)
      io.line(io.t('Tệp không có chữ ký số.', 'The file has no digital signature.'));
    for (const s of result.signatures) printSignature(io, s);
    io.line(
      result.ok
        ? io.t(
            'Kết luận: mọi chữ ký đều hợp lệ và tin cậy.',
            'Verdict: every signature is valid and trusted.',
          )
        : io.t(
            'Kết luận: KHÔNG đạt — xem các dòng "!" ở trên.',
            'Verdict: NOT valid — see the "!" lines above.',
          ),
    );
    return result.ok ? ExitCode.ok : ExitCode.failed;
  },
};
