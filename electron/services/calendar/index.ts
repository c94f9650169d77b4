/**
 * The working-day calendar: Vietnamese public holidays (Labour Code 2019
 * Art. 112), compensatory days, yearly civil-service day swaps from a JSON
 * file, and the appointment date of a dossier.
 */
export type { IsoDate, DayOff, ExtraWorkday, WorkingCalendar } from './working-calendar';
export { createWorkingCalendar } from './working-calendar';
export type { OfficeHours, OfficeSession, DueProcedure } from './due-date';
export { dueDate, DEFAULT_OFFICE_HOURS } from './due-date';
export type { CalendarAdjustments } from './calendar-adjustments';
export { CalendarAdjustmentsError, parseCalendarAdjustments } from './calendar-adjustments';
export type { CalendarOptions, LoadedCalendar } from './load-calendar';
export { loadCalendar } from './load-calendar';
