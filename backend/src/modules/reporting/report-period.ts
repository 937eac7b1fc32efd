import { ProductionCalendar } from '@otklik/shared/domain';
import { ValidationFailedError } from '../../common/problem/domain-error';

export enum ReportPeriodKind {
  Day = 'day',
  Week = 'week',
  Month = 'month',
  Custom = 'custom',
}

/** Inclusive Moscow calendar days. */
export interface DayRange {
  from: string;
  to: string;
}

/** Ten years: enough for any statutory or retention look-back; the rollups make long ranges cheap. */
const MAX_CUSTOM_DAYS = 3660;
const calendar = new ProductionCalendar();

/**
 * The period a report covers and the one it is compared with: a day, the ISO week (Monday to
 * Sunday) or the calendar month containing `at` (today by default), or a custom range; the previous
 * period is the day, week or month before, or the range of the same length just before.
 */
export function resolvePeriod(kind: ReportPeriodKind, at: string, from?: string, to?: string): { current: DayRange; previous: DayRange } {
  switch (kind) {
    case ReportPeriodKind.Day:
      return { current: { from: at, to: at }, previous: { from: calendar.addCalendarDays(at, -1), to: calendar.addCalendarDays(at, -1) } };
    case ReportPeriodKind.Week: {
      const weekday = (new Date(`${at}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
      const monday = calendar.addCalendarDays(at, -weekday);
      return {
        current: { from: monday, to: calendar.addCalendarDays(monday, 6) },
        previous: { from: calendar.addCalendarDays(monday, -7), to: calendar.addCalendarDays(monday, -1) },
      };
    }
    case ReportPeriodKind.Month: {
      const first = `${at.slice(0, 7)}-01`;
      const next = nextMonth(first);
      const prev = previousMonth(first);
      return { current: { from: first, to: calendar.addCalendarDays(next, -1) }, previous: { from: prev, to: calendar.addCalendarDays(first, -1) } };
    }
    case ReportPeriodKind.Custom: {
      if (!from || !to) throw new ValidationFailedError([{ field: from ? 'to' : 'from', code: 'required', message: 'A custom period needs from and to' }]);
      const days = daysBetween(from, to);
      if (days < 0) throw new ValidationFailedError([{ field: 'from', code: 'date_range', message: 'from is after to' }]);
      if (days >= MAX_CUSTOM_DAYS) throw new ValidationFailedError([{ field: 'to', code: 'range_too_long', message: `At most ${MAX_CUSTOM_DAYS} days` }]);
      return { current: { from, to }, previous: { from: calendar.addCalendarDays(from, -(days + 1)), to: calendar.addCalendarDays(from, -1) } };
    }
  }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function nextMonth(first: string): string {
  const [y, m] = first.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function previousMonth(first: string): string {
  const [y, m] = first.split('-').map(Number);
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}
