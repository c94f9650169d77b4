import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { OcrError } from '../../services/ocr/ocr-error';
import { OcrLanguagesSchema, resolveModelDir } from '../../services/ocr/ocr-language-data';
import { OcrPool } from '../../services/ocr/ocr-pool';
import type { OcrPageResult } from '../../services/ocr/ocr-result';
import { buildSearchablePdf } from '../../services/ocr/searchable-pdf';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';

const USAGE_VI =
  'Cách dùng: kiosk ocr [--lang vie+eng] [--dpi 70–600] [--model-dir auto|bundled|THƯ_MỤC] [--pdf RA.pdf] [--json] ẢNH…';
const USAGE_EN =
  'Usage: kiosk ocr [--lang vie+eng] [--dpi 70–600] [--model-dir auto|bundled|DIR] [--pdf OUT.pdf] [--json] IMAGE…';

const DpiSchema = z.coerce.number().int().min(70).max(600).optional();

function usage(io: CliIo, why?: { vi: string; en: string }): ExitCode {
  if (why !== undefined) io.error(io.t(why.vi, why.en));
  io.error(io.t(USAGE_VI, USAGE_EN));
  return ExitCode.usage;
}

async function readImages(io: CliIo, files: readonly string[]): Promise<Uint8Array[] | undefined> {
  const images: Uint8Array[] = [];
  for (const file of files) {
    try {
      images.push(new Uint8Array(await readFile(file)));
    } catch {
      io.error(
        io.t(
          `Không đọc được tệp "${file}"; hãy kiểm tra đường dẫn.`,
          `Cannot read "${file}"; check the path.`,
        ),
      );
      return undefined;
    }
  }
  return images;
}

/**
 * `kiosk ocr IMAGE…` recognises Vietnamese (and English) text in page
 * images with the bundled tesseract.js pool; `--pdf` also writes one
 * searchable PDF with a page per image; `--json` prints one object per
 * image, in input order.
 */
export const ocrCommand: CliCommand = {
  name: 'ocr',
  summary: {
    vi: 'Nhận dạng chữ trên ảnh trang (tạo PDF tìm kiếm được)',
    en: 'Recognise text in page images (searchable PDF)',
  },
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        options: {
          lang: { type: 'string', default: 'vie' },
          dpi: { type: 'string' },
          'model-dir': { type: 'string' },
          pdf: { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      return usage(io, {
        vi: 'Tham số không hợp lệ.',
        en: error instanceof Error ? error.message : 'Invalid arguments.',
      });
    }
    const languages = OcrLanguagesSchema.safeParse(parsed.values.lang);
    if (!languages.success) {
      return usage(io, {
        vi: 'Ngôn ngữ chỉ có thể là vie, eng hoặc vie+eng.',
        en: 'The language must be vie, eng or vie+eng.',
      });
    }
    // The resolution pages are handed to tesseract at (the pool's default
    // downscale unless asked): IT can trade speed for small print, and the
    // benchmark compares with native tesseract at the same resolution.
    const dpi = DpiSchema.safeParse(parsed.values.dpi);
    if (!dpi.success) {
      return usage(io, {
        vi: 'Độ phân giải (--dpi) phải là số nguyên từ 70 đến 600.',
        en: 'The resolution (--dpi) must be a whole number from 70 to 600.',
      });
    }
    const files = parsed.positionals;
    if (files.length === 0)
      return usage(io, { vi: 'Hãy chỉ ra ít nhất một ảnh.', en: 'Name at least one image.' });
    const images = await readImages(io, files);
    if (images === undefined) return ExitCode.badInput;

    const pool = new OcrPool({
      languages: languages.data,
      ...(dpi.data === undefined ? {} : { dpi: dpi.data }),
      modelDir: resolveModelDir(parsed.values['model-dir'] ?? 'auto', languages.data),
    });
    const pdf = parsed.values.pdf;
    let done = 0;
    try {
      const results: OcrPageResult[] = await Promise.all(
        images.map(async (image, i) => {
          const result = await pool.recognize(
            { id: files[i] ?? String(i), image },
            { textLayerPdf: pdf !== undefined },
          );
          done++;
          if (!io.json)
            io.error(
              io.t(
                `Đã nhận dạng ${String(done)}/${String(files.length)}`,
                `Recognised ${String(done)}/${String(files.length)}`,
              ),
            );
          return result;
        }),
      );
      if (pdf !== undefined) {
        await writeFile(
          pdf,
          await buildSearchablePdf(
            results.map((ocr, i) => ({ image: images[i] ?? new Uint8Array(), ocr })),
          ),
        );
      }
      io.result(
        results.map((r, i) => ({
          file: files[i],
          text: r.text,
          confidence: r.confidence,
          ms: r.ms,
          words: r.words.length,
          dpi: r.dpi,
        })),
      );
      for (const [i, r] of results.entries()) {
        io.line(
          `── ${files[i] ?? ''} (${io.t('độ tin cậy', 'confidence')} ${r.confidence.toFixed(0)}, ${String(r.ms)} ms)`,
        );
        io.line(r.text.trimEnd());
      }
      if (pdf !== undefined)
        io.line(io.t(`Đã ghi PDF tìm kiếm được: ${pdf}`, `Searchable PDF written: ${pdf}`));
      return ExitCode.ok;
    } catch (error) {
      if (!(error instanceof OcrError)) throw error;
      io.error(io.t(error.vi, error.en));
      return error.code === 'OCR_BAD_IMAGE' ? ExitCode.badInput : ExitCode.failed;
    } finally {
      await pool.close();
    }
  },
};
