/**
 * The one scanner interface every backend implements (SANE, eSCL, WIA, file
 * import) and every consumer reads (scan service, OCR, CLI). Pure: no Node
 * modules, so the contract and the renderer-facing schemas can mirror it.
 *
 * Capabilities are all optional: drivers differ, and an option the app
 * assumed mandatory (`--mode`, `-l`) is a known cause of failed scans.
 */

export type ScannerBackendName = 'sane' | 'escl' | 'wia' | 'import';

/** Where the paper is: on the glass, or in the automatic document feeder. */
export type ScanSource = 'flatbed' | 'adf' | 'adf-duplex';

/** `bitonal` is 1 bit per pixel (SANE "Lineart", eSCL "BlackAndWhite1"). */
export type ColourMode = 'color' | 'gray' | 'bitonal';

/** Image container of a page file as the device delivered it. */
export type PageFormat = 'pnm' | 'tiff' | 'png' | 'jpeg' | 'pdf';

export interface ScanArea {
  readonly widthMm: number;
  readonly heightMm: number;
}

/** A continuous resolution range, as SANE reports `--resolution 1..1200`. */
export interface ResolutionRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export interface ScannerCapabilities {
  readonly sources?: readonly ScanSource[];
  /** Discrete values (eSCL, most SANE drivers) or a range (SANE test, some others). */
  readonly resolutions?: readonly number[] | ResolutionRange;
  readonly modes?: readonly ColourMode[];
  readonly maxArea?: ScanArea;
  /** The ADF turns pages over and scans both sides. */
  readonly duplex?: boolean;
}

export type DeviceStatus = 'ready' | 'offline' | 'busy';

export interface ScannerDevice {
  /** Unique across backends: `sane:test:0`, `escl:http://127.0.0.1:8080/eSCL`, `wia:{…}`. */
  readonly id: string;
  readonly backend: ScannerBackendName;
  /** What the operator sees, e.g. "Canon DR-C225" or the device's own name. */
  readonly name: string;
  readonly vendor?: string;
  readonly model?: string;
  readonly status: DeviceStatus;
  /** Empty when the device could not be probed (then `problem` says why). */
  readonly capabilities: ScannerCapabilities;
  /** Why the device is offline or busy, for the operator; absent when ready. */
  readonly problem?: ScanErrorCode;
}

export interface ScanOptions {
  /** Folder the page files are written to; the backend creates it if missing. */
  readonly outDir: string;
  readonly source?: ScanSource;
  /** Dots per inch; the device's default when absent. */
  readonly resolution?: number;
  readonly mode?: ColourMode;
  /** Scan area from the top-left corner; the device's maximum when absent. */
  readonly area?: ScanArea;
  /** Stop after this many pages (the whole feeder when absent; 1 on the flatbed). */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ScanProgress) => void;
}

/**
 * One scanned page. Pages are always files (content-addressed blobs later):
 * a 300 dpi colour A4 page is 26 MB raw, too big to pass around in memory.
 */
export interface ScannedPage {
  /** 0-based position in the batch, in the order the device delivered it. */
  readonly index: number;
  readonly path: string;
  readonly format: PageFormat;
  /** Pixels. */
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly mode: ColourMode;
}

export type ScanPhase = 'starting' | 'scanning' | 'page-done' | 'finished';

export interface ScanProgress {
  readonly phase: ScanPhase;
  /** Pages completed so far. */
  readonly pagesDone: number;
  /** Pages expected, when known (maxPages, or a file with a page count). */
  readonly pagesTotal?: number;
}

/** A scanner bridge. One instance per backend; the scan service composes them. */
export interface ScannerBackend {
  readonly name: ScannerBackendName;
  /**
   * Lists the devices this backend sees. Each device is probed on its own with
   * a timeout: an offline device is returned with status `offline`, never
   * allowed to stop the others from being listed.
   */
  listDevices(options?: { readonly signal?: AbortSignal }): Promise<readonly ScannerDevice[]>;
  /**
   * Scans and yields each page as soon as its file is complete. On a jam, an
   * empty feeder, a vanished device or a cancel, the iteration throws a
   * {@link ScanError} whose `pages` lists every page completed before it
   * (their files stay on disk).
   */
  scan(deviceId: string, options: ScanOptions): AsyncIterable<ScannedPage>;
}

export type ScanErrorCode =
  | 'PAPER_JAM'
  | 'FEEDER_EMPTY'
  | 'COVER_OPEN'
  | 'DEVICE_GONE'
  | 'DEVICE_OFFLINE'
  | 'DEVICE_BUSY'
  | 'DEVICE_NOT_FOUND'
  | 'UNSUPPORTED_OPTION'
  | 'BACKEND_MISSING'
  | 'BAD_FILE'
  | 'CANCELLED'
  | 'SCAN_FAILED';

/** What the operator reads: what happened and what to do next, Vietnamese first. */
export const scanErrorMessages: Readonly<
  Record<ScanErrorCode, { readonly vi: string; readonly en: string }>
> = {
  PAPER_JAM: {
    vi: 'Kẹt giấy trong khay nạp. Mở nắp máy quét, gỡ tờ bị kẹt rồi quét tiếp; các trang đã quét vẫn được giữ.',
    en: 'Paper jam in the feeder. Open the scanner cover, remove the jammed sheet and scan again; pages already scanned are kept.',
  },
  FEEDER_EMPTY: {
    vi: 'Khay nạp giấy trống. Đặt giấy vào khay nạp rồi quét lại.',
    en: 'The document feeder is empty. Load the paper into the feeder and scan again.',
  },
  COVER_OPEN: {
    vi: 'Nắp máy quét đang mở. Đóng nắp rồi quét lại.',
    en: 'The scanner cover is open. Close it and scan again.',
  },
  DEVICE_GONE: {
    vi: 'Máy quét bị ngắt kết nối giữa chừng. Kiểm tra cáp USB/mạng và nguồn điện rồi quét tiếp; các trang đã quét vẫn được giữ.',
    en: 'The scanner was disconnected during the scan. Check the USB/network cable and power, then continue; pages already scanned are kept.',
  },
  DEVICE_OFFLINE: {
    vi: 'Máy quét không phản hồi. Kiểm tra máy đã bật và đã cắm cáp, rồi bấm "Tìm lại máy quét".',
    en: 'The scanner does not respond. Check it is on and connected, then press "Find scanners again".',
  },
  DEVICE_BUSY: {
    vi: 'Máy quét đang bận với một lệnh quét khác. Chờ lệnh đó xong rồi thử lại.',
    en: 'The scanner is busy with another scan. Wait for it to finish and try again.',
  },
  DEVICE_NOT_FOUND: {
    vi: 'Không tìm thấy máy quét đã chọn. Bấm "Tìm lại máy quét" và chọn lại máy.',
    en: 'The selected scanner was not found. Press "Find scanners again" and choose it again.',
  },
  UNSUPPORTED_OPTION: {
    vi: 'Máy quét không hỗ trợ thiết lập đã chọn (nguồn giấy, độ phân giải hoặc chế độ màu). Chọn thiết lập khác rồi quét lại.',
    en: 'The scanner does not support the chosen setting (source, resolution or colour mode). Choose another setting and scan again.',
  },
  BACKEND_MISSING: {
    vi: 'Chưa cài phần mềm điều khiển máy quét (SANE/scanimage hoặc WIA). Liên hệ bộ phận CNTT để cài đặt.',
    en: 'The scanner software (SANE/scanimage or WIA) is not installed. Ask IT staff to install it.',
  },
  BAD_FILE: {
    vi: 'Không đọc được tệp (hỏng hoặc không phải PDF, JPEG, PNG, TIFF). Chọn tệp khác.',
    en: 'The file cannot be read (damaged, or not PDF, JPEG, PNG or TIFF). Choose another file.',
  },
  CANCELLED: {
    vi: 'Đã hủy lệnh quét. Các trang quét xong trước khi hủy vẫn được giữ.',
    en: 'The scan was cancelled. Pages finished before the cancel are kept.',
  },
  SCAN_FAILED: {
    vi: 'Quét không thành công. Thử quét lại; nếu vẫn lỗi, tắt và bật lại máy quét.',
    en: 'The scan failed. Try again; if it still fails, switch the scanner off and on.',
  },
};

/** A typed scan failure; `pages` are the pages completed before it, still on disk. */
export class ScanError extends Error {
  readonly code: ScanErrorCode;
  readonly pages: readonly ScannedPage[];
  /** Backend detail for the log (e.g. scanimage's stderr line), English. */
  readonly detail: string;

  constructor(code: ScanErrorCode, detail: string, pages: readonly ScannedPage[] = []) {
    super(`${scanErrorMessages[code].en} (${detail})`);
    this.name = 'ScanError';
    this.code = code;
    this.detail = detail;
    this.pages = pages;
  }

  /** The operator-facing text in the chosen language. */
  text(locale: 'vi' | 'en'): string {
    return scanErrorMessages[this.code][locale];
  }

  withPages(pages: readonly ScannedPage[]): ScanError {
    return new ScanError(this.code, this.detail, pages);
  }
}

export function isScanError(error: unknown): error is ScanError {
  return error instanceof ScanError;
}

/** The outcome of draining a scan: every page, and the error that ended it early, if any. */
export interface ScanBatch {
  readonly pages: readonly ScannedPage[];
  readonly error?: ScanError;
}

/**
 * Drains a scan into a batch, keeping the pages completed before a failure.
 * An error that is not a ScanError is a bug and is rethrown.
 */
export async function collectScan(
  pages: AsyncIterable<ScannedPage>,
  onPage?: (page: ScannedPage) => void,
): Promise<ScanBatch> {
  const done: ScannedPage[] = [];
  try {
    for await (const page of pages) {
      done.push(page);
      onPage?.(page);
    }
    return { pages: done };
  } catch (error) {
    if (error instanceof ScanError) return { pages: done, error: error.withPages(done) };
    throw error;
  }
}
