import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { birthDateToIso, expiryDateToIso, MrzError } from '../../../native/smartcard/mrz';
import { OcrError } from '../../services/ocr/ocr-error';
import { MrzReader } from '../../services/ocr/mrz/mrz-reader';
import { ExitCode } from '../cli-io';
import type { CliCommand } from '../command';

/**
 * `kiosk mrz IMAGE` reads the TD1 MRZ from a scan of an ID card's back and
 * prints the fields the chip reader's BAC key needs. The name line has no
 * check digit and is shown for the clerk to confirm.
 */
export const mrzCommand: CliCommand = {
  name: 'mrz',
  summary: {
    vi: 'Đọc MRZ từ ảnh mặt sau thẻ CCCD (khóa BAC)',
    en: 'Read the MRZ from an ID card back image (BAC key)',
  },
  async run(args, io) {
    let file: string | undefined;
    try {
      const parsed = parseArgs({
        args: [...args],
        options: {},
        allowPositionals: true,
        strict: true,
      });
      file = parsed.positionals.length === 1 ? parsed.positionals[0] : undefined;
    } catch {
      file = undefined;
    }
    if (file === undefined) {
      io.error(io.t('Cách dùng: kiosk mrz ẢNH [--json]', 'Usage: kiosk mrz IMAGE [--json]'));
      return ExitCode.usage;
    }
    let image: Uint8Array;
    try {
      image = new Uint8Array(await readFile(file));
    } catch {
      io.error(
        io.t(
          `Không đọc được tệp "${file}"; hãy kiểm tra đường dẫn.`,
          `Cannot read "${file}"; check the path.`,
        ),
      );
      return ExitCode.badInput;
    }
    const reader = new MrzReader();
    try {
      const r = await reader.read(image);
      const { mrz } = r;
      io.result({
        file,
        lines: r.lines,
        documentNumber: mrz.documentNumber,
        personalId: mrz.personalId,
        birthDate: mrz.birthDate,
        expiryDate: mrz.expiryDate,
        sex: mrz.sex,
        surname: mrz.surname,
        givenNames: mrz.givenNames,
        nameVerified: r.nameVerified,
        corrections: r.corrections,
        bacKeyInput: r.bacKeyInput,
        ms: r.ms,
      });
      io.line(r.lines.join('\n'));
      io.line(`${io.t('Số giấy tờ', 'Document number')}: ${mrz.documentNumber}`);
      if (mrz.personalId !== null)
        io.line(`${io.t('Số định danh', 'Personal ID')}: ${mrz.personalId}`);
      io.line(`${io.t('Ngày sinh', 'Birth date')}: ${birthDateToIso(mrz.birthDate, new Date())}`);
      io.line(
        `${io.t('Có giá trị đến', 'Expires')}: ${mrz.expiryDate === '991231' ? io.t('không thời hạn', 'never') : expiryDateToIso(mrz.expiryDate)}`,
      );
      io.line(
        `${io.t('Họ tên (cần xác nhận)', 'Name (to confirm)')}: ${mrz.surname} ${mrz.givenNames}`.trimEnd(),
      );
      io.line(
        `${io.t('Số ký tự đã sửa theo số kiểm tra', 'Characters fixed by check digits')}: ${String(r.corrections)}`,
      );
      return ExitCode.ok;
    } catch (error) {
      if (error instanceof MrzError || error instanceof OcrError) {
        io.error(io.t(error.vi, error.en));
        return ExitCode.badInput;
      }
      throw error;
    } finally {
      await reader.close();
    }
  },
};
