/**
 * `forms.notice`: Mẫu 02 (phiếu yêu cầu bổ sung), Mẫu 03 (phiếu từ chối) and
 * Mẫu 04 (phiếu xin lỗi và hẹn lại ngày trả kết quả) from the staff screen. The event is recorded and its status queued for the
 * portal (the store's recordEvent) before the PDF is answered, so a notice
 * the citizen holds always has its record; a dossier already closed
 * (refused, withdrawn, stopped, returned) gets no further notice.
 */
import type { z } from 'zod';
import type { CounterNoticeSchema } from '../../api/contract/forms';
import { CLOSED_STATUSES, isOverdue } from '../../api/contract/overdue';
import { isTrangThai, STATUS_TEXT } from '../../api/contract/status-text';
import type { OfficeHours, WorkingCalendar } from '../calendar';
import { findDossierCode } from '../lookup/dossier-code-query';
import type { DossierStore } from '../store/dossier-store';
import { EVENT_STATUS } from '../store/return-input';
import { StoreError } from '../store/store-error';
import type { FormContext } from './form-data';
import { apologyDueAt } from './apology-due-date';
import { vnDateDigits } from './vn-date';
import { renderApology, renderRefusal, renderSupplementRequest } from './render-counter-forms';
import { renderSupplementReceipt } from './render-supplement-receipt';

export type CounterNotice = z.output<typeof CounterNoticeSchema>;

const FILE_PREFIX = {
  supplement: 'phieu-yeu-cau-bo-sung',
  refused: 'phieu-tu-choi',
  apology: 'phieu-xin-loi-hen-lai',
  'supplement-received': 'phieu-tiep-nhan-bo-sung',
} as const;

export interface CounterNoticeDeps {
  readonly store: Pick<DossierStore, 'get' | 'recordEvent'>;
  readonly forms: Omit<FormContext, 'date' | 'staffName'>;
  /** Mẫu 04's new date; loaded once by reception, so it is a promise. */
  readonly calendar: Promise<WorkingCalendar>;
  readonly officeHours: OfficeHours;
  readonly now?: () => number;
}

export interface IssuedNotice {
  readonly code: string;
  readonly status: '3' | '4' | '5';
  readonly newDueAt: number | null;
  readonly fileName: string;
  readonly pdf: Uint8Array;
}

/** Finished (9) by the kiosk's record or by the portal's last answer: the result waits to be collected. */
function resultReady(dossier: { readonly status: string; readonly portalStatus: string | null }) {
  return dossier.status === '9' || dossier.portalStatus === '9' || dossier.portalStatus === '10';
}

export async function issueCounterNotice(
  deps: CounterNoticeDeps,
  notice: CounterNotice,
  staff: { readonly actor: string; readonly name: string },
): Promise<IssuedNotice> {
  const code = findDossierCode(notice.query);
  if (code === null) {
    throw new StoreError(
      'DOSSIER_NOT_FOUND',
      'Không đọc được mã hồ sơ. Nhập mã dạng 000.00.00.H00-YYMMDD-0000 hoặc quét mã QR trên giấy tiếp nhận.',
      'No dossier code in the input.',
    );
  }
  const dossier = deps.store.get(code, staff.actor);
  if (CLOSED_STATUSES.has(dossier.status)) {
    const label = isTrangThai(dossier.status) ? STATUS_TEXT[dossier.status] : null;
    throw new StoreError(
      'DOSSIER_INVALID',
      `Hồ sơ ${code} đã ở trạng thái "${label?.vi ?? dossier.status}"; không lập phiếu cho hồ sơ này nữa.`,
      `Dossier ${code} is already "${label?.en ?? dossier.status}"; no further notice.`,
    );
  }
  const now = (deps.now ?? Date.now)();
  if (notice.kind === 'apology' && !isOverdue(dossier, now)) {
    throw new StoreError(
      'NOTICE_NOT_OVERDUE',
      `Hồ sơ ${code} chưa quá hạn trả kết quả (hẹn trả ${vnDateDigits(dossier.dueAt)}); chỉ lập phiếu xin lỗi và hẹn lại cho hồ sơ đã quá ngày hẹn trả.`,
      `Dossier ${code} is not overdue (due ${vnDateDigits(dossier.dueAt)}); an apology is only for a dossier past its appointment.`,
    );
  }
  // Decision (README): an apology is for a result that is late, not for one that waits at the counter.
  if (notice.kind === 'apology' && resultReady(dossier)) {
    throw new StoreError(
      'NOTICE_RESULT_READY',
      `Hồ sơ ${code} đã có kết quả (Đã xử lý xong); không lập phiếu xin lỗi và hẹn lại mà mời người dân đến nhận kết quả.`,
      `Dossier ${code} already has its result (status 9); no apology, the citizen is asked to collect it.`,
    );
  }
  // A supplement is received only into a dossier waiting for one (a Mẫu 02 made it "5").
  if (notice.kind === 'supplement-received' && dossier.status !== '5') {
    throw new StoreError(
      'NOTICE_NO_SUPPLEMENT_ASKED',
      `Hồ sơ ${code} không ở trạng thái "Chờ bổ sung"; chỉ nhận hồ sơ bổ sung sau khi đã lập phiếu yêu cầu bổ sung (Mẫu 02).`,
      `Dossier ${code} is not waiting for a supplement; one is received only after a form 02.`,
    );
  }
  const newDueAt =
    notice.kind === 'apology' || notice.kind === 'supplement-received'
      ? apologyDueAt(now, notice.extraWorkingDays, await deps.calendar, deps.officeHours)
      : null;
  const listed = (items: readonly string[]) =>
    `${items.join('; ')}${notice.reason === '' ? '' : ` (${notice.reason})`}`;
  const detail =
    notice.kind === 'supplement'
      ? listed(notice.missing)
      : notice.kind === 'supplement-received'
        ? notice.received.join('; ')
        : notice.reason;
  deps.store.recordEvent(
    {
      dossierId: dossier.id,
      at: now,
      kind: notice.kind,
      detail,
      newDueAt: newDueAt?.getTime() ?? null,
      handler: { name: staff.name, unit: deps.forms.unitName },
    },
    staff.actor,
  );
  const form = {
    code,
    procedureCode: dossier.procedureCode,
    procedureName: dossier.procedureName,
    applicantName: dossier.applicant?.name ?? null,
    applicantId: dossier.applicant?.idNumber ?? null,
    receivedAt: new Date(dossier.receivedAt),
    dueAt: new Date(dossier.dueAt),
  };
  const ctx = { ...deps.forms, date: new Date(now), staffName: staff.name };
  const pdf =
    notice.kind === 'supplement'
      ? await renderSupplementRequest(form, ctx, notice.missing, notice.reason)
      : notice.kind === 'refused'
        ? await renderRefusal(form, ctx, notice.reason)
        : notice.kind === 'apology'
          ? await renderApology(form, ctx, notice.reason, newDueAt ?? new Date(now))
          : await renderSupplementReceipt(form, ctx, notice.received, newDueAt ?? new Date(now));
  return {
    code,
    status: EVENT_STATUS[notice.kind],
    newDueAt: newDueAt?.getTime() ?? null,
    fileName: `${FILE_PREFIX[notice.kind]}-${code}.pdf`,
    pdf,
  };
}
