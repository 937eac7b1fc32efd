import { endOfMoscowDay, isIsoDate, moscowDate, ProductionCalendar } from './calendar';

// Test-side date helpers, independent of the module under test.
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const weekday = (date: string): number => new Date(ms(date)).getUTCDay();
function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = ms(from); t <= ms(to); t += DAY) out.push(iso(t));
  return out;
}

// DOMAIN.md «Deadlines», written out independently of RUSSIAN_OFFICIAL_CALENDAR.
const OFFICIAL_NON_WORKING = new Set([
  ...datesFrom('2025-01-01', '2025-01-08'),
  ...datesFrom('2025-05-01', '2025-05-04'),
  ...datesFrom('2025-05-08', '2025-05-11'),
  ...datesFrom('2025-06-12', '2025-06-15'),
  ...datesFrom('2025-11-02', '2025-11-04'),
  '2025-12-31',
  ...datesFrom('2026-01-01', '2026-01-11'),
  '2026-02-23',
  '2026-03-09',
  ...datesFrom('2026-05-01', '2026-05-03'),
  ...datesFrom('2026-05-09', '2026-05-11'),
  ...datesFrom('2026-06-12', '2026-06-14'),
  '2026-11-04',
  '2026-12-31',
]);
const OFFICIAL_WORKING_WEEKENDS = new Set(['2025-11-01']);
// Neighbouring days that 30 working days from 2025–2026 can reach; those years follow Labour Code art. 112.
const LABOUR_CODE_NEIGHBOURS = new Set([
  '2024-11-04',
  ...datesFrom('2027-01-01', '2027-01-08'),
  '2027-02-23',
  '2027-03-08',
]);
const expectedWorking = (date: string): boolean =>
  OFFICIAL_WORKING_WEEKENDS.has(date) ||
  (weekday(date) % 6 !== 0 && !OFFICIAL_NON_WORKING.has(date) && !LABOUR_CODE_NEIGHBOURS.has(date));

const DAYS_2025_2026 = datesFrom('2025-01-01', '2026-12-31');

describe('ProductionCalendar', () => {
  const sut = new ProductionCalendar();

  describe('official years 2025 and 2026', () => {
    it('matches the published calendar on every day', () => {
      const mismatches = DAYS_2025_2026.filter((d) => sut.isWorkingDay(d) !== expectedWorking(d));
      expect(mismatches).toEqual([]);
    });

    it.each([
      ['2025-01-08', false],
      ['2025-01-09', true],
      ['2025-02-24', true], // Feb 23 2025 was a Sunday, yet the official calendar gives no Monday off
      ['2025-03-10', true], // likewise Mar 8, a Saturday
      ['2025-05-08', false],
      ['2025-05-12', true],
      ['2025-06-13', false],
      ['2025-11-01', true], // Saturday made a working day
      ['2025-11-03', false],
      ['2025-12-31', false],
      ['2026-01-09', false],
      ['2026-01-12', true],
      ['2026-03-09', false],
      ['2026-05-04', true],
      ['2026-05-11', false],
      ['2026-11-04', false],
    ])('%s working: %s', (date, working) => {
      expect(sut.isWorkingDay(date)).toBe(working);
    });

    it('has 247 working days in each year, as published', () => {
      expect(sut.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(247);
      expect(sut.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(247);
    });

    it('counts working days from the day after registration', () => {
      expect(sut.addWorkingDays('2026-04-30', 5)).toBe('2026-05-08');
      expect(sut.addWorkingDays('2026-04-30', 10)).toBe('2026-05-18');
      expect(sut.addWorkingDays('2025-10-30', 2)).toBe('2025-11-01');
      expect(sut.addWorkingDays('2025-12-30', 1)).toBe('2026-01-12');
    });

    it('knows which years are official', () => {
      expect(sut.hasOfficialYear(2025)).toBe(true);
      expect(sut.hasOfficialYear(2026)).toBe(true);
      expect(sut.hasOfficialYear(2027)).toBe(false);
    });
  });

  describe('working-day arithmetic over every day of 2025–2026', () => {
    const STEPS = [1, 2, 3, 5, 10, 15, 30];

    it('addWorkingDays lands on a working day exactly n working days later, never skipping one', () => {
      const failures: string[] = [];
      for (const d of DAYS_2025_2026) {
        for (const n of STEPS) {
          const due = sut.addWorkingDays(d, n);
          const between = datesFrom(iso(ms(d) + DAY), due).filter(expectedWorking).length;
          if (!expectedWorking(due) || due <= d || between !== n) failures.push(`${d}+${n}=${due}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('addWorkingDays with a negative n mirrors it backwards', () => {
      const failures: string[] = [];
      for (const d of DAYS_2025_2026) {
        for (const n of STEPS) {
          const back = sut.addWorkingDays(d, -n);
          const between = datesFrom(back, iso(ms(d) - DAY)).filter(expectedWorking).length;
          if (!expectedWorking(back) || back >= d || between !== n) failures.push(`${d}-${n}=${back}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('workingDaysBetween inverts addWorkingDays in both directions', () => {
      const failures: string[] = [];
      for (const d of DAYS_2025_2026) {
        for (const n of [0, ...STEPS, ...STEPS.map((s) => -s)]) {
          const got = sut.workingDaysBetween(d, sut.addWorkingDays(d, n));
          if (got !== n) failures.push(`${d} ${n}→${got}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('workingDaysBetween excludes the start and includes the end', () => {
      expect(sut.workingDaysBetween('2026-05-08', '2026-05-08')).toBe(0);
      expect(sut.workingDaysBetween('2026-05-07', '2026-05-08')).toBe(1);
      expect(sut.workingDaysBetween('2026-05-08', '2026-05-12')).toBe(1);
      expect(sut.workingDaysBetween('2026-05-12', '2026-05-08')).toBe(-1);
    });

    it('addCalendarDays moves by whole days across months, years and leap days', () => {
      for (const d of DAYS_2025_2026) {
        expect(sut.addCalendarDays(d, 30)).toBe(iso(ms(d) + 30 * DAY));
      }
      expect(sut.addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
      expect(sut.addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
      expect(sut.addWorkingDays('2026-05-08', 0)).toBe('2026-05-08');
    });
  });

  describe('years without an official calendar (Labour Code art. 112)', () => {
    it.each([
      ['2027-01-08', false], // Friday, New Year holiday
      ['2027-01-11', true], // Jan 2–3 fall on a weekend but New Year weekends are not carried over
      ['2027-02-23', false],
      ['2027-03-08', false],
      ['2027-05-01', false],
      ['2027-05-03', false], // May 1 is a Saturday → Monday off
      ['2027-05-04', true],
      ['2027-05-10', false], // May 9 is a Sunday → Monday off
      ['2027-05-11', true],
      ['2027-06-14', false], // Jun 12 is a Saturday → Monday off
      ['2027-06-15', true],
      ['2027-11-04', false],
      ['2027-11-05', true],
      ['2028-01-10', true], // Jan 1 and Jan 8 2028 are Saturdays, not carried over
      ['2028-11-06', false], // Nov 4 2028 is a Saturday → Monday off
    ])('%s working: %s', (date, working) => {
      expect(sut.isWorkingDay(date)).toBe(working);
    });

    it.each([2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035])(
      '%i: working days = weekdays − weekday holidays − weekend holidays outside Jan 1–8',
      (year) => {
        const holidays = [
          ...datesFrom(`${year}-01-01`, `${year}-01-08`),
          ...['02-23', '03-08', '05-01', '05-09', '06-12', '11-04'].map((md) => `${year}-${md}`),
        ];
        const isWeekend = (d: string): boolean => weekday(d) % 6 === 0;
        const weekdays = datesFrom(`${year}-01-01`, `${year}-12-31`).filter((d) => !isWeekend(d)).length;
        const onWeekdays = holidays.filter((d) => !isWeekend(d)).length;
        const carried = holidays.filter((d) => isWeekend(d) && d.slice(5, 7) !== '01').length;
        expect(sut.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(weekdays - onWeekdays - carried);
      },
    );
  });

  describe('withYear', () => {
    const official2027 = { nonWorking: ['2027-05-04'], working: ['2027-05-08'] };

    it('replaces the Labour Code rules for that year with the loaded calendar', () => {
      const loaded = sut.withYear(2027, official2027);
      expect(loaded.hasOfficialYear(2027)).toBe(true);
      expect(loaded.isWorkingDay('2027-05-03')).toBe(true);
      expect(loaded.isWorkingDay('2027-05-04')).toBe(false);
      expect(loaded.isWorkingDay('2027-05-08')).toBe(true);
      expect(loaded.isWorkingDay('2027-05-09')).toBe(false); // unlisted weekend stays off
      expect(loaded.isWorkingDay('2026-05-11')).toBe(false); // other years kept
    });

    it('leaves the original calendar unchanged', () => {
      sut.withYear(2027, official2027);
      expect(sut.hasOfficialYear(2027)).toBe(false);
      expect(sut.isWorkingDay('2027-05-03')).toBe(false);
    });

    it('can replace a built-in year', () => {
      const loaded = sut.withYear(2025, { nonWorking: [], working: [] });
      expect(loaded.isWorkingDay('2025-11-01')).toBe(false);
      expect(loaded.isWorkingDay('2025-05-08')).toBe(true);
    });

    it('ends the office hours of a shortened day an hour early, and counts working hours by them', () => {
      // Thu 2027-12-30 shortened before the 2027-12-31 day off.
      const loaded = sut.withYear(2027, { nonWorking: ['2027-12-31'], working: [], shortened: ['2027-12-30'] });
      expect(loaded.isShortenedDay('2027-12-30')).toBe(true);
      expect(loaded.isShortenedDay('2027-12-29')).toBe(false);
      expect(loaded.isWorkingDay('2027-12-30')).toBe(true);
      const from = new Date('2027-12-30T09:00:00+03:00');
      // 8 office hours from 09:00 end at 17:00 on a shortened day; 9 roll over to the next working day (2028-01-10).
      expect(loaded.addWorkingHours(from, 8).toISOString()).toBe(new Date('2027-12-30T17:00:00+03:00').toISOString());
      expect(sut.addWorkingHours(from, 9).toISOString()).toBe(new Date('2027-12-30T18:00:00+03:00').toISOString());
      expect(loaded.addWorkingHours(from, 9).getTime()).toBeGreaterThan(new Date('2028-01-01T00:00:00+03:00').getTime());
      expect(loaded.workingTimeBetween(from, new Date('2027-12-30T23:00:00+03:00'))).toBe(8 * 3_600_000);
    });

    it.each([
      [{ nonWorking: ['2027-05-08'], working: [], shortened: ['2027-05-08'] }, /shortened and non-working/],
      [{ nonWorking: [], working: [], shortened: ['2027-05-09'] }, /not a working day/],
      [{ nonWorking: ['2028-01-03'], working: [] }, /not in 2027/],
      [{ nonWorking: ['2027-02-30'], working: [] }, /YYYY-MM-DD/],
      [{ nonWorking: ['27.05.2027'], working: [] }, /YYYY-MM-DD/],
      [{ nonWorking: ['2027-05-08'], working: ['2027-05-08'] }, /both/],
    ])('rejects bad data %j', (data, message) => {
      expect(() => sut.withYear(2027, data)).toThrow(message);
    });
  });

  it.each(['2025-2-01', '2025-02-29', '2025-13-01', '0099-01-01', '', '2025-01-01T00:00'])(
    'rejects the malformed date %j',
    (date) => {
      expect(isIsoDate(date)).toBe(false);
      expect(() => sut.isWorkingDay(date)).toThrow(RangeError);
    },
  );

  it('rejects a fractional number of days', () => {
    expect(() => sut.addWorkingDays('2026-05-08', 1.5)).toThrow(RangeError);
    expect(() => sut.addCalendarDays('2026-05-08', Number.NaN)).toThrow(RangeError);
  });
});

describe('Moscow dates', () => {
  it('moscowDate turns over at 21:00 UTC', () => {
    expect(moscowDate(new Date('2026-04-30T20:59:59.999Z'))).toBe('2026-04-30');
    expect(moscowDate(new Date('2026-04-30T21:00:00.000Z'))).toBe('2026-05-01');
    expect(moscowDate(new Date('2025-12-31T21:30:00Z'))).toBe('2026-01-01');
    expect(() => moscowDate(new Date('nonsense'))).toThrow(RangeError);
  });

  it('endOfMoscowDay is 20:59:59.999Z', () => {
    expect(endOfMoscowDay('2026-05-08').toISOString()).toBe('2026-05-08T20:59:59.999Z');
  });

  it('endOfMoscowDay is the last instant of the same Moscow day, for every day of 2025–2026', () => {
    for (const d of DAYS_2025_2026) {
      const end = endOfMoscowDay(d);
      expect(moscowDate(end)).toBe(d);
      expect(moscowDate(new Date(end.getTime() + 1))).toBe(iso(ms(d) + DAY));
    }
  });
});
