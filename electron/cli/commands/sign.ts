import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SigningError } from '../../services/signing/signing-errors';
import { TokenSigner } from '../../services/signing/token-signer';
import { ExitCode } from '../cli-io';
import type { CliCommand } from '../command';
import { cliSigningSettings, reportSigningError } from './signing-cli';

/**
 * `kiosk sign IN.pdf --out OUT.pdf [--reason TEXT] [--json]`: one PAdES
 * signature with the configured token. The PIN comes from KIOSK_SIGNING_PIN
 * only (never an argument: it would sit in the shell history and `ps`).
 */
export const signCommand: CliCommand = {
  name: 'sign',
  summary: {
    vi: 'Ký số tệp PDF bằng thiết bị ký số đã cấu hình',
    en: 'Sign a PDF with the configured token',
  },
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          out: { type: 'string' },
          reason: { type: 'string' },
          location: { type: 'string' },
        },
      });
    } catch {
      parsed = null;
    }
    const input = parsed?.positionals[0];
    const out = parsed?.values.out;
    if (parsed === null || input === undefined || out === undefined) {
      io.error(
        io.t(
          'Cách dùng: KIOSK_SIGNING_PIN=… kiosk sign VÀO.pdf --out RA.pdf [--reason LÝ_DO] [--json]',
          'Usage: KIOSK_SIGNING_PIN=… kiosk sign IN.pdf --out OUT.pdf [--reason TEXT] [--json]',
        ),
      );
      return ExitCode.usage;
    }
    let pdf: Uint8Array;
    try {
      pdf = new Uint8Array(readFileSync(input));
    } catch {
      io.error(io.t(`Không đọc được tệp ${input}.`, `Cannot read ${input}.`));
      return ExitCode.badInput;
    }
    const pin = process.env.KIOSK_SIGNING_PIN ?? '';
    try {
      if (pin === '') throw new SigningError('SIGNING_PIN_REQUIRED', 'KIOSK_SIGNING_PIN is empty');
      const signer = TokenSigner.open(cliSigningSettings(), pin);
      try {
        const signed = await signer.signPdf(pdf, {
          ...(parsed.values.reason === undefined ? {} : { reason: parsed.values.reason }),
          ...(parsed.values.location === undefined ? {} : { location: parsed.values.location }),
        });
        // Written beside and renamed, so OUT is never a half-written file.
        writeFileSync(`${out}.part`, signed.pdf);
        renameSync(`${out}.part`, out);
        io.result({
          ok: true,
          out,
          signer: signed.signer,
          signingTime: signed.signingTime,
          timestamped: signed.timestamped,
        });
        io.line(
          io.t(
            `Đã ký: ${out} (người ký ${signed.signer.commonName}, ${signed.signer.organization}).`,
            `Signed: ${out} (by ${signed.signer.commonName}, ${signed.signer.organization}).`,
          ),
        );
        return ExitCode.ok;
      } finally {
        await signer.close();
      }
    } catch (error) {
      return reportSigningError(io, error);
    }
  },
};
