/**
 * The Russian production calendar (производственный календарь) and working-day arithmetic
 * (DOMAIN.md «Deadlines»). Dates are plain `YYYY-MM-DD` strings meaning a Moscow calendar day;
 * instants are `Date`s. Pure: shared by the backend and the browser console.
 */

/** An official year as the government publishes it; days not listed follow Mon–Fri / Sat–Sun. */
export interface ProductionCalendarYear {
  /** Non-working days (holidays and transferred days off); weekends may be listed too. */
  readonly nonWorking: readonly string[];
  /** Saturdays or Sundays made working days by a transfer. */
  readonly working: readonly string[];
  /**
   * Shortened working days (the day before a holiday, Labour Code art. 95): working days whose
   * office hours end SHORTENED_DAY_HOURS earlier. Absent: none.
   */
  readonly shortened?: readonly string[];
}

/** How many hours shorter a pre-holiday working day is (Labour Code art. 95). */
export const SHORTENED_DAY_HOURS = 1;

/** Moscow is UTC+3 all year round (no DST since 2014). */
export const MOSCOW_UTC_OFFSET_MINUTES = 180;

/**
 * The office hours that working-hour terms count (Moscow time, on working days only): 09:00–18:00,
 * nine hours a day with no lunch break, so "8 working hours" from 10:00 ends at 18:00 the same day.
 */
export const WORKING_HOURS = { start: 9, end: 18 } as const;

const MS_PER_DAY = 86_400_000;
const MOSCOW_OFFSET_MS = MOSCOW_UTC_OFFSET_MINUTES * 60_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01: the calendar's internal representation of a date. */
type DayNumber = number;

function toDayNumber(date: string): DayNumber {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [, y, m, d] = match;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    const day = ms / MS_PER_DAY;
    // Round-trip rejects 2025-02-30, month 13 and the years Date.UTC maps to 19xx.
    if (Number.isFinite(day) && fromDayNumber(day) === date) return day;
  }
  throw new RangeError(`Not a calendar date in YYYY-MM-DD form: "${date}"`);
}

function fromDayNumber(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

function isWeekend(day: DayNumber): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** True when `date` is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** The Moscow calendar date of an instant. */
export function moscowDate(instant: Date): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Moscow calendar day: 23:59:59.999 MSK = 20:59:59.999Z. */
export function endOfMoscowDay(date: string): Date {
  return new Date((toDayNumber(date) + 1) * MS_PER_DAY - MOSCOW_OFFSET_MS - 1);
}

/** Public holidays of Labour Code art. 112 part 1, as [month, day]. */
export const LABOUR_CODE_HOLIDAYS: readonly (readonly [month: number, day: number])[] = [
  [1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 6], [1, 7], [1, 8],
  [2, 23], [3, 8], [5, 1], [5, 9], [6, 12], [11, 4],
];

function span(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = toDayNumber(from); day <= toDayNumber(to); day++) days.push(fromDayNumber(day));
  return days;
}

/** Official calendars published by the government (DOMAIN.md lists them). */
export const RUSSIAN_OFFICIAL_CALENDAR: Readonly<Record<number, ProductionCalendarYear>> = {
  2025: {
    nonWorking: [
      ...span('2025-01-01', '2025-01-08'),
      ...span('2025-05-01', '2025-05-04'),
      ...span('2025-05-08', '2025-05-11'),
      ...span('2025-06-12', '2025-06-15'),
      ...span('2025-11-02', '2025-11-04'),
      '2025-12-31',
    ],
    working: ['2025-11-01'],
  },
  2026: {
    nonWorking: [
      ...span('2026-01-01', '2026-01-11'),
      '2026-02-23',
      '2026-03-09',
      ...span('2026-05-01', '2026-05-03'),
      ...span('2026-05-09', '2026-05-11'),
      ...span('2026-06-12', '2026-06-14'),
      '2026-11-04',
      '2026-12-31',
    ],
    working: [],
  },
};

/**
 * Days off of a year without an official calendar, by Labour Code art. 112: a holiday that
 * falls on Saturday or Sunday gives a day off on the next working day, except for the New Year
 * holidays (Jan 1–8), whose weekends are not carried over.
 */
function labourCodeDaysOff(year: number): Set<DayNumber> {
  const dayOf = (month: number, day: number): DayNumber => Date.UTC(year, month - 1, day) / MS_PER_DAY;
  const daysOff = new Set(LABOUR_CODE_HOLIDAYS.map(([month, day]) => dayOf(month, day)));
  for (const [month, day] of LABOUR_CODE_HOLIDAYS) {
    const holiday = dayOf(month, day);
    const newYear = month === 1 && day <= 8;
    if (newYear || !isWeekend(holiday)) continue;
    let transfer = holiday + 1;
    while (isWeekend(transfer) || daysOff.has(transfer)) transfer++;
    daysOff.add(transfer);
  }
  return daysOff;
}

interface YearRule {
  readonly nonWorking: ReadonlySet<DayNumber>;
  readonly working: ReadonlySet<DayNumber>;
  readonly shortened: ReadonlySet<DayNumber>;
}

function officialRule(year: number, data: ProductionCalendarYear): YearRule {
  const parse = (dates: readonly string[]): Set<DayNumber> =>
    new Set(
      dates.map((date) => {
        const day = toDayNumber(date);
        if (yearOf(day) !== year) throw new RangeError(`${date} is not in ${year}`);
        return day;
      }),
    );
  const nonWorking = parse(data.nonWorking);
  const working = parse(data.working);
  const shortened = parse(data.shortened ?? []);
  for (const day of working) {
    if (nonWorking.has(day)) throw new RangeError(`${fromDayNumber(day)} is listed as both working and non-working`);
  }
  for (const day of shortened) {
    if (nonWorking.has(day)) throw new RangeError(`${fromDayNumber(day)} is listed as both shortened and non-working`);
    if (isWeekend(day) && !working.has(day)) throw new RangeError(`${fromDayNumber(day)} is shortened but not a working day`);
  }
  return { nonWorking, working, shortened };
}

/**
 * Working-day arithmetic over the production calendar. Immutable: `withYear` returns a new
 * calendar. Years without official data follow Labour Code art. 112.
 */
export class ProductionCalendar {
  private readonly official: ReadonlyMap<number, YearRule>;
  /** Labour Code years are derived on first use. */
  private readonly derived = new Map<number, YearRule>();

  /** Throws a RangeError when a listed date is malformed, outside its year, or both working and not. */
  constructor(
    private readonly years: Readonly<Record<number, ProductionCalendarYear>> = RUSSIAN_OFFICIAL_CALENDAR,
  ) {
    this.official = new Map(
      Object.entries(years).map(([year, data]) => [Number(year), officialRule(Number(year), data)]),
    );
  }

  /** A calendar with `year` replaced by an officially published one (loaded by an admin). */
  withYear(year: number, data: ProductionCalendarYear): ProductionCalendar {
    if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
    return new ProductionCalendar({ ...this.years, [year]: data });
  }

  /** Whether `year` follows an official calendar rather than the Labour Code fallback. */
  hasOfficialYear(year: number): boolean {
    return this.official.has(year);
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(toDayNumber(date));
  }

  /** A working day whose office hours end early (a pre-holiday day of an official calendar). */
  isShortenedDay(date: string): boolean {
    const day = toDayNumber(date);
    return this.isWorking(day) && this.ruleFor(yearOf(day)).shortened.has(day);
  }

  /**
   * The `n`-th working day after `date`, counting from the next day (registered on Thursday
   * with n = 1 → Friday). A negative `n` counts back to the `|n|`-th working day before
   * `date`; n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: string, n: number): string {
    assertInteger(n);
    let day = toDayNumber(date);
    const step = Math.sign(n);
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (this.isWorking(day)) left--;
    }
    return fromDayNumber(day);
  }

  addCalendarDays(date: string, n: number): string {
    assertInteger(n);
    return fromDayNumber(toDayNumber(date) + n);
  }

  /**
   * Working days from `from` to `to`, excluding `from` and including `to`; negative when `to`
   * is earlier. The inverse of `addWorkingDays`: `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  workingDaysBetween(from: string, to: string): number {
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    const step = end >= start ? 1 : -1;
    let count = 0;
    for (let day = start; day !== end; ) {
      day += step;
      if (this.isWorking(day)) count++;
    }
    return step * count;
  }

  /**
   * The instant `ms` milliseconds of office time (WORKING_HOURS on working days) after `from`.
   * Time outside office hours does not count: a term started on Friday evening begins on Monday
   * morning. `ms` = 0 returns `from`.
   */
  addWorkingTime(from: Date, ms: number): Date {
    if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`Not a whole non-negative number of milliseconds: ${ms}`);
    let t = from.getTime();
    if (!Number.isFinite(t)) throw new RangeError('Invalid Date');
    let left = ms;
    while (left > 0) {
      const day = Math.floor((t + MOSCOW_OFFSET_MS) / MS_PER_DAY);
      const next = (day + 1) * MS_PER_DAY - MOSCOW_OFFSET_MS;
      if (this.isWorking(day)) {
        const [open, close] = this.officeWindow(day);
        if (t < open) t = open;
        if (t < close) {
          const take = Math.min(left, close - t);
          t += take;
          left -= take;
          if (left === 0) break;
        }
      }
      t = next;
    }
    return new Date(t);
  }

  /** `hours` office hours after `from` (see addWorkingTime). */
  addWorkingHours(from: Date, hours: number): Date {
    if (!Number.isSafeInteger(hours) || hours < 0) throw new RangeError(`Not a whole non-negative number of hours: ${hours}`);
    return this.addWorkingTime(from, hours * 3_600_000);
  }

  /** Office time (ms) between two instants; 0 when `to` is not after `from`. */
  workingTimeBetween(from: Date, to: Date): number {
    const start = from.getTime();
    const end = to.getTime();
    if (!Number.isFinite(start) || !Number.isFinite(end)) throw new RangeError('Invalid Date');
    let total = 0;
    for (let day = Math.floor((start + MOSCOW_OFFSET_MS) / MS_PER_DAY); day * MS_PER_DAY - MOSCOW_OFFSET_MS < end; day++) {
      if (!this.isWorking(day)) continue;
      const [open, close] = this.officeWindow(day);
      total += Math.max(0, Math.min(close, end) - Math.max(open, start));
    }
    return total;
  }

  /** Office hours of a Moscow working day as UTC milliseconds [open, close); a shortened day closes early. */
  private officeWindow(day: DayNumber): [number, number] {
    const midnight = day * MS_PER_DAY - MOSCOW_OFFSET_MS;
    const end = WORKING_HOURS.end - (this.ruleFor(yearOf(day)).shortened.has(day) ? SHORTENED_DAY_HOURS : 0);
    return [midnight + WORKING_HOURS.start * 3_600_000, midnight + end * 3_600_000];
  }

  private isWorking(day: DayNumber): boolean {
    const rule = this.ruleFor(yearOf(day));
    if (rule.working.has(day)) return true;
    if (rule.nonWorking.has(day)) return false;
    return !isWeekend(day);
  }

  private ruleFor(year: number): YearRule {
    const official = this.official.get(year);
    if (official) return official;
    let derived = this.derived.get(year);
    if (!derived) {
      derived = { nonWorking: labourCodeDaysOff(year), working: new Set(), shortened: new Set() };
      this.derived.set(year, derived);
    }
    return derived;
  }
}

function assertInteger(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
}
