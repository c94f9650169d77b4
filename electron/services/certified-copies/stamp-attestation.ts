import { PDFDocument, rgb } from 'pdf-lib';
import { fontkit } from '../fontkit/lazy-fontkit';
import { A4, MARGIN, PageWriter, type Fonts } from '../receipt/page-writer';
import { loadFontBytes } from '../receipt/render-receipt';
import { clean } from '../receipt/receipt-text';
import { attestationLines, pageFooter, type Attestation } from './attestation-text';

const RED = rgb(0.75, 0, 0);
/** Where the certifier's visible signature goes on the attestation page. */
const SIGNATURE = { width: 220, height: 66 } as const;

export interface StampedCopy {
  readonly pdf: Uint8Array;
  /** 1-based page and rectangle the signature's appearance must take. */
  readonly signaturePage: number;
  readonly signatureRect: { x: number; y: number; width: number; height: number };
}

/**
 * The copy before signing: every page of the original keeps its content
 * untouched and gets a one-line footer with the number, and a last page
 * carries the lời chứng with an empty box where the certifier's visible
 * signature will be drawn. A new page rather than text over the last page:
 * a scanned page has no reliably blank area, and nothing may cover the
 * original's content.
 */
export async function stampAttestation(original: Uint8Array, a: Attestation): Promise<StampedCopy> {
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  doc.registerFontkit(fontkit);
  const bytes = await loadFontBytes();
  const fonts: Fonts = {
    regular: await doc.embedFont(bytes.regular, { subset: true }),
    bold: await doc.embedFont(bytes.bold, { subset: true }),
    italic: await doc.embedFont(bytes.italic, { subset: true }),
  };
  const originals = doc.getPages();
  const total = originals.length + 1;
  originals.forEach((page, i) => {
    const text = pageFooter(a, i + 1, total);
    const size = Math.min(
      7,
      ((page.getWidth() - 24) / fonts.italic.widthOfTextAtSize(text, 1)) * 0.98,
    );
    const width = fonts.italic.widthOfTextAtSize(text, size);
    const x = (page.getWidth() - width) / 2;
    page.drawRectangle({ x: x - 2, y: 4, width: width + 4, height: size + 4, color: rgb(1, 1, 1) });
    page.drawText(text, { x, y: 6, size, font: fonts.italic, color: RED });
  });

  const lines = attestationLines(a);
  const w = new PageWriter(doc, fonts, () => A4.height - MARGIN.top);
  const contentWidth = A4.width - MARGIN.left - MARGIN.right;
  const half = contentWidth / 2;
  const left = contentWidth * 0.4;
  const top = w.y;
  w.text(clean(a.agencyName).toUpperCase(), {
    font: 'bold',
    size: 10.5,
    align: 'center',
    width: left - 8,
  });
  const leftBottom = w.y;
  w.y = top;
  const right = { align: 'center', x: MARGIN.left + left, width: contentWidth - left } as const;
  w.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...right, font: 'bold', size: 10 });
  w.text('Độc lập – Tự do – Hạnh phúc', { ...right, font: 'bold', size: 11 });
  w.y = Math.min(leftBottom, w.y) - 28;
  w.text('LỜI CHỨNG', { font: 'bold', size: 14, align: 'center' });
  w.gap(10);
  w.text(lines.statement, { font: 'bold', size: 13 });
  w.gap(4);
  w.text(lines.numbers, { size: 12 });
  w.text(lines.date, { size: 12 });
  w.gap(6);
  for (const detail of lines.details) w.text(detail, { size: 11, hang: 14 });
  w.gap(18);
  const column = { align: 'center', x: MARGIN.left + half - 20, width: half + 20 } as const;
  w.text(lines.signerHeading, { ...column, font: 'bold', size: 11.5 });
  w.text(lines.signerNote, { ...column, font: 'italic', size: 10 });
  w.gap(4);
  const signatureRect = {
    x: MARGIN.left + half - 20 + (half + 20 - SIGNATURE.width) / 2,
    y: w.y - SIGNATURE.height,
    width: SIGNATURE.width,
    height: SIGNATURE.height,
  };
  w.gap(SIGNATURE.height + 6);
  w.text(lines.certifierTitle, { ...column, font: 'bold', size: 11 });
  w.text(lines.certifierName, { ...column, font: 'bold', size: 11.5 });
  w.gap(30);
  w.text(
    '(Chưa đối chiếu văn bản gốc: lời chứng theo cách đọc của dự án về mẫu của Thông tư 01/2020/TT-BTP.)',
    { font: 'italic', size: 8.5, color: RED },
  );
  const last = total;
  w.page.drawText(`trang ${String(last)}/${String(total)}`, {
    x:
      A4.width -
      MARGIN.right -
      fonts.italic.widthOfTextAtSize(`trang ${String(last)}/${String(total)}`, 8),
    y: MARGIN.bottom / 2,
    size: 8,
    font: fonts.italic,
  });
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, signaturePage: total, signatureRect };
}
