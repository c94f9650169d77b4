import { userInfo } from 'node:os';
import { StaffAccounts } from '../../services/auth/staff-accounts';
import { ProcedureCatalogue } from '../../services/catalogue/procedure-catalogue';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { receiptServiceFor } from '../../services/receipt/receipt-wiring';
import { signPending } from '../../services/intake/sign-pending';
import { SigningError } from '../../services/signing/signing-errors';
import { TokenSigner } from '../../services/signing/token-signer';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';
import { cliSigningSettings, reportSigningError } from './signing-cli';
import { openKioskStore } from '../../services/kiosk-store';

/**
 * `KIOSK_SIGNING_PIN=… kiosk sign-pending [--json]`: signs with the
 * configured token the dossiers saved "chưa ký số" whose files have not gone
 * to the portal yet (components and receipt), so the sync sends signed files.
 */
export const signPendingCommand: CliCommand = {
  name: 'sign-pending',
  summary: {
    vi: 'Ký số bổ sung các hồ sơ "chưa ký số" chưa gửi lên Cổng',
    en: 'Sign the unsigned dossiers not yet sent to the portal',
  },
  run: async (_args, io: CliIo) => {
    const dataDir = resolveDataDir(process.env);
    const { config } = loadConfig(dataDir);
    const pin = process.env.KIOSK_SIGNING_PIN ?? '';
    let signer: TokenSigner;
    try {
      if (pin === '') throw new SigningError('SIGNING_PIN_REQUIRED', 'KIOSK_SIGNING_PIN is empty');
      signer = TokenSigner.open(cliSigningSettings(), pin);
    } catch (error) {
      return reportSigningError(io, error);
    }
    const store = openKioskStore(dataDir, config, process.env);
    try {
      const receipts = receiptServiceFor({
        config,
        store,
        catalogue: ProcedureCatalogue.open(store.database),
        accounts: new StaffAccounts(store.database),
      });
      const actor = `cli:${userInfo().username}`;
      const report = await signPending({
        store,
        signer,
        receipt: async (id, who) => (await receipts.renderFresh(id, who)).pdf,
        location: config.receipt.place,
        actor,
        log: {
          warn: (fields, message) => {
            io.error(`${message} ${JSON.stringify(fields)}`);
          },
        },
      });
      io.result({ ok: true, ...report });
      io.line(
        io.t(
          `Đã ký số ${report.signed.length} hồ sơ.${report.alreadySent.length > 0 ? ` ${report.alreadySent.length} hồ sơ đã gửi lên Cổng trong lúc ký nên giữ nguyên "chưa ký số".` : ''}`,
          `Signed ${report.signed.length} dossier(s).${report.alreadySent.length > 0 ? ` ${report.alreadySent.length} went to the portal meanwhile and stay unsigned.` : ''}`,
        ),
      );
      return ExitCode.ok;
    } catch (error) {
      return reportSigningError(io, error);
    } finally {
      store.close();
    }
  },
};
