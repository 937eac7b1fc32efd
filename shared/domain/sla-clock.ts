import { AppealType } from './appeal-type';
import { endOfMoscowDay, moscowDate, ProductionCalendar } from './calendar';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicyTable, DeadlineUnit } from './deadlines';

/** The deadline facts of an appeal that pausing, resuming and extending change. */
export interface SlaClockState {
  type: AppealType;
  dueAt: Date | null;
  firstResponseDueAt: Date | null;
  firstReactionAt: Date | null;
  slaPausedAt: Date | null;
  extended: boolean;
}

/** Stops the clock (status → awaiting_citizen). Pausing a paused clock changes nothing. */
export function pauseClock<T extends SlaClockState>(state: T, now: Date): T {
  if (state.slaPausedAt) return state;
  return { ...state, slaPausedAt: now };
}

/**
 * Restarts the clock with the time that was left. The resolution deadline moves by the days the
 * clock stood still, counted in the unit of the appeal's policy (working days for a 5-working-day
 * question, calendar days for a 30-day complaint): a pause that began and ended on the same
 * Moscow day moves nothing; a working-hours term gets back the office time of the pause. The
 * result is never earlier than the deadline before the pause. The first-reaction deadline, if no one has reacted yet, moves by the
 * paused clock time.
 */
export function resumeClock<T extends SlaClockState>(
  state: T,
  now: Date,
  calendar: ProductionCalendar,
  policy: DeadlinePolicyTable = DEFAULT_DEADLINE_POLICY,
): T {
  const pausedAt = state.slaPausedAt;
  if (!pausedAt) return state;
  const pausedMs = Math.max(0, now.getTime() - pausedAt.getTime());
  const from = moscowDate(pausedAt);
  const to = moscowDate(now);
  let dueAt = state.dueAt;
  const unit = policy[state.type].resolution.unit;
  if (dueAt && unit === DeadlineUnit.WorkingHours) {
    // Office time that passed while paused is given back, counted from the old deadline.
    dueAt = calendar.addWorkingTime(dueAt, calendar.workingTimeBetween(pausedAt, now));
  } else if (dueAt && to > from) {
    const due = moscowDate(dueAt);
    dueAt =
      unit === DeadlineUnit.WorkingDays
        ? endOfMoscowDay(calendar.addWorkingDays(due, Math.max(0, calendar.workingDaysBetween(from, to))))
        : endOfMoscowDay(calendar.addCalendarDays(due, calendarDays(from, to)));
  }
  const firstResponseDueAt =
    state.firstResponseDueAt && !state.firstReactionAt ? new Date(state.firstResponseDueAt.getTime() + pausedMs) : state.firstResponseDueAt;
  return { ...state, slaPausedAt: null, dueAt, firstResponseDueAt };
}

function calendarDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How far one extension moves the deadline (DOMAIN.md: questions 5 → 10 working days; 59-ФЗ: up to 30 days more). */
export function extensionFor(type: AppealType): { unit: DeadlineUnit; amount: number } {
  switch (type) {
    case AppealType.Question:
      return { unit: DeadlineUnit.WorkingDays, amount: 5 };
    case AppealType.Complaint:
    case AppealType.Petition:
    case AppealType.DecisionAppeal:
    case AppealType.Suggestion:
    case AppealType.Gratitude:
      return { unit: DeadlineUnit.CalendarDays, amount: 30 };
    default: {
      const unknown: never = type;
      throw new Error(`Unknown appeal type: ${String(unknown)}`);
    }
  }
}

export class ExtensionNotAllowedError extends Error {
  readonly code = 'already_extended';
}

/** The one extension an appeal may get: the deadline moves by `extensionFor(type)` (or fewer `days`). */
export function extendDeadline<T extends SlaClockState>(state: T, calendar: ProductionCalendar, days?: number): T {
  if (state.extended) throw new ExtensionNotAllowedError('The deadline was already extended once');
  if (!state.dueAt) return { ...state, extended: true };
  const { unit, amount } = extensionFor(state.type);
  const n = days === undefined ? amount : Math.min(Math.max(1, Math.trunc(days)), amount);
  const due = moscowDate(state.dueAt);
  const next = unit === DeadlineUnit.WorkingDays ? calendar.addWorkingDays(due, n) : calendar.addCalendarDays(due, n);
  return { ...state, dueAt: endOfMoscowDay(next), extended: true };
}
