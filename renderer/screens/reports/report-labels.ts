import type { TFunction } from 'i18next';
import type { DurationBucket } from '../../../electron/api/contract/report';

/** "5–10 phút", or "từ 60 phút" for the open last bar. */
export function bucketLabel(t: TFunction, b: DurationBucket): string {
  return b.toMinutes === null
    ? t('reports.minutesMore', { from: b.fromMinutes })
    : t('reports.minutes', { from: b.fromMinutes, to: b.toMinutes });
}

/** Minutes and percentages as the reader's language writes them (8,5 in Vietnamese); a dash for none. */
export function numberText(language: string, value: number | null, suffix = ''): string {
  if (value === null) return '–';
  const text = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: 1,
  }).format(value);
  return `${text}${suffix}`;
}

/** Today's Vietnam civil date (UTC+7 all year), whatever the machine's time zone. */
export function vietnamToday(now: number): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}
