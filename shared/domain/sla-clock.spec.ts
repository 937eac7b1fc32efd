import { AppealType } from './appeal-type';
import { endOfMoscowDay, ProductionCalendar } from './calendar';
import { extendDeadline, pauseClock, resumeClock, SlaClockState } from './sla-clock';

const calendar = new ProductionCalendar();
const state = (type: AppealType, due: string): SlaClockState => ({
  type,
  dueAt: endOfMoscowDay(due),
  firstResponseDueAt: new Date('2026-04-30T12:00:00Z'),
  firstReactionAt: null,
  slaPausedAt: null,
  extended: false,
});

describe('SLA clock', () => {
  it('a question paused over the May holidays keeps its working days left', () => {
    // Due Fri 08.05.2026; paused Thu 30.04, resumed Tue 12.05: 01–03 and 09–11 May are holidays,
    // so the pause took the working days 04, 05, 06, 07, 08 and 12 May; the 5 working days that were
    // left count from the 12th: 13, 14, 15, 18, 19 May.
    const paused = pauseClock(state(AppealType.Question, '2026-05-08'), new Date('2026-04-30T09:00:00Z'));
    const sut = resumeClock(paused, new Date('2026-05-12T09:00:00Z'), calendar);
    expect(sut.slaPausedAt).toBeNull();
    expect(sut.dueAt).toEqual(endOfMoscowDay('2026-05-19'));
  });

  it('a complaint moves by calendar days; a same-day pause moves nothing', () => {
    const complaint = state(AppealType.Complaint, '2026-05-30');
    const sut = resumeClock(pauseClock(complaint, new Date('2026-05-01T08:00:00Z')), new Date('2026-05-04T08:00:00Z'), calendar);
    expect(sut.dueAt).toEqual(endOfMoscowDay('2026-06-02'));
    const sameDay = resumeClock(pauseClock(complaint, new Date('2026-05-01T08:00:00Z')), new Date('2026-05-01T15:00:00Z'), calendar);
    expect(sameDay.dueAt).toEqual(complaint.dueAt);
  });

  it('the first-reaction deadline moves by the paused time until someone reacts', () => {
    const paused = pauseClock(state(AppealType.Question, '2026-05-08'), new Date('2026-04-30T09:00:00Z'));
    const sut = resumeClock(paused, new Date('2026-04-30T11:00:00Z'), calendar);
    expect(sut.firstResponseDueAt).toEqual(new Date('2026-04-30T14:00:00Z'));
    const reacted = resumeClock({ ...paused, firstReactionAt: new Date('2026-04-30T08:00:00Z') }, new Date('2026-04-30T11:00:00Z'), calendar);
    expect(reacted.firstResponseDueAt).toEqual(paused.firstResponseDueAt);
  });

  it('extends once: a question by 5 working days, a complaint by 30 calendar days', () => {
    const question = extendDeadline(state(AppealType.Question, '2026-05-08'), calendar);
    // 08.05.2026 + 5 working days: 12, 13, 14, 15, 18 May (09–11 May are holidays).
    expect(question.dueAt).toEqual(endOfMoscowDay('2026-05-18'));
    expect(question.extended).toBe(true);
    expect(() => extendDeadline(question, calendar)).toThrow('already extended');
    expect(extendDeadline(state(AppealType.Complaint, '2026-05-30'), calendar).dueAt).toEqual(endOfMoscowDay('2026-06-29'));
    expect(extendDeadline(state(AppealType.Complaint, '2026-05-30'), calendar, 10).dueAt).toEqual(endOfMoscowDay('2026-06-09'));
  });
});
