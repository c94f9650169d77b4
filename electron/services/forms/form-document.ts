import { PDFDocument, rgb } from 'pdf-lib';
import {
  formatDocumentQr,
  ISSUING_SYSTEM,
  qrApplicantId,
  type DocumentKind,
} from '../../api/contract/document-qr';
import { fontkit } from '../fontkit/lazy-fontkit';
import { A4, MARGIN, PageWriter, type Fonts } from '../receipt/page-writer';
import { drawQr, drawWatermark, loadFontBytes } from '../receipt/render-receipt';
import { clean, vnDateWords } from '../receipt/receipt-text';
import type { FormDossier } from './form-data';

// A fresh fontkit parse per document, as the receipt does (shared fonts lost glyphs).

const RED = rgb(0.75, 0, 0);
const QR_SIZE = 84;
const TRAINING = 'BẢN IN THỬ – CHẾ ĐỘ ĐÀO TẠO';

/** What heads every counter form, as on the receipt (Mẫu 01). */
export interface FormHeader {
  /** The agency, e.g. "UBND xã Bình Sơn" (config `agency.name`). */
  readonly agencyName: string;
  /** The place in "<place>, ngày … tháng … năm …" (config `receipt.place`). */
  readonly place: string;
  readonly date: Date;
  readonly training: boolean;
}

/**
 * One counter form in the receipt's typographic style: the agency and
 * national motto header, a bold centred title, flowing numbered lines, the
 * dossier code's QR, signature columns, and "trang x/y" footers. Wording the
 * project's notes do not confirm is printed under a visible mark.
 */
export class FormDocument {
  readonly #doc: PDFDocument;
  readonly #fonts: Fonts;
  readonly #title: string;
  readonly #training: boolean;
  readonly #date: Date;
  readonly w: PageWriter;

  private constructor(doc: PDFDocument, fonts: Fonts, title: string, header: FormHeader) {
    this.#doc = doc;
    this.#fonts = fonts;
    this.#title = title;
    this.#training = header.training;
    this.#date = header.date;
    this.w = new PageWriter(doc, fonts, (page) => {
      const y = A4.height - MARGIN.top - 10;
      page.drawText(`${title} (tiếp theo)`, { x: MARGIN.left, y, size: 8, font: fonts.italic });
      return y - 20;
    });
  }

  static async create(title: string, header: FormHeader): Promise<FormDocument> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(title);
    doc.setLanguage('vi-VN');
    const bytes = await loadFontBytes();
    const fonts: Fonts = {
      regular: await doc.embedFont(bytes.regular, { subset: true }),
      bold: await doc.embedFont(bytes.bold, { subset: true }),
      italic: await doc.embedFont(bytes.italic, { subset: true }),
    };
    const form = new FormDocument(doc, fonts, title, header);
    form.#header(header);
    return form;
  }

  #header(h: FormHeader): void {
    const { w } = this;
    if (h.training) w.text(TRAINING, { font: 'bold', size: 11, align: 'center', color: RED });
    const contentWidth = A4.width - MARGIN.left - MARGIN.right;
    const leftWidth = contentWidth * 0.42;
    const rightX = MARGIN.left + leftWidth + 8;
    const rightWidth = contentWidth - leftWidth - 8;
    const top = w.y;
    w.text(clean(h.agencyName).toUpperCase(), { size: 10.5, align: 'center', width: leftWidth });
    w.text('BỘ PHẬN TIẾP NHẬN\nVÀ TRẢ KẾT QUẢ', {
      font: 'bold',
      size: 10,
      align: 'center',
      width: leftWidth,
    });
    const leftBottom = w.y;
    w.y = top;
    const right = { align: 'center', x: rightX, width: rightWidth } as const;
    w.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...right, font: 'bold', size: 10 });
    w.text('Độc lập – Tự do – Hạnh phúc', { ...right, font: 'bold', size: 11 });
    w.gap(6);
    const place = clean(h.place) === '' ? '……………' : clean(h.place);
    w.text(`${place}, ${vnDateWords(h.date)}`, { ...right, font: 'italic', size: 11 });
    w.y = Math.min(leftBottom, w.y) - 16;
    w.text(this.#title, { font: 'bold', size: 14, align: 'center' });
    w.gap(4);
  }

  /** A centred bold or italic line under the title (the dossier code, the form's number). */
  centred(text: string, font: keyof Fonts = 'bold', size = 11.5): void {
    this.w.text(text, { font, size, align: 'center' });
  }

  line(text: string, indent = 0): void {
    this.w.text(text, { size: 11.5, hang: 14, x: MARGIN.left + indent });
    this.w.gap(2);
  }

  /** Wording not confirmed against the legal text, marked where it is printed. */
  unconfirmed(what: string): void {
    this.w.gap(4);
    this.w.text(`(Chưa đối chiếu văn bản gốc: ${what})`, { font: 'italic', size: 9, color: RED });
    this.w.gap(4);
  }

  /**
   * The dossier's document QR (api/contract/document-qr.ts) of this paper's
   * kind, issued at the form's date, with the code and the lookup caption beside it.
   */
  dossierQr(kind: DocumentKind, d: FormDossier, appointmentAt: Date | null = null): void {
    const payload = formatDocumentQr({
      kind,
      dossierCode: d.code,
      procedureCode: d.procedureCode,
      applicantId: qrApplicantId(d.applicantId),
      system: ISSUING_SYSTEM,
      issuedAt: this.#date.getTime(),
      appointmentAt: appointmentAt?.getTime() ?? null,
    });
    this.qr(payload, [
      `Mã hồ sơ: ${clean(d.code)}`,
      'Quét mã QR hoặc nhập mã này tại kiosk để tra cứu tình trạng hồ sơ.',
    ]);
  }

  /** A QR of exactly `text` (already ASCII), with its two caption lines beside it. */
  qr(text: string, caption: readonly [string, string]): void {
    const { w } = this;
    w.gap(6);
    w.ensure(QR_SIZE + 8);
    const top = w.y;
    drawQr(w.page, clean(text), MARGIN.left, top - QR_SIZE, QR_SIZE);
    w.y = top - 10;
    const x = MARGIN.left + QR_SIZE + 14;
    w.text(caption[0], { font: 'bold', size: 11, x });
    w.text(caption[1], { font: 'italic', size: 10, x });
    w.y = Math.min(w.y, top - QR_SIZE) - 10;
  }

  /** Signature columns kept together: each a bold title, "(Ký và ghi rõ họ tên)", room, a name. */
  signatures(columns: readonly { title: string; name: string; note?: string }[]): void {
    const { w } = this;
    w.gap(10);
    w.ensure(120);
    const width = (A4.width - MARGIN.left - MARGIN.right) / columns.length;
    const top = w.y;
    let bottom = top;
    columns.forEach((c, i) => {
      const x = MARGIN.left + i * width;
      w.y = top;
      w.text(c.title, { font: 'bold', size: 11, align: 'center', x, width });
      w.text(c.note ?? '(Ký và ghi rõ họ tên)', {
        font: 'italic',
        size: 10,
        align: 'center',
        x,
        width,
      });
      w.gap(52);
      w.text(clean(c.name), { font: 'bold', size: 11, align: 'center', x, width });
      bottom = Math.min(bottom, w.y);
    });
    w.y = bottom;
  }

  async save(): Promise<Uint8Array> {
    const pages = this.w.pages;
    pages.forEach((page, i) => {
      const footer = `trang ${String(i + 1)}/${String(pages.length)}`;
      const width = this.#fonts.italic.widthOfTextAtSize(footer, 8);
      page.drawText(footer, {
        x: A4.width - MARGIN.right - width,
        y: MARGIN.bottom - 24,
        size: 8,
        font: this.#fonts.italic,
      });
      if (this.#training) drawWatermark(page, this.#fonts);
    });
    return this.#doc.save();
  }
}
