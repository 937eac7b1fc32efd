import { AppealStatus, AppealType, ProductionCalendar } from '@otklik/shared/domain';
import type { AppealReportState } from '../appeals/appeal-report.repository';
import { assigneeDaysDiff, contributionOf, durationsDiff, figuresOf, intakeHoursDiff, medianOfHistogram, moscowHour, rollupDiff, summaryDiff } from './appeal-figures';

const MSK = (local: string) => new Date(`${local}+03:00`);
const calendar = new ProductionCalendar();

const state = (overrides: Partial<AppealReportState> = {}): AppealReportState => ({
  id: '00000000-0000-4000-8000-000000000001',
  departmentId: '00000000-0000-4000-8000-0000000000d1',
  categoryId: '00000000-0000-4000-8000-0000000000c1',
  subcategoryId: null,
  type: AppealType.Question,
  unidentified: false,
  region: null,
  status: AppealStatus.Registered,
  assigneeId: null,
  registeredAt: MSK('2026-03-06T17:00:00'),
  firstReactionAt: null,
  firstResponseDueAt: MSK('2026-03-07T17:00:00'),
  answeredAt: null,
  dueAt: MSK('2026-03-13T23:59:59.999'),
  closedAt: null,
  extended: false,
  rating: null,
  ratedAt: null,
  redirects: 0,
  ...overrides,
});

describe('appeal figures', () => {
  it('counts working days of the production calendar from the Moscow day after registration (Mar 7–9 2026 off)', () => {
    const sut = figuresOf(state({ firstReactionAt: MSK('2026-03-10T09:00:00'), answeredAt: MSK('2026-03-11T00:30:00'), status: AppealStatus.Resolved }), calendar);
    expect(sut).toMatchObject({ registeredOn: '2026-03-06', firstReactionWd: 1, firstReactionOnTime: false, answeredOn: '2026-03-11', answerWd: 2, answeredOnTime: true, closedOn: null });
  });

  it('dates are Moscow days: 23:30 UTC is the next day in Moscow', () => {
    expect(figuresOf(state({ registeredAt: new Date('2026-03-05T23:30:00Z') }), calendar).registeredOn).toBe('2026-03-06');
  });

  it('an appeal contributes each counter on the day of its step', () => {
    const f = figuresOf(
      state({ status: AppealStatus.Closed, answeredAt: MSK('2026-03-10T12:00:00'), closedAt: MSK('2026-03-12T12:00:00'), rating: 4, ratedAt: MSK('2026-03-12T11:00:00'), extended: true, redirects: 2 }),
      calendar,
    );
    const byDay = Object.fromEntries(contributionOf(f).map((d) => [d.day, d.counters]));
    expect(byDay).toEqual({
      '2026-03-06': { received: 1, extended: 1, redirected: 1, redirects: 2, repeats: 0 },
      '2026-03-10': { answered: 1, answered_on_time: 1, answer_wd_sum: 1 },
      '2026-03-12': { closed: 1, rated: 1, rating_sum: 4, rating_4: 1 },
    });
  });

  it('a repeat counts on its registration day; losing the earlier appeal takes it out of that day alone', () => {
    const citizenId = '00000000-0000-4000-8000-0000000000a1';
    const repeat = figuresOf(state({ citizenId, repeat: true }), calendar);
    expect(repeat).toMatchObject({ citizenId, repeat: true });
    expect(contributionOf(repeat)).toEqual([expect.objectContaining({ day: '2026-03-06', counters: expect.objectContaining({ received: 1, repeats: 1 }) })]);
    const first = figuresOf(state({ citizenId, repeat: false }), calendar);
    expect(rollupDiff([{ before: repeat, after: first }])).toEqual([expect.objectContaining({ day: '2026-03-06', counters: { repeats: -1 } })]);
    expect(figuresOf(state(), calendar)).toMatchObject({ citizenId: null, repeat: false });
  });

  it('the heat map rollup: one registration on its Moscow day and hour, moved with a redirect, gone with the appeal', () => {
    expect(moscowHour(new Date('2026-03-05T21:30:00Z'))).toBe(0);
    const before = figuresOf(state(), calendar);
    const after = figuresOf(state({ departmentId: '00000000-0000-4000-8000-0000000000d2', answeredAt: MSK('2026-03-10T12:00:00') }), calendar);
    expect(intakeHoursDiff([{ before: null, after: before }])).toEqual([{ day: '2026-03-06', department_id: before.departmentId, hour: 17, received: 1 }]);
    expect(intakeHoursDiff([{ before, after: { ...before, status: 'in_progress' } }])).toEqual([]);
    expect(intakeHoursDiff([{ before, after }])).toEqual([
      { day: '2026-03-06', department_id: before.departmentId, hour: 17, received: -1 },
      { day: '2026-03-06', department_id: after.departmentId, hour: 17, received: 1 },
    ]);
    expect(intakeHoursDiff([{ before: after, after: null }])).toEqual([{ day: '2026-03-06', department_id: after.departmentId, hour: 17, received: -1 }]);
  });

  it('the diff of a recomputation from the same state is empty (a redelivered event adds nothing)', () => {
    const f = figuresOf(state({ answeredAt: MSK('2026-03-10T12:00:00') }), calendar);
    expect(rollupDiff([{ before: f, after: { ...f } }])).toEqual([]);
  });

  it('a redirect moves the whole contribution to the new department; a destroyed appeal takes its contribution away', () => {
    const before = figuresOf(state(), calendar);
    const after = figuresOf(state({ departmentId: '00000000-0000-4000-8000-0000000000d2', redirects: 1 }), calendar);
    const diff = rollupDiff([{ before, after }]);
    expect(diff).toEqual([
      expect.objectContaining({ department_id: before.departmentId, counters: { received: -1 } }),
      expect.objectContaining({ department_id: after.departmentId, counters: { received: 1, redirected: 1, redirects: 1 } }),
    ]);
    expect(rollupDiff([{ before: after, after: null }])).toEqual([expect.objectContaining({ counters: { received: -1, redirected: -1, redirects: -1 } })]);
  });

  it('the working-day histogram: an answer on its day with its working days, a first reaction on its own; a redelivery adds nothing', () => {
    const open = figuresOf(state({ firstReactionAt: MSK('2026-03-10T09:00:00') }), calendar);
    const answered = figuresOf(state({ firstReactionAt: MSK('2026-03-10T09:00:00'), answeredAt: MSK('2026-03-11T12:00:00') }), calendar);
    const d = open.departmentId;
    expect(durationsDiff([{ before: null, after: open }])).toEqual([{ day: '2026-03-10', department_id: d, measure: 'reaction', wd: 1, count: 1 }]);
    expect(durationsDiff([{ before: open, after: answered }])).toEqual([{ day: '2026-03-11', department_id: d, measure: 'answer', wd: 2, count: 1 }]);
    expect(durationsDiff([{ before: answered, after: { ...answered } }])).toEqual([]);
    expect(durationsDiff([{ before: answered, after: null }])).toEqual([
      { day: '2026-03-11', department_id: d, measure: 'answer', wd: 2, count: -1 },
      { day: '2026-03-10', department_id: d, measure: 'reaction', wd: 1, count: -1 },
    ]);
  });

  it('the per-assignee rollup: assigned on the registration day, answered on the answer day, moved to a new assignee; none without one', () => {
    const a1 = '00000000-0000-4000-8000-0000000000e1';
    const a2 = '00000000-0000-4000-8000-0000000000e2';
    const d = figuresOf(state(), calendar).departmentId;
    expect(assigneeDaysDiff([{ before: null, after: figuresOf(state(), calendar) }])).toEqual([]);
    const taken = figuresOf(state({ assigneeId: a1 }), calendar);
    const answered = figuresOf(state({ assigneeId: a1, answeredAt: MSK('2026-03-11T12:00:00') }), calendar);
    expect(assigneeDaysDiff([{ before: null, after: taken }])).toEqual([{ day: '2026-03-06', department_id: d, assignee_id: a1, assigned: 1, answered: 0, answer_wd_sum: 0 }]);
    expect(assigneeDaysDiff([{ before: taken, after: answered }])).toEqual([{ day: '2026-03-11', department_id: d, assignee_id: a1, assigned: 0, answered: 1, answer_wd_sum: 2 }]);
    expect(assigneeDaysDiff([{ before: answered, after: { ...answered, assigneeId: a2 } }])).toEqual([
      { day: '2026-03-06', department_id: d, assignee_id: a1, assigned: -1, answered: 0, answer_wd_sum: 0 },
      { day: '2026-03-11', department_id: d, assignee_id: a1, assigned: 0, answered: -1, answer_wd_sum: -2 },
      { day: '2026-03-06', department_id: d, assignee_id: a2, assigned: 1, answered: 0, answer_wd_sum: 0 },
      { day: '2026-03-11', department_id: d, assignee_id: a2, assigned: 0, answered: 1, answer_wd_sum: 2 },
    ]);
  });

  it('the median read off a histogram is percentile_cont(0.5): the middle value, or the mean of the two middle ones', () => {
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([{ value: 3, count: 0 }])).toBeNull();
    expect(medianOfHistogram([{ value: 6, count: 2 }, { value: 1, count: 1 }, { value: 3, count: 1 }])).toBe(4.5); // 1 3 6 6
    expect(medianOfHistogram([{ value: 2, count: 3 }, { value: 9, count: 1 }])).toBe(2); // 2 2 2 9
    expect(medianOfHistogram([{ value: 0, count: 1 }, { value: 5, count: 1 }, { value: 7, count: 1 }])).toBe(5);
    expect(medianOfHistogram([{ value: 0, count: 1 }, { value: 1, count: 1 }])).toBe(0.5);
  });

  it('the summary rollup merges the deltas without subcategory and region: a move between subcategories cancels out there', () => {
    const before = figuresOf(state({ subcategoryId: '00000000-0000-4000-8000-0000000000c2', region: 'Москва' }), calendar);
    const after = figuresOf(state({ subcategoryId: '00000000-0000-4000-8000-0000000000c3', region: 'Тверь' }), calendar);
    expect(rollupDiff([{ before, after }])).toHaveLength(2);
    expect(summaryDiff(rollupDiff([{ before, after }]))).toEqual([]);
    expect(summaryDiff(rollupDiff([{ before: null, after }, { before: null, after: { ...before, appealId: 'other' } }]))).toEqual([
      expect.objectContaining({ day: '2026-03-06', subcategory_id: null, region: null, counters: { received: 2 } }),
    ]);
  });
});
