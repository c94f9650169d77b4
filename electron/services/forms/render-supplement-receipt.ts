/**
 * The slip a citizen keeps when the supplement a Mẫu 02 asked for is
 * received into the same dossier: what was received and the new appointment
 * from the working-day calendar. Decree 61/2018 has no numbered form for
 * this step (notes/portal.md §4 lists none), so the title and wording are
 * the project's and printed as unconfirmed.
 */
import { clean, vnDateTimeWords, vnDateWords } from '../receipt/receipt-text';
import { blank, type FormContext, type FormDossier } from './form-data';
import { FormDocument } from './form-document';

export async function renderSupplementReceipt(
  d: FormDossier,
  ctx: FormContext,
  received: readonly string[],
  newDueAt: Date,
): Promise<Uint8Array> {
  const form = await FormDocument.create('PHIẾU TIẾP NHẬN HỒ SƠ BỔ SUNG', ctx);
  form.centred(`Mã hồ sơ: ${clean(d.code)}`);
  form.w.gap(8);
  form.line(`${clean(ctx.unitName)} tiếp nhận hồ sơ bổ sung của: ${blank(d.applicantName)}`);
  form.line(
    `Nội dung yêu cầu giải quyết: ${clean(d.procedureName)} (mã thủ tục ${clean(d.procedureCode)})`,
  );
  form.line(`Ngày tiếp nhận hồ sơ ban đầu: ${vnDateWords(d.receivedAt)}`);
  form.line('Giấy tờ bổ sung đã nhận:');
  received.forEach((item, i) => {
    form.line(`${String(i + 1)}. ${clean(item)}`, 16);
  });
  form.line(`Ngày hẹn trả kết quả mới: ${vnDateTimeWords(newDueAt)}.`);
  form.unconfirmed('tên và lời văn phiếu do dự án soạn; Nghị định 61/2018 không có mẫu số riêng');
  form.dossierQr('BS', d, newDueAt);
  form.signatures([
    { title: 'NGƯỜI NỘP HỒ SƠ BỔ SUNG', name: d.applicantName ?? '' },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: ctx.staffName },
  ]);
  return form.save();
}
