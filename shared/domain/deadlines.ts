import { AppealType } from './appeal-type';
import { endOfMoscowDay, moscowDate, ProductionCalendar } from './calendar';

const MS_PER_HOUR = 3_600_000;

/** How a resolution term is counted. */
export enum DeadlineUnit {
  WorkingDays = 'working_days',
  CalendarDays = 'calendar_days',
  /** Office hours (calendar.ts WORKING_HOURS) on working days; due at the exact instant, not at day end. */
  WorkingHours = 'working_hours',
}

export const DEADLINE_UNITS: readonly DeadlineUnit[] = Object.values(DeadlineUnit);

/** The SLA of one appeal type (DOMAIN.md «Deadlines»); admins may override it per type. */
export interface DeadlinePolicy {
  /** Time to answer, counted from the day after the Moscow date of registration. */
  readonly resolution: { readonly unit: DeadlineUnit; readonly amount: number };
  /** Time to the first reaction, in clock hours from registration. */
  readonly firstResponseHours: number;
  /** The same for priority categories (утрата доступа, ошибки авторизации). */
  readonly priorityFirstResponseHours: number;
}

export type DeadlinePolicyTable = Readonly<Record<AppealType, DeadlinePolicy>>;

const FIRST_RESPONSE = { firstResponseHours: 24, priorityFirstResponseHours: 2 } as const;
const THIRTY_CALENDAR_DAYS = { unit: DeadlineUnit.CalendarDays, amount: 30 } as const;

/** Defaults: questions 5 working days; everything else 30 calendar days (59-ФЗ art. 12). */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicyTable = {
  [AppealType.Question]: { resolution: { unit: DeadlineUnit.WorkingDays, amount: 5 }, ...FIRST_RESPONSE },
  [AppealType.Complaint]: { resolution: THIRTY_CALENDAR_DAYS, ...FIRST_RESPONSE },
  [AppealType.Petition]: { resolution: THIRTY_CALENDAR_DAYS, ...FIRST_RESPONSE },
  [AppealType.DecisionAppeal]: { resolution: THIRTY_CALENDAR_DAYS, ...FIRST_RESPONSE },
  [AppealType.Suggestion]: { resolution: THIRTY_CALENDAR_DAYS, ...FIRST_RESPONSE },
  [AppealType.Gratitude]: { resolution: THIRTY_CALENDAR_DAYS, ...FIRST_RESPONSE },
};

export interface DeadlineInput {
  readonly type: AppealType;
  readonly registeredAt: Date;
  /** The appeal's category is a priority one: the first reaction is due sooner. */
  readonly priorityCategory: boolean;
  readonly calendar: ProductionCalendar;
  /** Defaults to DEFAULT_DEADLINE_POLICY. */
  readonly policy?: DeadlinePolicyTable;
}

export interface AppealDeadlines {
  /** The end (23:59:59.999 Moscow) of the last day allowed for the answer. */
  readonly dueAt: Date;
  readonly firstResponseDueAt: Date;
}

export function computeDeadlines({
  type,
  registeredAt,
  priorityCategory,
  calendar,
  policy = DEFAULT_DEADLINE_POLICY,
}: DeadlineInput): AppealDeadlines {
  const { resolution, firstResponseHours, priorityFirstResponseHours } = policy[type];
  const reactionHours = priorityCategory ? priorityFirstResponseHours : firstResponseHours;
  return {
    dueAt: dueInstant(registeredAt, resolution.unit, resolution.amount, calendar),
    firstResponseDueAt: new Date(registeredAt.getTime() + reactionHours * MS_PER_HOUR),
  };
}

/** The end of a term of `amount` units started at `from`: day terms end at 23:59:59.999 Moscow. */
export function dueInstant(from: Date, unit: DeadlineUnit, amount: number, calendar: ProductionCalendar): Date {
  switch (unit) {
    case DeadlineUnit.WorkingDays:
      return endOfMoscowDay(calendar.addWorkingDays(moscowDate(from), amount));
    case DeadlineUnit.CalendarDays:
      return endOfMoscowDay(calendar.addCalendarDays(moscowDate(from), amount));
    case DeadlineUnit.WorkingHours:
      return calendar.addWorkingHours(from, amount);
    default: {
      const unknown: never = unit;
      throw new Error(`Unknown deadline unit: ${String(unknown)}`);
    }
  }
}
