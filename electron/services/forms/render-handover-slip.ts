/**
 * The hand-over slip printed when a result is returned: which dossier, which
 * results (signed or "chưa ký số"), to whom (the applicant, or an authorised
 * person with a letter, or by post) and when. No numbered form of the
 * one-stop set is confirmed for it (notes/portal.md §4), so the slip says so.
 */
import { clean, vnDateTimeWords } from '../receipt/receipt-text';
import { blank, type FormContext, type FormDossier } from './form-data';
import { FormDocument } from './form-document';

export interface HandoverData {
  readonly returnedAt: Date;
  readonly receiverKind: 'applicant' | 'authorised' | 'post';
  readonly receiverName: string | null;
  readonly postAddress: string | null;
  readonly results: readonly { readonly name: string; readonly signed: boolean }[];
  /** The clerk confirmed holding the result while the portal could not be asked. */
  readonly offlineInHand: boolean;
}

export async function renderHandoverSlip(
  d: FormDossier,
  ctx: FormContext,
  h: HandoverData,
): Promise<Uint8Array> {
  const form = await FormDocument.create('PHIẾU GIAO NHẬN KẾT QUẢ GIẢI QUYẾT HỒ SƠ', {
    ...ctx,
    date: h.returnedAt,
  });
  form.centred(`Mã hồ sơ: ${clean(d.code)}`);
  form.w.gap(8);
  form.line(`Bộ phận tiếp nhận và trả kết quả: ${clean(ctx.unitName)}`);
  form.line(`Người nộp hồ sơ: ${blank(d.applicantName)}`);
  form.line(
    `Nội dung yêu cầu giải quyết: ${clean(d.procedureName)} (mã thủ tục ${clean(d.procedureCode)})`,
  );
  form.line('Kết quả giải quyết gồm:');
  h.results.forEach((r, i) => {
    form.line(
      `${String(i + 1)}) ${clean(r.name)} – ${r.signed ? 'bản điện tử đã ký số' : 'bản điện tử chưa ký số'}`,
      16,
    );
  });
  const how =
    h.receiverKind === 'post'
      ? `Gửi qua dịch vụ bưu chính công ích tới: ${blank(h.postAddress)}`
      : h.receiverKind === 'authorised'
        ? `Người nhận (được ủy quyền, có giấy ủy quyền kèm theo): ${blank(h.receiverName)}`
        : `Người nhận (người nộp hồ sơ): ${blank(h.receiverName)}`;
  form.line(how);
  form.line(`Thời gian trả kết quả: ${vnDateTimeWords(h.returnedAt)}`);
  if (h.offlineInHand) {
    form.line(
      'Ghi chú: trả khi chưa hỏi được Cổng Dịch vụ công; cán bộ xác nhận đang giữ kết quả.',
    );
  }
  form.unconfirmed('mẫu phiếu giao nhận kết quả do dự án soạn');
  form.dossierQr('KQ', d);
  form.signatures([
    {
      title: h.receiverKind === 'post' ? 'NHÂN VIÊN BƯU CHÍNH' : 'NGƯỜI NHẬN KẾT QUẢ',
      name: h.receiverKind === 'post' ? '' : (h.receiverName ?? ''),
    },
    { title: 'NGƯỜI TRẢ KẾT QUẢ', name: ctx.staffName },
  ]);
  return form.save();
}
