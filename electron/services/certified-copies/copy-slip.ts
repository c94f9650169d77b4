/**
 * The slip the citizen takes home after a certification: the numbers, the
 * fee of each copy and the total (with its legal basis), and per copy a QR
 * holding the number, the book, the date and the SHA-256 of the signed file,
 * so anyone holding the file can check it is the one the book recorded.
 */
import { formatDong } from '../../api/contract/copy-fee';
import { FormDocument, type FormHeader } from '../forms/form-document';
import { vnDateDigits } from '../forms/vn-date';
import type { CertifiedRequest } from './copy-certifier';

export interface SlipInput {
  readonly request: CertifiedRequest;
  readonly requesterName: string;
  readonly documentName: string;
  readonly pages: number;
  readonly certifierName: string;
  readonly certifierTitle: string;
  readonly agencyCode: string;
}

/** What a copy's QR says: plain text a phone shows and a clerk can compare. */
export function copyQrText(
  agencyCode: string,
  c: CertifiedRequest['copies'][number],
  at: number,
): string {
  return `CHUNG-THUC-BAN-SAO ${agencyCode} SO ${String(c.number)} QUYEN ${c.book} NGAY ${vnDateDigits(at).slice(0, 10)} SHA256 ${c.sha256}`;
}

export async function renderCopySlip(input: SlipInput, header: FormHeader): Promise<Uint8Array> {
  const { request } = input;
  const form = await FormDocument.create('PHIẾU CHỨNG THỰC BẢN SAO ĐIỆN TỬ', header);
  form.centred('(Giao người yêu cầu chứng thực)', 'italic', 10);
  form.line(`Người yêu cầu chứng thực: ${input.requesterName}`);
  form.line(`Giấy tờ, văn bản: ${input.documentName} (${String(input.pages)} trang)`);
  form.line(`Thời điểm chứng thực: ${vnDateDigits(request.certifiedAt)}`);
  form.line(`Số bản sao: ${String(request.copies.length)}`);
  for (const c of request.copies)
    form.line(
      `Bản thứ ${String(c.copyIndex)}: số chứng thực ${String(c.number)}, quyển số ${c.book} – lệ phí ${formatDong(c.fee)}`,
      14,
    );
  form.line(`Tổng lệ phí: ${formatDong(request.totalFee)}`);
  form.unconfirmed(
    'mức lệ phí theo Thông tư 226/2016/TT-BTC: 2.000 đ/trang cho trang 1–2, 1.000 đ/trang từ trang 3, tối đa 200.000 đ/bản',
  );
  form.line(
    'Bản sao điện tử được ký số bởi người thực hiện chứng thực; mã QR dưới đây ghi số chứng thực và mã băm SHA-256 của tệp để đối chiếu.',
  );
  for (const c of request.copies)
    form.qr(copyQrText(input.agencyCode, c, request.certifiedAt), [
      `Số chứng thực ${String(c.number)} – quyển số ${c.book}`,
      `SHA-256: ${c.sha256.slice(0, 32)}…`,
    ]);
  form.signatures([
    { title: 'NGƯỜI YÊU CẦU CHỨNG THỰC', name: input.requesterName },
    {
      title: 'NGƯỜI THỰC HIỆN CHỨNG THỰC',
      name: `${input.certifierTitle} ${input.certifierName}`,
    },
  ]);
  return form.save();
}
