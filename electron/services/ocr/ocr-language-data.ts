import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The languages the kiosk ships data for (npm @tesseract.js-data/<code>). */
export const OcrLanguageSchema = z.enum(['vie', 'eng']);
export type OcrLanguage = z.infer<typeof OcrLanguageSchema>;

/** `vie`, `eng`, `vie+eng`, … as typed on the command line. */
export const OcrLanguagesSchema = z
  .string()
  .transform((value) => value.split('+'))
  .pipe(z.array(OcrLanguageSchema).min(1).max(2));

const require = createRequire(import.meta.url);

/**
 * The data folder inside each npm package: `4.0.0` holds the tessdata models
 * (legacy + integer LSTM), `4.0.0_best_int` LSTM-only best_int ones. Both run
 * under the LSTM engine; 4.0.0 measured faster at equal accuracy on the
 * generated Vietnamese set. tesseract-worker.cjs repeats this constant.
 */
export const dataVariant = '4.0.0';

/** Absolute path of `<code>.traineddata.gz` inside the installed package. */
export function languageDataFile(language: OcrLanguage): string {
  const pkg = require.resolve(`@tesseract.js-data/${language}/package.json`);
  return join(dirname(pkg), dataVariant, `${language}.traineddata.gz`);
}

/**
 * Everything tesseract.js would otherwise resolve at run time, pinned to
 * files on disk so nothing is fetched from a CDN (naptha/tesseract.js#591,
 * #925). `langPath` is the scope folder of the data packages; the worker
 * script maps `<langPath>/<code>.traineddata.gz` to each package's file.
 */
export interface TesseractPaths {
  readonly workerPath: string;
  readonly corePath: string;
  readonly langPath: string;
}

export function tesseractPaths(): TesseractPaths {
  return {
    workerPath: fileURLToPath(new URL('./tesseract-worker.cjs', import.meta.url)),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    langPath: dirname(dirname(require.resolve('@tesseract.js-data/vie/package.json'))),
  };
}

/** Where Debian and Ubuntu's tesseract-ocr-<lang> packages put their models. */
export const OS_MODEL_DIRS = [
  '/usr/share/tesseract-ocr/5/tessdata',
  '/usr/share/tesseract-ocr/4.00/tessdata',
] as const;

/**
 * The model folder for a `ocr.modelDir` setting: `auto` takes the OS's
 * tesseract data when it holds every language (tessdata_fast on Debian:
 * 1.13x native tesseract by CPU at +0.04 points CER on our page set, where
 * the bundled model gives 0.91x), `bundled` or '' the npm models, anything
 * else is that folder.
 */
export function resolveModelDir(
  setting: string,
  languages: readonly OcrLanguage[],
  candidates: readonly string[] = OS_MODEL_DIRS,
): string {
  if (setting === 'bundled' || setting === '') return '';
  if (setting !== 'auto') return setting;
  return (
    candidates.find((dir) =>
      languages.every((code) => existsSync(join(dir, `${code}.traineddata`))),
    ) ?? ''
  );
}
