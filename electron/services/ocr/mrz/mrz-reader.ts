import { OcrPool } from '../ocr-pool';
import { correctTd1, type MrzReading } from './td1-ocr-correction';

/** The characters an MRZ may hold (ICAO 9303-3). */
export const mrzCharset = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

export interface MrzReadOptions {
  readonly signal?: AbortSignal;
}

/**
 * Reads the TD1 MRZ from a scan or photo of a card back. OCR runs with the
 * English LSTM model restricted to the MRZ character set, one uniform block
 * of text (PSM 6) at 300 dpi; the card's printed Vietnamese text above the
 * MRZ becomes junk lines that `correctTd1` passes over when it looks for
 * three 30-character lines whose check digits hold.
 */
export class MrzReader {
  readonly #pool: OcrPool;

  constructor(pool?: OcrPool) {
    this.#pool =
      pool ??
      new OcrPool({
        languages: ['eng'],
        size: 1,
        dpi: 300,
        recycleAfterPages: 50,
        parameters: { tessedit_char_whitelist: mrzCharset, tessedit_pageseg_mode: '6' },
      });
  }

  async read(
    image: Uint8Array,
    options: MrzReadOptions = {},
  ): Promise<MrzReading & { readonly ms: number }> {
    const started = performance.now();
    const page = await this.#pool.recognize(
      { id: 'card-back', image },
      options.signal === undefined ? {} : { signal: options.signal },
    );
    const reading = correctTd1(page.text.split('\n'));
    return { ...reading, ms: Math.round(performance.now() - started) };
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
