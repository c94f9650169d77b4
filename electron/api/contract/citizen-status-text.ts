import { STATUS_TEXT, isTrangThai } from './status-text';

/** What the citizen's lookup knows about a dossier; never personal data. */
export interface CitizenStatusInput {
  readonly status: string;
  readonly dueAt: number;
  readonly now: number;
  /** When the result was handed back, if this kiosk knows. */
  readonly returnedAt?: number | null;
  /** The new appointment of the dossier's Mẫu 04 apology (epoch ms), when its latest step is one. */
  readonly apologyDueAt?: number | null;
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
 * dossier past its appointment (with the new date once Mẫu 04 gave one). Other statuses keep their plain label.
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
  // What is missing is not shown here. The lookup answers anyone who has the
  // code (codes run in sequence per unit and day, so they can be guessed),
  // and the Mẫu 02 list is free text a clerk types, often naming a person
  // ("Giấy khai sinh của cháu …"); that is why the store keeps it sealed. No
  // check can prove free text holds no personal data, so the lookup points
  // to the counter and to the printed Mẫu 02 the citizen already holds.
  if (i.status === '5') {
    const counter = i.counterName !== undefined && i.counterName !== '' ? ` ${i.counterName}` : '';
    return {
      vi: `Cần bổ sung hồ sơ — mời Ông/Bà đến quầy${counter} để được hướng dẫn; giấy tờ cần bổ sung ghi trên Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ đã giao Ông/Bà`,
      en: `More documents are needed — please come to the counter${counter} for guidance; what is needed is listed on the supplement request you were given`,
    };
  }
  // Mẫu 04 gave a new date: the apology names it until that date passes too.
  if ((i.status === '2' || i.status === '4') && i.apologyDueAt != null && i.now <= i.apologyDueAt) {
    return {
      vi: `Hồ sơ chưa có kết quả đúng hẹn. Chúng tôi xin lỗi Ông/Bà và hẹn trả kết quả ngày ${vnDay(i.apologyDueAt)}`,
      en: `The result is late. We apologise; the new date for the result is ${vnDay(i.apologyDueAt)}`,
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
