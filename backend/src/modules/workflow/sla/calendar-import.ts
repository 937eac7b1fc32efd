import { isIsoDate } from '@otklik/shared/domain';
import { FieldError } from '../../../common/problem/domain-error';

/** A production calendar year as the common xmlcalendar files state it. */
export interface ImportedCalendarYear {
  year: number;
  /** Public holidays and days off by a transfer, on any weekday (weekends that stay off are not listed). */
  nonWorking: string[];
  /** Which of nonWorking are public holidays. */
  holidays: string[];
  /** Saturdays or Sundays made working days. */
  working: string[];
  /** Shortened (pre-holiday) working days. */
  shortened: string[];
}

export enum CalendarImportFormat {
  /** `<calendar year="2026"><days><day d="01.01" t="1" h="1"/>…</days></calendar>` (t=1 day off, 2 shortened, 3 working). */
  Xml = 'xmlcalendar_xml',
  /** `{"year":2026,"months":[{"month":1,"days":"1,2,3+,…,30*"}]}`: the month's days off; `*` shortened working day, `+` transferred day off. */
  Json = 'xmlcalendar_json',
}

export class CalendarImportError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.code}`).join('; '));
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const fail = (code: string, message: string): never => {
  throw new CalendarImportError([{ field: 'content', code, message }]);
};

/** Parses an xmlcalendar file of either format into the calendar's lists; throws CalendarImportError naming what is wrong. */
export function parseCalendar(format: CalendarImportFormat, content: string): ImportedCalendarYear {
  return format === CalendarImportFormat.Xml ? parseXml(content) : parseJson(content);
}

/**
 * The XML form. Only its own elements are read (a `<calendar>` with a `year`, `<day>` elements
 * with `d`, `t` and an optional `h`), by a scanner, not an XML parser: no entities, DTDs or
 * external references are ever resolved. A DOCTYPE is refused outright.
 */
function parseXml(content: string): ImportedCalendarYear {
  if (/<!DOCTYPE|<!ENTITY/i.test(content)) fail('calendar_doctype', 'document type declarations are not accepted');
  const root = /<calendar\b([^>]*)>/.exec(content);
  if (!root) fail('calendar_not_xmlcalendar', 'no <calendar> element');
  const year = Number(attributes(root![1]).year);
  if (!Number.isInteger(year) || year < 1990 || year > 2200) fail('calendar_year', 'the <calendar> element has no valid year');
  const days = /<days\b[^>]*>([\s\S]*?)<\/days>/.exec(content)?.[1] ?? '';
  const result = empty(year);
  for (const [, attrs] of days.matchAll(/<day\b([^>]*?)\/?>/g)) {
    const a = attributes(attrs);
    const match = /^(\d{2})\.(\d{2})$/.exec(a.d ?? '');
    const date = match ? `${year}-${match[1]}-${match[2]}` : '';
    if (!isIsoDate(date)) fail('calendar_day', `not a day of ${year}: ${String(a.d).slice(0, 20)}`);
    switch (a.t) {
      case '1':
        if (!isWeekend(date)) result.nonWorking.push(date);
        if (a.h) result.holidays.push(date);
        break;
      case '2':
        result.shortened.push(date);
        break;
      case '3':
        if (isWeekend(date)) result.working.push(date);
        break;
      default:
        fail('calendar_day_type', `day ${a.d}: t must be 1, 2 or 3`);
    }
  }
  return finish(result);
}

/** The JSON form: per month, the days off; `*` marks a shortened working day, `+` a transferred day off. */
function parseJson(content: string): ImportedCalendarYear {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return fail('calendar_not_json', 'not JSON');
  }
  const { year, months } = (doc ?? {}) as { year?: unknown; months?: unknown };
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2200) fail('calendar_year', 'year must be a whole number 1990–2200');
  if (!Array.isArray(months) || months.length > 12) fail('calendar_months', 'months must be a list of at most 12 months');
  const result = empty(year as number);
  const listedOff = new Set<string>();
  const listedMonths = new Set<number>();
  for (const m of months as unknown[]) {
    const { month, days } = (m ?? {}) as { month?: unknown; days?: unknown };
    if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12 || listedMonths.has(month)) fail('calendar_month', 'each month is a number 1–12, listed once');
    if (typeof days !== 'string' || days.length > 200) fail('calendar_month_days', `month ${String(month)}: days must be a string`);
    listedMonths.add(month as number);
    for (const token of (days as string).split(',').map((t) => t.trim()).filter(Boolean)) {
      const match = /^(\d{1,2})([*+]?)$/.exec(token);
      const date = match ? `${String(year)}-${pad(month as number)}-${pad(Number(match[1]))}` : '';
      if (!isIsoDate(date)) fail('calendar_day', `month ${String(month)}: not a day: ${token.slice(0, 10)}`);
      if (match![2] === '*') {
        result.shortened.push(date);
        continue;
      }
      listedOff.add(date);
      if (!isWeekend(date)) result.nonWorking.push(date);
      // A day off that is not a weekend and not a transfer is a public holiday.
      if (match![2] !== '+' && !isWeekend(date)) result.holidays.push(date);
    }
  }
  if (listedMonths.size !== 12) fail('calendar_months', 'all twelve months must be listed');
  // Weekends the file does not list as days off are working days by a transfer.
  for (let t = Date.UTC(year as number, 0, 1); t < Date.UTC((year as number) + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (isWeekend(date) && !listedOff.has(date)) result.working.push(date);
  }
  return finish(result);
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of text.matchAll(/([A-Za-z_][\w-]*)\s*=\s*"([^"]*)"/g)) out[name] = value;
  return out;
}

function empty(year: number): ImportedCalendarYear {
  return { year, nonWorking: [], holidays: [], working: [], shortened: [] };
}

function finish(r: ImportedCalendarYear): ImportedCalendarYear {
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  // A shortened weekend day is a working one (transferred); the XML lists it with t=2 only.
  const shortened = uniq(r.shortened);
  const working = uniq([...r.working, ...shortened.filter(isWeekend)]);
  return { year: r.year, nonWorking: uniq(r.nonWorking), holidays: uniq(r.holidays), working, shortened };
}
