import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { dossierCodeOfQr } from '../../api/contract/document-qr';
import { KioskError } from '../../api/errors';
import { errorMessages } from '../../api/error-messages';
import { StaffAccounts } from '../../services/auth/staff-accounts';
import { ProcedureCatalogue } from '../../services/catalogue/procedure-catalogue';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import { receiptServiceFor } from '../../services/receipt/receipt-wiring';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';
import { openKioskStore } from '../../services/kiosk-store';

const usage = {
  vi: 'Cách dùng: kiosk receipt MÃ-HỒ-SƠ|ID|QR [--out TỆP.pdf]',
  en: 'Usage: kiosk receipt CODE|ID|QR [--out FILE.pdf]',
};

/** `kiosk receipt <code> --out receipt.pdf`: prints a saved dossier's receipt (Mẫu 01) again. */
export const receiptCommand: CliCommand = {
  name: 'receipt',
  summary: {
    vi: 'In lại giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)',
    en: "Print a dossier's receipt again (PDF)",
  },
  run: async (args, io: CliIo) => {
    const idOrCode = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
    const outIndex = args.indexOf('--out');
    const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
    if (idOrCode === undefined || (outIndex >= 0 && out === undefined)) {
      io.error(io.t(usage.vi, usage.en));
      return ExitCode.usage;
    }
    const dataDir = resolveDataDir(process.env);
    const { config } = loadConfig(dataDir);
    const store = openKioskStore(dataDir, config, process.env);
    try {
      const receipts = receiptServiceFor({
        config,
        store,
        catalogue: ProcedureCatalogue.open(store.database),
        accounts: new StaffAccounts(store.database),
      });
      // A paper's QR pasted or scanned into the terminal names its dossier too.
      const key = dossierCodeOfQr(idOrCode) ?? idOrCode;
      const receipt = await receipts.render(key, `cli:${userInfo().username}`);
      const path = resolve(out ?? receipt.fileName);
      writeFileSync(path, receipt.pdf, { mode: 0o600 });
      io.line(
        io.t(
          `Đã ghi giấy tiếp nhận (${receipt.pages} trang) vào ${path}`,
          `Receipt written (${receipt.pages} page(s)) to ${path}`,
        ),
      );
      io.result({ file: path, pages: receipt.pages, bytes: receipt.pdf.byteLength });
      return ExitCode.ok;
    } catch (error) {
      if (!(error instanceof KioskError)) throw error;
      const text = errorMessages[error.code];
      io.error(`${io.t(text.vi, text.en)} (${error.message})`);
      return error.code === 'DOSSIER_NOT_FOUND' ? ExitCode.badInput : ExitCode.failed;
    } finally {
      store.close();
    }
  },
};
