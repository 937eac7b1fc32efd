import { APPEAL_TYPES, AppealType } from './appeal-type';
import { ProductionCalendar } from './calendar';
import { computeDeadlines, DEFAULT_DEADLINE_POLICY, DeadlinePolicyTable, DeadlineUnit } from './deadlines';

const calendar = new ProductionCalendar();
const deadlines = (type: AppealType, registeredAt: string, priorityCategory = false) =>
  computeDeadlines({ type, registeredAt: new Date(registeredAt), priorityCategory, calendar });

describe('DEFAULT_DEADLINE_POLICY', () => {
  // DOMAIN.md «Deadlines», written out independently.
  const expected: Record<AppealType, [DeadlineUnit, number]> = {
    [AppealType.Question]: [DeadlineUnit.WorkingDays, 5],
    [AppealType.Complaint]: [DeadlineUnit.CalendarDays, 30],
    [AppealType.Petition]: [DeadlineUnit.CalendarDays, 30],
    [AppealType.DecisionAppeal]: [DeadlineUnit.CalendarDays, 30],
    [AppealType.Suggestion]: [DeadlineUnit.CalendarDays, 30],
    [AppealType.Gratitude]: [DeadlineUnit.CalendarDays, 30],
  };

  it.each(APPEAL_TYPES)('%s: resolution term and 24 h / 2 h first reaction', (type) => {
    const [unit, amount] = expected[type];
    expect(DEFAULT_DEADLINE_POLICY[type]).toEqual({
      resolution: { unit, amount },
      firstResponseHours: 24,
      priorityFirstResponseHours: 2,
    });
  });
});

describe('computeDeadlines', () => {
  it('gives a question 5 working days, due at the end of the Moscow day', () => {
    // 2026-04-30 13:00 MSK; May 1–3 and May 9–11 are holidays.
    expect(deadlines(AppealType.Question, '2026-04-30T10:00:00Z').dueAt.toISOString()).toBe(
      '2026-05-08T20:59:59.999Z',
    );
  });

  it('counts from the Moscow date of registration, not the UTC one', () => {
    // 2026-05-07 22:00Z is already May 8 01:00 in Moscow: May 12–15, 18.
    expect(deadlines(AppealType.Question, '2026-05-07T22:00:00Z').dueAt.toISOString()).toBe(
      '2026-05-18T20:59:59.999Z',
    );
    expect(deadlines(AppealType.Question, '2026-05-07T20:59:59Z').dueAt.toISOString()).toBe(
      '2026-05-15T20:59:59.999Z',
    );
  });

  it.each([AppealType.Complaint, AppealType.Petition, AppealType.DecisionAppeal, AppealType.Suggestion, AppealType.Gratitude])(
    'gives a %s 30 calendar days from registration',
    (type) => {
      expect(deadlines(type, '2026-01-15T09:00:00Z').dueAt.toISOString()).toBe('2026-02-14T20:59:59.999Z');
      // 2026-01-31 21:30Z is February 1 in Moscow.
      expect(deadlines(type, '2026-01-31T21:30:00Z').dueAt.toISOString()).toBe('2026-03-03T20:59:59.999Z');
    },
  );

  it('expects the first reaction within 24 hours, or 2 hours in a priority category', () => {
    expect(deadlines(AppealType.Complaint, '2026-01-15T09:00:00Z').firstResponseDueAt.toISOString()).toBe(
      '2026-01-16T09:00:00.000Z',
    );
    expect(deadlines(AppealType.Question, '2026-01-15T09:00:00Z', true).firstResponseDueAt.toISOString()).toBe(
      '2026-01-15T11:00:00.000Z',
    );
  });

  it('applies an admin-overridden policy table', () => {
    const policy: DeadlinePolicyTable = {
      ...DEFAULT_DEADLINE_POLICY,
      [AppealType.Question]: {
        resolution: { unit: DeadlineUnit.WorkingDays, amount: 10 },
        firstResponseHours: 8,
        priorityFirstResponseHours: 1,
      },
    };
    const sut = computeDeadlines({
      type: AppealType.Question,
      registeredAt: new Date('2026-04-30T10:00:00Z'),
      priorityCategory: false,
      calendar,
      policy,
    });
    expect(sut.dueAt.toISOString()).toBe('2026-05-18T20:59:59.999Z');
    expect(sut.firstResponseDueAt.toISOString()).toBe('2026-04-30T18:00:00.000Z');
  });

  it('uses the calendar it is given', () => {
    const shorterMay = calendar.withYear(2026, { nonWorking: [], working: [] });
    const sut = computeDeadlines({
      type: AppealType.Question,
      registeredAt: new Date('2026-04-30T10:00:00Z'),
      priorityCategory: false,
      calendar: shorterMay,
    });
    expect(sut.dueAt.toISOString()).toBe('2026-05-07T20:59:59.999Z');
  });
});
