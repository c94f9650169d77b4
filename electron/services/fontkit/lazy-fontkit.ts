import { createRequire } from 'node:module';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

const require = createRequire(import.meta.url);

/**
 * fontkit for `PDFDocument.registerFontkit`, loaded on the first font a
 * document embeds rather than when the kiosk starts: the library takes about
 * a second to load on a busy kiosk, and most starts make no PDF for minutes.
 * pdf-lib calls only `create`, and the same library instance answers every
 * call once loaded (Node's module cache), so documents come out the same.
 */
export const fontkit: Fontkit = {
  create: (...args) => (require('@pdf-lib/fontkit') as Fontkit).create(...args),
};
