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

function revocationText(io: CliIo, s: SignatureVerdict): string {
  switch (s.revocation) {
    case 'good':
      return io.t('chưa bị thu hồi', 'not revoked');
    case 'revoked':
      return io.t('ĐÃ BỊ THU HỒI', 'REVOKED');
    case 'unknown':
      return io.t('không xác định được', 'unknown');
    case 'not-checked':
      return io.t(
        'chưa kiểm tra (tệp không kèm OCSP; dùng --online)',
        'not checked (no OCSP in the file; use --online)',
      );
  }
}

function printSignature(io: CliIo, s: SignatureVerdict): void {
  const yes = (b: boolean): string => (b ? io.t('có', 'yes') : io.t('KHÔNG', 'NO'));
  io.line(
    s.type === 'DocTimeStamp'
      ? io.t(
          `Dấu thời gian tài liệu ${String(s.index)} (${s.subFilter}):`,
          `Document timestamp ${String(s.index)} (${s.subFilter}):`,
        )
      : io.t(
          `Chữ ký ${String(s.index)} (${s.subFilter}):`,
          `Signature ${String(s.index)} (${s.subFilter}):`,
        ),
  );
  io.line(`  ${io.t('Người ký', 'Signer')}: ${s.signer?.subject ?? '—'}`);
  io.line(`  ${io.t('Cấp bởi', 'Issuer')}: ${s.signer?.issuer ?? '—'}`);
  io.line(
    `  ${io.t('Thời gian ký', 'Signing time')}: ${vnTime(s.signingTime)} [${s.timeSource === 'timestamp' ? io.t('dấu thời gian', 'timestamp') : io.t('máy người ký ghi', 'claimed')}]`,
  );
  if (s.timestamp !== null)
    io.line(
      `  ${io.t('Dấu thời gian (TSA)', 'Timestamp (TSA)')}: ${vnTime(s.timestamp.time)} [${s.timestamp.valid ? io.t('hợp lệ', 'valid') : io.t('KHÔNG hợp lệ', 'NOT valid')}]`,
    );
  io.line(`  ${io.t('Nguyên vẹn', 'Intact')}: ${yes(s.intact)}`);
  io.line(`  ${io.t('Tin cậy', 'Trusted')}: ${yes(s.trusted)}`);
  io.line(`  ${io.t('Phủ toàn bộ tệp', 'Covers whole document')}: ${yes(s.coversWholeDocument)}`);
  if (s.modifiedAfter === 'signatures')
    io.line(
      `  ${io.t('Sau chữ ký này chỉ thêm chữ ký khác', 'Only signatures were added after it')}`,
    );
  if (s.type === 'Sig')
    io.line(`  ${io.t('Thu hồi (OCSP)', 'Revocation (OCSP)')}: ${revocationText(io, s)}`);
  for (const p of s.problems)
    io.line(`  ! ${io.t(verifyProblemText[p].vi, verifyProblemText[p].en)}`);
}

/**
 * `kiosk verify FILE.pdf [--trust DIR] [--online] [--json]`: checks every signature of
 * a PDF against the trusted roots in DIR (default: the config's
 * signing.trustDir); revocation from the file's DSS, and with --online from
 * the OCSP responders (signing.ocspUrl or each certificate's AIA). Exit 0 only when every signature is intact and trusted
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
        options: { trust: { type: 'string' }, online: { type: 'boolean' } },
      });
    } catch {
      parsed = null;
    }
    const file = parsed?.positionals[0];
    if (parsed === null || file === undefined || parsed.positionals.length > 1) {
      io.error(
        io.t(
          'Cách dùng: kiosk verify TỆP.pdf [--trust THƯ_MỤC] [--online] [--json]',
          'Usage: kiosk verify FILE.pdf [--trust DIR] [--online] [--json]',
        ),
      );
      return ExitCode.usage;
    }
    let trustDir = parsed.values.trust;
    const dataDir = resolveDataDir(process.env);
    const signing = loadConfig(dataDir).config.signing;
    trustDir ??= signing.trustDir === '' ? undefined : resolve(dataDir, signing.trustDir);
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
    const result = await verifyPdf(pdf, {
      anchors,
      online: parsed.values.online === true,
      ocspUrl: signing.ocspUrl,
    });
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
