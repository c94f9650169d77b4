import { dueDate, type OfficeHours, type WorkingCalendar } from '../calendar';

/**
 * Mẫu 04's new appointment: the extra working days are counted from the day
 * the apology is made, as an appointment is counted from the day of receipt
 * (due-date.ts), because the old date has already passed and counting from
 * it could give a day that is also past.
 */
export function apologyDueAt(
  now: number,
  extraWorkingDays: number,
  calendar: WorkingCalendar,
  officeHours: OfficeHours,
): Date {
  return dueDate(
    new Date(now),
    { processingDays: extraWorkingDays, sameDayCutoff: null },
    calendar,
    officeHours,
  );
}
