/**
 * Mẫu 02 (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ), Mẫu 03 (phiếu từ chối
 * tiếp nhận giải quyết hồ sơ) and Mẫu 04 (phiếu xin lỗi và hẹn lại ngày trả
 * kết quả). The titles and numbering follow the set of Circular 01/2018/TT-VPCP
 * (notes/portal.md §4: 02 confirmed by a public template, 03 and 04 from
 * recollection); the body wording is the project's and is marked unconfirmed
 * on the form until checked against Decree 118/2025's own forms.
 */
import { clean, vnDateTimeWords, vnDateWords } from '../receipt/receipt-text';
import { blank, type FormContext, type FormDossier } from './form-data';
import { FormDocument } from './form-document';

const UNCONFIRMED_BODY =
  'lời văn theo Thông tư 01/2018/TT-VPCP, chưa đối chiếu Nghị định 118/2025/NĐ-CP';

async function open(
  title: string,
  formNo: string,
  d: FormDossier,
  ctx: FormContext,
): Promise<FormDocument> {
  const form = await FormDocument.create(title, ctx);
  form.centred(`Mã hồ sơ: ${clean(d.code)}`);
  form.centred(`(${formNo})`, 'italic', 10);
  form.w.gap(8);
  return form;
}

/** Mẫu 02: what the applicant must add; the supplement is received later into the same dossier. */
export async function renderSupplementRequest(
  d: FormDossier,
  ctx: FormContext,
  missing: readonly string[],
  reason: string,
): Promise<Uint8Array> {
  const form = await open('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Mẫu số 02', d, ctx);
  form.line(`${clean(ctx.unitName)} tiếp nhận hồ sơ của: ${blank(d.applicantName)}`);
  form.line(
    `Nội dung yêu cầu giải quyết: ${clean(d.procedureName)} (mã thủ tục ${clean(d.procedureCode)})`,
  );
  form.line(`Ngày tiếp nhận: ${vnDateWords(d.receivedAt)}`);
  form.line('Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
  missing.forEach((item, i) => {
    form.line(`${String(i + 1)}. ${clean(item)}`, 16);
  });
  form.line(`Lý do: ${blank(clean(reason))}`);
  form.line(
    `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${clean(ctx.unitName)}${clean(ctx.phone) === '' ? '' : `, số điện thoại ${clean(ctx.phone)}`}, để được hướng dẫn.`,
  );
  form.unconfirmed(UNCONFIRMED_BODY);
  form.dossierQr('02', d);
  form.signatures([{ title: 'NGƯỜI HƯỚNG DẪN', name: ctx.staffName }]);
  return form.save();
}

/** Mẫu 03: why the dossier is not received. */
export async function renderRefusal(
  d: FormDossier,
  ctx: FormContext,
  reason: string,
): Promise<Uint8Array> {
  const form = await open('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Mẫu số 03', d, ctx);
  form.line(`${clean(ctx.unitName)} tiếp nhận hồ sơ của: ${blank(d.applicantName)}`);
  form.line(
    `Nội dung yêu cầu giải quyết: ${clean(d.procedureName)} (mã thủ tục ${clean(d.procedureCode)})`,
  );
  form.line(
    'Qua xem xét, cơ quan, đơn vị thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
  );
  form.line(blank(clean(reason)), 16);
  form.line('Xin thông báo cho Ông/Bà được biết và thực hiện.');
  form.unconfirmed(UNCONFIRMED_BODY);
  form.dossierQr('03', d);
  form.signatures([{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: ctx.staffName }]);
  return form.save();
}

/** Mẫu 04: the apology for a late result, with the new date from the working-day calendar. */
export async function renderApology(
  d: FormDossier,
  ctx: FormContext,
  reason: string,
  newDueAt: Date,
): Promise<Uint8Array> {
  const form = await open('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'Mẫu số 04', d, ctx);
  form.line(
    `${clean(ctx.agencyName)} tiếp nhận hồ sơ của Ông/Bà ${blank(d.applicantName)} ${vnDateWords(d.receivedAt)}, đề nghị giải quyết thủ tục ${clean(d.procedureName)}.`,
  );
  form.line(
    `Thời gian hẹn trả kết quả giải quyết hồ sơ: ${vnDateTimeWords(d.dueAt)}. Tuy nhiên đến nay, chưa trả kết quả cho Ông/Bà đúng hẹn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`,
  );
  form.line(`Lý do: ${blank(clean(reason))}`);
  form.line(
    `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi xin lỗi Ông/Bà và sẽ trả kết quả vào ${vnDateTimeWords(newDueAt)}.`,
  );
  form.line('Xin trân trọng cảm ơn!');
  form.unconfirmed(UNCONFIRMED_BODY);
  form.dossierQr('04', d, newDueAt);
  form.signatures([{ title: 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', name: '' }]);
  return form.save();
}
