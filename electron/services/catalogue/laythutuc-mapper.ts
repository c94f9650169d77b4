import type { Procedure, ProcedureComponent } from '../../api/contract/procedure';
import { foldedWords, foldText } from './fold-text';
import { defaultForm } from './form-fields';
import type { LayThuTucEntry, ThoiGian } from './laythutuc-schema';

type Fee = Procedure['fees'][number];
type Level = Procedure['level'];

const SAME_DAY_CUTOFF = '15:00';
const WORKING_HOURS_PER_DAY = 8;

/** A number as the portal writes it: "5", "0,5", "20.000", "20,000 đồng". */
function amountOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const digits = text.replace(/(đồng|đ|vnđ|vnd)$/i, '').trim();
  if (/^\d{1,3}([.,\s]\d{3})+$/.test(digits)) return Number(digits.replace(/[.,\s]/g, ''));
  if (/^\d+$/.test(digits)) return Number(digits);
  return undefined;
}

/** A fee unit the kiosk can print as đồng: none given, "Đồng", "VNĐ", "đ/bản"… (a percentage or a foreign currency is not). */
function isDong(unit: string | undefined): boolean {
  if (unit === undefined) return true;
  const folded = foldText(unit).trim();
  return /^(dong|vnd|d)\b/.test(folded);
}

const quantityOf = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/**
 * Working days from one THOIGIAN: "Ngày làm việc" as is (rounded up);
 * "Ngày" (calendar days) to the working days that surely fit in them
 * (5 of every 7, rounded down, so the printed date is never past the legal
 * one); hours to whole working days. Undefined when the unit is unknown.
 */
function workingDaysOf(t: ThoiGian): { days: number; exact: boolean } | undefined {
  const value = quantityOf(t.THOIGIANGIAIQUYET);
  if (value === undefined) return undefined;
  const unit = foldText(t.DONVITINH ?? '').trim();
  if (unit.startsWith('ngay lam viec')) return { days: Math.ceil(value), exact: true };
  if (unit === 'ngay' || unit.startsWith('ngay '))
    return { days: Math.floor((value * 5) / 7), exact: false };
  if (unit === 'gio' || unit.startsWith('gio ')) {
    return {
      days: value <= WORKING_HOURS_PER_DAY ? 0 : Math.ceil(value / WORKING_HOURS_PER_DAY),
      exact: false,
    };
  }
  return undefined;
}

function levelFrom(text: string): Level | undefined {
  const words = foldedWords(text);
  if (words.includes('xa') || words.includes('phuong')) return 'xa';
  if (words.includes('tinh') || words.includes('so')) return 'tinh';
  if (words.includes('bo') || text.includes('Trung ương')) return 'bo';
  return undefined;
}

function levelText(raw: unknown): string {
  if (typeof raw === 'string' || typeof raw === 'number') return String(raw);
  if (Array.isArray(raw)) return raw.map(levelText).join(' ');
  if (typeof raw === 'object' && raw !== null) return Object.values(raw).map(levelText).join(' ');
  return '';
}

function componentsOf(entry: LayThuTucEntry, unconfirmed: Set<string>): ProcedureComponent[] {
  const groups = entry.THANHPHANHOSO.filter((g) => g.GIAYTO.length > 0);
  const byKey = new Map<string, { component: ProcedureComponent; groups: number }>();
  for (const group of groups) {
    for (const paper of group.GIAYTO) {
      const key = paper.MAGIAYTO ?? foldText(paper.TENGIAYTO);
      const seen = byKey.get(key);
      if (seen) {
        seen.groups++;
        continue;
      }
      const originals = quantityOf(paper.SOBANCHINH);
      const copies = quantityOf(paper.SOBANSAO);
      if (originals === undefined || copies === undefined) unconfirmed.add('componentCounts');
      const flag = paper.BATBUOC;
      const optional = flag === false || flag === 0 || flag === '0';
      byKey.set(key, {
        component: {
          code: (paper.MAGIAYTO ?? `GT${byKey.size + 1}`).slice(0, 100),
          name: paper.TENGIAYTO.normalize('NFC'),
          required: !optional,
          originals: Math.floor(originals ?? (copies === undefined ? 1 : 0)),
          copies: Math.floor(copies ?? 0),
          formName: paper.TENMAUDON?.normalize('NFC') ?? null,
        },
        groups: 1,
      });
    }
  }
  if (groups.length === 0) unconfirmed.add('components');
  // With several cases (TRUONGHOP) a paper is required only if every case needs it.
  return [...byKey.values()].map(({ component, groups: n }) =>
    n < groups.length ? { ...component, required: false } : component,
  );
}

function timeAndFees(
  entry: LayThuTucEntry,
  unconfirmed: Set<string>,
): { days: number | undefined; fees: Fee[] } {
  const channels = entry.CACHTHUCTHUCHIEN.filter((c) => c.THOIGIAN.length > 0);
  const direct = channels.find((c) => foldText(c.KENH ?? '').includes('truc tiep'));
  const channel = direct ?? channels[0];
  if (!direct) unconfirmed.add('processingDays').add('fees');
  let days: number | undefined;
  const fees: Fee[] = [];
  for (const t of channel?.THOIGIAN ?? []) {
    const mapped = workingDaysOf(t);
    if (!mapped) unconfirmed.add('processingDays');
    else {
      if (!mapped.exact) unconfirmed.add('processingDays');
      // Several cases: the longest is the one a receipt can promise.
      days = Math.max(days ?? 0, mapped.days);
    }
    for (const fee of t.PHILEPHI) {
      const amount = amountOf(fee.SOTIEN);
      if (amount === undefined || !isDong(fee.DONVI)) {
        unconfirmed.add('fees');
        continue;
      }
      const description =
        fee.MOTA?.normalize('NFC') ?? (amount === 0 ? 'Không thu phí, lệ phí' : 'Phí, lệ phí');
      if (!fees.some((f) => f.amount === amount && f.description === description)) {
        fees.push({ amount, description });
      }
    }
  }
  if (fees.length === 0) unconfirmed.add('fees');
  return { days, fees };
}

/**
 * A LayThuTuc entry as the kiosk's Procedure. What the entry does not say is
 * taken from the procedure already stored (its e-form above all) or set to
 * the cautious default, and named in `unconfirmed`.
 */
export function procedureFromLayThuTuc(
  entry: LayThuTucEntry,
  existing: Procedure | undefined,
  updatedAt: string,
): Procedure {
  const unconfirmed = new Set<string>();
  const field = entry.LINHVUCTHUCHIEN[0];
  const agency = entry.COQUANTHUCHIEN.map((c) => c.TENDONVI)
    .filter((n): n is string => n !== undefined)
    .join('; ');
  if (agency === '') unconfirmed.add('agency');
  let level = levelFrom(levelText(entry.CAPTHUCHIEN));
  if (level === undefined) {
    unconfirmed.add('level');
    level = levelFrom(agency) ?? existing?.level ?? 'khac';
  }
  const { days, fees } = timeAndFees(entry, unconfirmed);
  if (days === undefined) unconfirmed.add('processingDays');
  const processingDays = days ?? existing?.processingDays ?? 0;
  let sameDayCutoff: string | null = null;
  if (processingDays === 0) {
    sameDayCutoff = existing?.sameDayCutoff ?? SAME_DAY_CUTOFF;
    if (existing?.sameDayCutoff == null) unconfirmed.add('sameDayCutoff');
  }
  return {
    code: entry.MATTHC,
    name: entry.TENTTHC.normalize('NFC'),
    fieldCode: field?.MALINHVUC ?? null,
    fieldName: field?.TENLINHVUC?.normalize('NFC') ?? null,
    level,
    agency: agency.normalize('NFC') || (existing?.agency ?? ''),
    processingDays,
    sameDayCutoff,
    fees,
    components: componentsOf(entry, unconfirmed),
    form: existing?.form ?? defaultForm(),
    unconfirmed: [...unconfirmed],
    source: 'import',
    updatedAt,
  };
}
