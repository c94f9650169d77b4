import { readFile } from 'node:fs/promises';
import type { PDFPage } from 'pdf-lib';
import { degrees, PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatDocumentQr, ISSUING_SYSTEM, qrApplicantId } from '../../api/contract/document-qr';
import { fontkit } from '../fontkit/lazy-fontkit';
import { FONT_FILES, fontUrl } from './font-files';
import { A4, MARGIN, PageWriter } from './page-writer';
import type { Fonts } from './page-writer';
import type { ReceiptData } from './receipt-data';
import { clean, count, vnDateTimeWords, vnDateWords } from './receipt-text';

/**
 * Each document parses the fonts anew: a fontkit font shared between
 * documents lost glyphs from later subsets ("ĐÀO" printed as "ĐÀ").
 */

let fontBytes: Promise<Record<keyof Fonts, Uint8Array>> | null = null;
export function loadFontBytes(): Promise<Record<keyof Fonts, Uint8Array>> {
  fontBytes ??= (async () => {
    const read = (name: (typeof FONT_FILES)[keyof Fonts]): Promise<Uint8Array> =>
      readFile(fontUrl(name));
    const [regular, bold, italic] = await Promise.all([
      read(FONT_FILES.regular),
      read(FONT_FILES.bold),
      read(FONT_FILES.italic),
    ]);
    return { regular, bold, italic };
  })();
  return fontBytes;
}

export const COPY_LABELS = ['(Liên 1: Lưu)', '(Liên 2: Giao người nộp)'] as const;
const TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
const TRAINING = 'BẢN IN THỬ – CHẾ ĐỘ ĐÀO TẠO';
const RED = rgb(0.75, 0, 0);
const QR_SIZE = 80;
/**
 * Line height of the body: Mẫu 01 is printed close to single spacing, and 1.25 em still
 * clears DejaVu Serif's stacked tone marks (ascent + descent 1.17 em) so lines never touch.
 */
const LEADING = 1.25;
/** Title 14.9 + "(Ký và ghi rõ họ tên)" 13.5 + 44 to sign + name 14.9 points, rounded up. */
const SIGNATURE_HEIGHT = 90;

/**
 * The receipt as a PDF: copy 1 "(Liên 1: Lưu)", then copy 2 "(Liên 2: Giao
 * người nộp)", each one or more A4 pages (a long component list flows on,
 * every page saying which copy and page it is). Layout per Mẫu 01 (portal.md §4).
 */
export async function renderReceipt(data: ReceiptData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${TITLE} – ${clean(data.code)}`);
  doc.setLanguage('vi-VN');
  const bytes = await loadFontBytes();
  const fonts: Fonts = {
    regular: await doc.embedFont(bytes.regular, { subset: true }),
    bold: await doc.embedFont(bytes.bold, { subset: true }),
    italic: await doc.embedFont(bytes.italic, { subset: true }),
  };
  for (const label of COPY_LABELS) {
    const pages = renderCopy(doc, fonts, data, label);
    pages.forEach((page, i) => {
      const footer = `${label.slice(1, -1)} – trang ${String(i + 1)}/${String(pages.length)}`;
      const size = 8;
      const width = fonts.italic.widthOfTextAtSize(footer, size);
      page.drawText(footer, {
        x: A4.width - MARGIN.right - width,
        y: MARGIN.bottom - 24,
        size,
        font: fonts.italic,
      });
      if (data.training) drawWatermark(page, fonts);
    });
  }
  return doc.save();
}

export function drawWatermark(page: PDFPage, fonts: Fonts): void {
  const size = 38;
  const width = fonts.bold.widthOfTextAtSize(TRAINING, size);
  // Rotated 45° about its start, centred on the page; the diagonal fits inside A4.
  const run = (width * Math.SQRT1_2) / 2;
  page.drawText(TRAINING, {
    x: A4.width / 2 - run,
    y: A4.height / 2 - run,
    size,
    font: fonts.bold,
    color: RED,
    opacity: 0.12,
    rotate: degrees(45),
  });
}

function renderCopy(doc: PDFDocument, fonts: Fonts, data: ReceiptData, label: string): PDFPage[] {
  const code = clean(data.code);
  const w = new PageWriter(doc, fonts, (page) => {
    const y = A4.height - MARGIN.top - 10;
    const head = `${TITLE} – Mã hồ sơ: ${code} ${label} (tiếp theo)`;
    page.drawText(head, {
      x: MARGIN.left,
      y,
      size: 8,
      font: fonts.italic,
      maxWidth: A4.width - MARGIN.left - MARGIN.right,
    });
    return y - 20;
  });
  const contentWidth = A4.width - MARGIN.left - MARGIN.right;
  const leftWidth = contentWidth * 0.42;
  const rightX = MARGIN.left + leftWidth + 8;
  const rightWidth = contentWidth - leftWidth - 8;

  if (data.training) w.text(TRAINING, { font: 'bold', size: 11, align: 'center', color: RED });

  // Header: two columns from the same top.
  const top = w.y;
  w.text(clean(data.agencyName).toUpperCase(), { size: 10.5, align: 'center', width: leftWidth });
  w.text('BỘ PHẬN TIẾP NHẬN\nVÀ TRẢ KẾT QUẢ', {
    font: 'bold',
    size: 10,
    align: 'center',
    width: leftWidth,
  });
  const leftBottom = w.y;
  w.y = top;
  w.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
    font: 'bold',
    size: 10,
    align: 'center',
    x: rightX,
    width: rightWidth,
  });
  w.text('Độc lập – Tự do – Hạnh phúc', {
    font: 'bold',
    size: 11,
    align: 'center',
    x: rightX,
    width: rightWidth,
  });
  w.gap(6);
  const place = clean(data.place) === '' ? '……………' : clean(data.place);
  w.text(`${place}, ${vnDateWords(data.receivedAt)}`, {
    font: 'italic',
    size: 11,
    align: 'center',
    x: rightX,
    width: rightWidth,
  });
  w.y = Math.min(leftBottom, w.y) - 12;

  w.text(TITLE, { font: 'bold', size: 14, align: 'center' });
  w.gap(2);
  w.text(`Mã hồ sơ: ${code}`, { font: 'bold', size: 12, align: 'center' });
  w.text(label, { font: 'italic', size: 11, align: 'center' });
  w.gap(6);

  const a = data.applicant;
  // The QR sits beside the applicant's lines rather than in a band of its own: with a band,
  // a dossier of 8 components pushed the signatures onto a second page of each copy.
  w.ensure(QR_SIZE + 6);
  const qrTop = w.y;
  drawQr(w.page, receiptQr(data), A4.width - MARGIN.right - QR_SIZE, qrTop - QR_SIZE, QR_SIZE);
  const besideQr = contentWidth - QR_SIZE - 12;
  const line = (text: string, width?: number): void => {
    w.text(text, { size: 11, hang: 14, leading: LEADING, ...(width ? { width } : {}) });
    w.gap(2);
  };
  line(`Bộ phận tiếp nhận và trả kết quả: ${clean(data.unitName)}`, besideQr);
  line(`Tiếp nhận hồ sơ của: ${clean(a.name)}`, besideQr);
  line(`Địa chỉ: ${clean(a.address)}`, besideQr);
  line(`Số điện thoại: ${clean(a.phone) || '……………'}`, besideQr);
  line(`Email: ${clean(a.email) || '……………'}`, besideQr);
  w.y = Math.min(w.y, qrTop - QR_SIZE - 4);
  line(
    `Nội dung yêu cầu giải quyết: ${clean(data.procedure.name)} (mã thủ tục ${clean(data.procedure.code)})`,
  );
  w.gap(2);

  line('1. Thành phần hồ sơ nộp gồm:');
  data.components.forEach((c, i) => {
    w.text(
      `${String(i + 1)}) ${clean(c.name)} – ${count(c.originals)} bản chính, ${count(c.copies)} bản sao`,
      { size: 10.5, x: MARGIN.left + 16, hang: 18, leading: LEADING },
    );
    w.gap(1);
  });
  if (data.components.length === 0)
    w.text('(không có)', { size: 10.5, x: MARGIN.left + 16, leading: LEADING });
  w.gap(2);
  line(`2. Số lượng hồ sơ: ${count(data.sets)} (bộ)`);
  const days = data.procedure.processingDays;
  line(
    `3. Thời gian giải quyết hồ sơ theo quy định là: ${days === 0 ? 'trong ngày làm việc' : `${count(days)} ngày làm việc`}`,
  );
  line(`4. Thời gian nhận hồ sơ: ${vnDateTimeWords(data.receivedAt)}`);
  line(`5. Thời gian trả kết quả giải quyết hồ sơ: ${vnDateTimeWords(data.dueAt)}`);
  line(`6. Đăng ký nhận kết quả tại: ${clean(data.collectAt) || clean(data.unitName)}`);
  line(`Phí, lệ phí: ${clean(data.feeText) || 'Không'}`);
  line('Vào Sổ theo dõi hồ sơ, Quyển số: ………  Số thứ tự: ………');
  w.gap(2);
  w.text(`Mã tra cứu: ${code}`, { font: 'bold', size: 11, leading: LEADING });
  w.text(
    `Quét mã QR ở đầu giấy hoặc nhập mã này tại kiosk hoặc Cổng Dịch vụ công quốc gia để tra cứu tình trạng hồ sơ.${clean(data.phone) === '' ? '' : ` Điện thoại liên hệ: ${clean(data.phone)}.`}`,
    { font: 'italic', size: 10, leading: LEADING },
  );
  w.gap(4);
  w.text(
    'Lưu ý: Giấy này được lập thành 02 liên: một liên lưu tại Bộ phận tiếp nhận và trả kết quả cùng Phiếu kiểm soát quá trình giải quyết hồ sơ, một liên giao người nộp hồ sơ. Kết quả được nhận tại Bộ phận tiếp nhận và trả kết quả hoặc qua dịch vụ bưu chính công ích nếu người nộp đã đăng ký.',
    { font: 'italic', size: 10, leading: LEADING },
  );
  w.gap(6);

  // Signatures: kept together on one page, with room to sign (about 15 mm).
  w.ensure(SIGNATURE_HEIGHT);
  const half = contentWidth / 2;
  const sigTop = w.y;
  const signer = (x: number, title: string, name: string): void => {
    w.y = sigTop;
    w.text(title, { font: 'bold', size: 11, align: 'center', x, width: half });
    w.text('(Ký và ghi rõ họ tên)', { font: 'italic', size: 10, align: 'center', x, width: half });
    w.gap(44);
    w.text(name, { font: 'bold', size: 11, align: 'center', x, width: half });
  };
  signer(MARGIN.left, 'NGƯỜI NỘP HỒ SƠ', clean(a.name));
  const leftEnd = w.y;
  signer(
    MARGIN.left + half,
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    data.receiverName === null ? 'Kiosk tự phục vụ' : clean(data.receiverName),
  );
  w.y = Math.min(leftEnd, w.y);
  return w.pages;
}

/** Mẫu 01's QR: the document payload of kind 01, with the appointment. */
function receiptQr(data: ReceiptData): string {
  return formatDocumentQr({
    kind: '01',
    dossierCode: data.code,
    procedureCode: data.procedure.code,
    applicantId: qrApplicantId(data.applicant.idNumber),
    system: ISSUING_SYSTEM,
    issuedAt: data.issuedAt.getTime(),
    appointmentAt: data.dueAt.getTime(),
  });
}

/** The QR code as vector squares (sharp at any print resolution), quiet zone included. */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < n; row += 1) {
    for (let col = 0; col < n; col += 1) {
      if (qr.modules.get(row, col) === 1) {
        page.drawRectangle({
          x: x + (col + quiet) * cell,
          y: y + size - (row + quiet + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
      }
    }
  }
}
