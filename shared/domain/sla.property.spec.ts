import fc from 'fast-check';
import { AppealType } from './appeal-type';
import { endOfMoscowDay, moscowDate, ProductionCalendar } from './calendar';
import { computeDeadlines, DEFAULT_DEADLINE_POLICY, DeadlinePolicyTable, DeadlineUnit, dueInstant } from './deadlines';
import { extendDeadline, pauseClock, resumeClock, SlaClockState } from './sla-clock';

/**
 * Property tests of the deadline maths over the two official years (issue 5 «Done when»).
 * fast-check draws dates, term lengths and pause windows; every failure prints its counterexample.
 */
const sut = new ProductionCalendar();
const DAY = 86_400_000;
const FIRST = Date.UTC(2025, 0, 1);
const LAST = Date.UTC(2026, 11, 31);

/** A Moscow calendar date of 2025–2026. */
const date2025to2026 = fc.integer({ min: 0, max: (LAST - FIRST) / DAY }).map((d) => new Date(FIRST + d * DAY).toISOString().slice(0, 10));
/** An instant inside 2025–2026, to the millisecond. */
const instant2025to2026 = fc.integer({ min: FIRST - 3 * 3_600_000, max: LAST + DAY - 3 * 3_600_000 - 1 }).map((ms) => new Date(ms));
const workingDays = fc.integer({ min: 0, max: 60 });
const PROPERTY_RUNS = { numRuns: 2000 };

describe('working-day maths over 2025–2026 (property)', () => {
  it('the issue examples: registered 30.04.2026, 5 working days → 08.05.2026, 10 → 18.05.2026', () => {
    const registeredAt = new Date('2026-04-30T10:00:00+03:00');
    const question = (amount: number) =>
      computeDeadlines({
        type: AppealType.Question,
        registeredAt,
        priorityCategory: false,
        calendar: sut,
        policy: { ...DEFAULT_DEADLINE_POLICY, [AppealType.Question]: { ...DEFAULT_DEADLINE_POLICY.question, resolution: { unit: DeadlineUnit.WorkingDays, amount } } },
      }).dueAt;
    expect(moscowDate(question(5))).toBe('2026-05-08');
    expect(moscowDate(question(10))).toBe('2026-05-18');
    expect(question(5).toISOString()).toBe('2026-05-08T20:59:59.999Z');
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(date2025to2026, fc.integer({ min: -60, max: 60 }), (d, n) => sut.workingDaysBetween(d, sut.addWorkingDays(d, n)) === n),
      PROPERTY_RUNS,
    );
  });

  it('addWorkingDays with n ≥ 1 always lands on a working day after the start', () => {
    fc.assert(
      fc.property(date2025to2026, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const due = sut.addWorkingDays(d, n);
        return sut.isWorkingDay(due) && due > d;
      }),
      PROPERTY_RUNS,
    );
  });

  it('is monotonic in n: more working days never give an earlier date, one more gives a later one', () => {
    fc.assert(
      fc.property(date2025to2026, workingDays, workingDays, (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const early = sut.addWorkingDays(d, lo);
        const late = sut.addWorkingDays(d, hi);
        return early <= late && (lo === hi || early < late);
      }),
      PROPERTY_RUNS,
    );
  });

  it('a calendar-day or working-day deadline ends at 23:59:59.999 Moscow time', () => {
    fc.assert(
      fc.property(instant2025to2026, fc.integer({ min: 1, max: 60 }), fc.constantFrom(DeadlineUnit.CalendarDays, DeadlineUnit.WorkingDays), (at, n, unit) => {
        const due = dueInstant(at, unit, n, sut);
        // 23:59:59.999 in Moscow (UTC+3) is 20:59:59.999Z, and it is the end of that Moscow day.
        return due.toISOString().endsWith('T20:59:59.999Z') && moscowDate(new Date(due.getTime() + 1)) !== moscowDate(due) && due > at;
      }),
      PROPERTY_RUNS,
    );
  });

  it('a calendar-day deadline is exactly n Moscow days after the registration date', () => {
    fc.assert(
      fc.property(instant2025to2026, fc.integer({ min: 1, max: 60 }), (at, n) => {
        const due = dueInstant(at, DeadlineUnit.CalendarDays, n, sut);
        return due.getTime() === endOfMoscowDay(moscowDate(at)).getTime() + n * DAY;
      }),
      PROPERTY_RUNS,
    );
  });

  it('working hours: the term is exactly n office hours, within 09:00–18:00 Moscow of a working day', () => {
    fc.assert(
      fc.property(instant2025to2026, fc.integer({ min: 1, max: 80 }), (at, n) => {
        const due = dueInstant(at, DeadlineUnit.WorkingHours, n, sut);
        const mskHour = ((due.getTime() + 3 * 3_600_000) % DAY) / 3_600_000;
        return sut.workingTimeBetween(at, due) === n * 3_600_000 && sut.isWorkingDay(moscowDate(due)) && mskHour > 9 && mskHour <= 18;
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('the SLA clock (property)', () => {
  const policyFor = (unit: DeadlineUnit, amount: number): DeadlinePolicyTable => ({
    ...DEFAULT_DEADLINE_POLICY,
    [AppealType.Question]: { ...DEFAULT_DEADLINE_POLICY.question, resolution: { unit, amount } },
  });
  const scenario = fc.record({
    registeredAt: instant2025to2026,
    unit: fc.constantFrom(...Object.values(DeadlineUnit)),
    amount: fc.integer({ min: 1, max: 30 }),
    pauseAfterMs: fc.integer({ min: 0, max: 40 * DAY }),
    pauseForMs: fc.integer({ min: 0, max: 40 * DAY }),
  });
  const started = (s: { registeredAt: Date; unit: DeadlineUnit; amount: number }) => {
    const policy = policyFor(s.unit, s.amount);
    const deadlines = computeDeadlines({ type: AppealType.Question, registeredAt: s.registeredAt, priorityCategory: false, calendar: sut, policy });
    const state: SlaClockState = { type: AppealType.Question, ...deadlines, firstReactionAt: null, slaPausedAt: null, extended: false };
    return { policy, state };
  };

  it('pause then resume never shortens either deadline', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { policy, state } = started(s);
        const pausedAt = new Date(s.registeredAt.getTime() + s.pauseAfterMs);
        const resumed = resumeClock(pauseClock(state, pausedAt), new Date(pausedAt.getTime() + s.pauseForMs), sut, policy);
        return (
          resumed.slaPausedAt === null &&
          resumed.dueAt!.getTime() >= state.dueAt!.getTime() &&
          resumed.firstResponseDueAt!.getTime() >= state.firstResponseDueAt!.getTime()
        );
      }),
      PROPERTY_RUNS,
    );
  });

  it('a pause of a working-hours term gives back exactly the office time it took', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { policy, state } = started({ ...s, unit: DeadlineUnit.WorkingHours });
        const pausedAt = new Date(s.registeredAt.getTime() + s.pauseAfterMs);
        const resumedAt = new Date(pausedAt.getTime() + s.pauseForMs);
        const resumed = resumeClock(pauseClock(state, pausedAt), resumedAt, sut, policy);
        return sut.workingTimeBetween(state.dueAt!, resumed.dueAt!) === sut.workingTimeBetween(pausedAt, resumedAt);
      }),
      PROPERTY_RUNS,
    );
  });

  it('pausing twice keeps the first pause; resuming a running clock changes nothing', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { policy, state } = started(s);
        const at = new Date(s.registeredAt.getTime() + s.pauseAfterMs);
        const paused = pauseClock(state, at);
        return pauseClock(paused, new Date(at.getTime() + 1000)).slaPausedAt === at && resumeClock(state, at, sut, policy) === state;
      }),
      PROPERTY_RUNS,
    );
  });

  it('an extension moves the deadline later, once', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { state } = started(s);
        const extended = extendDeadline(state, sut);
        let again = false;
        try {
          extendDeadline(extended, sut);
        } catch {
          again = true;
        }
        return extended.dueAt!.getTime() > state.dueAt!.getTime() && extended.extended && again;
      }),
      PROPERTY_RUNS,
    );
  });
});
