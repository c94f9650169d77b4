import { execFileSync } from 'node:child_process';

/**
 * The QR on one page of a PDF as a scanner at the counter would read it: the
 * page printed at 200 dpi by pdftoppm, then decoded by zbarimg (an independent
 * reader, not our own QR code). Writes `<pdf without .pdf>-p<page>.png` beside the PDF.
 */
export function qrOnPage(pdf: string, page = 1): string {
  const prefix = `${pdf.replace(/\.pdf$/, '')}-p${page}`;
  const p = String(page);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', '-f', p, '-l', p, pdf, prefix]);
  return execFileSync('zbarimg', ['--quiet', '--raw', `${prefix}.png`], {
    encoding: 'utf8',
  }).trim();
}
