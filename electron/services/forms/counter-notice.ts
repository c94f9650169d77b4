/**
 * `forms.notice`: Mẫu 02 (phiếu yêu cầu bổ sung) and Mẫu 03 (phiếu từ chối)
 * from the staff screen. The event is recorded and its status queued for the
 * portal (the store's recordEvent) before the PDF is answered, so a notice
 * the citizen holds always has its record; a dossier already closed
 * (refused, withdrawn, stopped, returned) gets no further notice.
 */
import type { z } from 'zod';
import type { CounterNoticeSchema } from '../../api/contract/forms';
import { isTrangThai, STATUS_TEXT } from '../../api/contract/status-text';
import { findDossierCode } from '../reception/dossier-code-query';
import type { DossierStore } from '../store/dossier-store';
import { StoreError } from '../store/store-error';
import type { FormContext } from './form-data';
import { renderRefusal, renderSupplementRequest } from './render-counter-forms';

export type CounterNotice = z.output<typeof CounterNoticeSchema>;

const CLOSED = new Set(['3', '7', '8', '10']);

export interface CounterNoticeDeps {
  readonly store: Pick<DossierStore, 'get' | 'recordEvent'>;
  readonly forms: Omit<FormContext, 'date' | 'staffName'>;
  readonly now?: () => number;
}

export async function issueCounterNotice(
  deps: CounterNoticeDeps,
  notice: CounterNotice,
  staff: { readonly actor: string; readonly name: string },
): Promise<{ code: string; status: '3' | '5'; fileName: string; pdf: Uint8Array }> {
  const code = findDossierCode(notice.query);
  if (code === null) {
    throw new StoreError(
      'DOSSIER_NOT_FOUND',
      'Không đọc được mã hồ sơ. Nhập mã dạng 000.00.00.H00-YYMMDD-0000 hoặc quét mã QR trên giấy tiếp nhận.',
      'No dossier code in the input.',
    );
  }
  const dossier = deps.store.get(code, staff.actor);
  if (CLOSED.has(dossier.status)) {
    const label = isTrangThai(dossier.status) ? STATUS_TEXT[dossier.status] : null;
    throw new StoreError(
      'DOSSIER_INVALID',
      `Hồ sơ ${code} đã ở trạng thái "${label?.vi ?? dossier.status}"; không lập phiếu cho hồ sơ này nữa.`,
      `Dossier ${code} is already "${label?.en ?? dossier.status}"; no further notice.`,
    );
  }
  const now = (deps.now ?? Date.now)();
  const detail =
    notice.kind === 'supplement'
      ? `${notice.missing.join('; ')}${notice.reason === '' ? '' : ` (${notice.reason})`}`
      : notice.reason;
  deps.store.recordEvent(
    {
      dossierId: dossier.id,
      at: now,
      kind: notice.kind,
      detail,
      newDueAt: null,
      handler: { name: staff.name, unit: deps.forms.unitName },
    },
    staff.actor,
  );
  const form = {
    code,
    procedureCode: dossier.procedureCode,
    procedureName: dossier.procedureName,
    applicantName: dossier.applicant?.name ?? null,
    receivedAt: new Date(dossier.receivedAt),
    dueAt: new Date(dossier.dueAt),
  };
  const ctx = { ...deps.forms, date: new Date(now), staffName: staff.name };
  const pdf =
    notice.kind === 'supplement'
      ? await renderSupplementRequest(form, ctx, notice.missing, notice.reason)
      : await renderRefusal(form, ctx, notice.reason);
  const prefix = notice.kind === 'supplement' ? 'phieu-yeu-cau-bo-sung' : 'phieu-tu-choi';
  return {
    code,
    status: notice.kind === 'supplement' ? '5' : '3',
    fileName: `${prefix}-${code}.pdf`,
    pdf,
  };
}
