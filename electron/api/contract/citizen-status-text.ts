import { STATUS_TEXT, isTrangThai } from './status-text';

/** What the citizen's lookup knows about a dossier; never personal data. */
export interface CitizenStatusInput {
  readonly status: string;
  readonly dueAt: number;
  readonly now: number;
  /** When the result was handed back, if this kiosk knows. */
  readonly returnedAt?: number | null;
  /** What is missing (Mẫu 02), without personal data. */
  readonly supplement?: string | null;
  /** Where to collect, e.g. the counter's name (config `receipt.collectAt`). */
  readonly counterName?: string;
}

/** dd/mm/yyyy in Vietnam time (UTC+7, no daylight saving). */
function vnDay(epochMs: number): string {
  const d = new Date(epochMs + 7 * 3600_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${String(d.getUTCFullYear())}`;
}

/**
 * The sentence the status lookup shows a citizen (kiosk and staff), issue 17:
 * result ready, returned on a day, supplement needed, or the apology for a
 * dossier past its appointment. Other statuses keep their plain label.
 */
export function citizenStatusText(i: CitizenStatusInput): { vi: string; en: string } {
  const at = i.counterName !== undefined && i.counterName !== '' ? ` (${i.counterName})` : '';
  if (i.status === '9') {
    return {
      vi: `Đã có kết quả — mời Ông/Bà đến quầy nhận${at}`,
      en: `The result is ready — please collect it at the counter${at}`,
    };
  }
  if (i.status === '10') {
    return i.returnedAt == null
      ? { vi: 'Đã trả kết quả', en: 'The result was handed over' }
      : {
          vi: `Đã trả kết quả ngày ${vnDay(i.returnedAt)}`,
          en: `The result was handed over on ${vnDay(i.returnedAt)}`,
        };
  }
  if (i.status === '5') {
    const what = i.supplement == null || i.supplement === '' ? '' : `: ${i.supplement}`;
    return {
      vi: `Cần bổ sung hồ sơ${what}`,
      en: `More documents are needed${what}`,
    };
  }
  if ((i.status === '2' || i.status === '4') && i.now > i.dueAt) {
    return {
      vi: `Hồ sơ chưa có kết quả đúng hẹn (hẹn ngày ${vnDay(i.dueAt)}). Chúng tôi xin lỗi Ông/Bà; ngày hẹn mới sẽ được báo tại quầy.`,
      en: `The result is late (due ${vnDay(i.dueAt)}). We apologise; the new date will be given at the counter.`,
    };
  }
  return isTrangThai(i.status)
    ? { ...STATUS_TEXT[i.status] }
    : { vi: 'Đang xử lý', en: 'Being processed' };
}
