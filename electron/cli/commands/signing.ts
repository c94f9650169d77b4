import { certificateFromDer, signerIdentity } from '../../services/signing/certificate-info';
import { Pkcs11Module } from '../../services/signing/pkcs11-token';
import { SigningError } from '../../services/signing/signing-errors';
import { ExitCode } from '../cli-io';
import type { CliCommand } from '../command';
import { cliSigningSettings, reportSigningError } from './signing-cli';

const dmy = (d: Date): string =>
  d.toLocaleDateString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });

/**
 * `kiosk signing tokens [--json]`: what the configured PKCS#11 module sees —
 * each token, its PIN state (from the token flags) and its certificates.
 * No PIN is asked: only public objects are listed.
 */
export const signingCommand: CliCommand = {
  name: 'signing',
  summary: {
    vi: 'Ký số: liệt kê thiết bị ký số và chứng thư số',
    en: 'Signing: list tokens and their certificates',
  },
  run(args, io) {
    if (args[0] !== 'tokens' || args.length > 1) {
      io.error(
        io.t('Cách dùng: kiosk signing tokens [--json]', 'Usage: kiosk signing tokens [--json]'),
      );
      return Promise.resolve(ExitCode.usage);
    }
    try {
      const settings = cliSigningSettings();
      if (settings.pkcs11Module === '')
        throw new SigningError('SIGNING_NOT_CONFIGURED', 'no signing.pkcs11Module');
      const module = Pkcs11Module.load(settings.pkcs11Module);
      try {
        const tokens = module.tokens().map((t) => ({
          slot: t.slot,
          label: t.label,
          manufacturer: t.manufacturer,
          model: t.model,
          serialNumber: t.serialNumber,
          pin: t.pin,
          certificates: t.certificates.map((c) => ({
            id: c.id,
            label: c.label,
            ...signerIdentity(certificateFromDer(c.der)),
          })),
        }));
        io.result({ module: settings.pkcs11Module, tokens });
        if (tokens.length === 0)
          io.line(io.t('Không có thiết bị ký số nào được cắm.', 'No token is plugged in.'));
        for (const t of tokens) {
          const tries =
            t.pin.triesLeft === 0
              ? io.t('PIN ĐÃ BỊ KHOÁ', 'PIN LOCKED')
              : t.pin.triesLeft === 1
                ? io.t('chỉ còn 1 lần thử PIN', 'one PIN try left')
                : t.pin.countLow
                  ? io.t('đã có lần nhập sai PIN', 'a wrong PIN was entered')
                  : io.t('PIN bình thường', 'PIN normal');
          io.line(`${t.label} — ${t.manufacturer} ${t.model} (${t.serialNumber}), ${tries}`);
          for (const c of t.certificates)
            io.line(
              `  ${c.subject}\n    ${io.t('Cấp bởi', 'Issuer')}: ${c.issuer}\n    ${io.t('Hiệu lực', 'Valid')}: ${dmy(c.notBefore)} – ${dmy(c.notAfter)}`,
            );
        }
        return Promise.resolve(ExitCode.ok);
      } finally {
        module.close();
      }
    } catch (error) {
      return Promise.resolve(reportSigningError(io, error));
    }
  },
};
