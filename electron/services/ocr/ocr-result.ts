/** Pixel box in the page image as given to OCR (origin top left). */
export interface OcrBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface OcrWord {
  /** NFC. */
  readonly text: string;
  /** 0-100, tesseract's word confidence. */
  readonly confidence: number;
  readonly box: OcrBox;
}

/** One page to recognise: an encoded image (PNG, JPEG, TIFF, BMP) and a caller's id. */
export interface OcrInput {
  readonly id: string;
  readonly image: Uint8Array;
}

export interface OcrPageResult {
  readonly id: string;
  /** Whole-page text, NFC, lines separated by `\n`. */
  readonly text: string;
  /** 0-100, mean over the page. */
  readonly confidence: number;
  readonly words: readonly OcrWord[];
  /** Width and height of the image the boxes refer to (after downscaling). */
  readonly width: number;
  readonly height: number;
  /** Resolution OCR ran at, in dots per inch. */
  readonly dpi: number;
  /**
   * One-page PDF holding only the invisible text layer (tesseract's own
   * renderer, glyphless font, render mode 3), when asked for; it is laid
   * over the page image by `buildSearchablePdf`.
   */
  readonly textLayerPdf?: Uint8Array;
  /** Time spent in OCR for this page, queueing excluded. */
  readonly ms: number;
}

export interface OcrProgress {
  readonly id: string;
  /** 0-1 within the page. */
  readonly progress: number;
}
