import { access } from 'node:fs/promises';
import type { HandlerGroup } from '../../api/dispatcher';
import type { HealthProbe } from '../health/health-check';
import { tesseractPaths } from './ocr-language-data';
import type { OcrPool } from './ocr-pool';

/** The `ocr.*` methods of the API contract. */
export function createOcrHandlers(pool: OcrPool): HandlerGroup<'ocr.status'> {
  return {
    'ocr.status': () => {
      const s = pool.status();
      return { ...s, languages: [...s.languages] };
    },
  };
}

/**
 * Diagnostics line: the OCR engine and its bundled language data are on disk
 * (checked without starting a worker, so Diagnostics stays instant).
 */
export function createOcrHealthProbe(pool: OcrPool): HealthProbe {
  return {
    id: 'ocr',
    kind: 'service',
    check: async () => {
      const status = pool.status();
      const paths = tesseractPaths();
      const files = [paths.workerPath, ...pool.modelFiles()];
      const missing: string[] = [];
      for (const file of files) {
        try {
          await access(file);
        } catch {
          missing.push(file);
        }
      }
      if (missing.length > 0) {
        return {
          id: 'ocr',
          kind: 'service',
          status: 'fail',
          detail: `missing OCR files: ${missing.join(', ')}`,
          detailVi: `Thiếu tệp dữ liệu nhận dạng chữ: ${missing.join(', ')}`,
          fix: {
            vi:
              status.modelDir === ''
                ? 'Thiếu dữ liệu nhận dạng chữ; hãy cài lại ứng dụng (npm ci).'
                : `Thiếu mô hình nhận dạng chữ trong ${status.modelDir}; hãy cài gói dữ liệu tesseract (tesseract-ocr-vie) hoặc để trống ocr.modelDir trong cấu hình.`,
            en:
              status.modelDir === ''
                ? 'OCR data is missing; reinstall the application (npm ci).'
                : `No OCR model in ${status.modelDir}; install the tesseract data package (tesseract-ocr-vie) or empty ocr.modelDir in the config.`,
          },
        };
      }
      return {
        id: 'ocr',
        kind: 'service',
        status: 'ok',
        detailVi: `Bộ nhận dạng chữ (tesseract.js): ${String(status.size)} luồng, ngôn ngữ ${status.languages.map((l) => (l === 'vie' ? 'tiếng Việt' : l)).join(', ')}, ${String(status.dpi)} dpi; đã nhận dạng ${String(status.pagesDone)} trang, ${String(status.busy)} trang đang làm, ${String(status.queued)} trang đang chờ.`,
        detail: `tesseract.js pool: ${String(status.size)} workers, ${status.languages.join('+')}, ${String(status.dpi)} dpi, ${String(status.pagesDone)} pages done, ${String(status.busy)} busy, ${String(status.queued)} queued`,
      };
    },
  };
}
