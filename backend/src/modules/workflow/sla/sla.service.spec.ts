import { DataSource, EntityManager, Repository } from 'typeorm';
import { AppealStatus, AppealType, endOfMoscowDay } from '@otklik/shared/domain';
import { SlaService } from './sla.service';
import { SlaPolicy } from './sla-policy.entity';
import { SettingsChanges } from '../../../database/settings-changes';

const CATEGORY = '11111111-1111-4111-8111-111111111111';
const SUBCATEGORY = '22222222-2222-4222-8222-222222222222';
const policy = (type: string, categoryId: string | null, unit: string, amount: number, reaction = 24) => ({
  type,
  category_id: categoryId,
  resolution_unit: unit,
  resolution_amount: amount,
  first_response_hours: reaction,
  priority_first_response_hours: 2,
  reminder_lead_hours: 24,
});

/** A manager whose two reads return the policy table and the calendar years given. */
function managerWith(policies: unknown[], years: unknown[] = []) {
  const query = jest.fn(async (sql: string) => (sql.includes('sla_policies') ? policies : years));
  return { manager: { query } as unknown as EntityManager, query };
}

/** No listener: the unit tests change nothing under the service. */
const unheard = new SettingsChanges({} as DataSource, false);

describe('SlaService', () => {
  const registeredAt = new Date('2026-04-30T07:00:00Z'); // Thu 30.04.2026 10:00 Moscow
  const facts = { type: AppealType.Question, categoryId: CATEGORY, subcategoryId: null, priorityCategory: false };

  it('uses the type default from the table: 5 working days for a question', async () => {
    const sut = new SlaService({} as Repository<SlaPolicy>, unheard);
    const { manager } = managerWith([policy('question', null, 'working_days', 5)]);
    const deadlines = await sut.deadlinesAtRegistration(manager, facts, registeredAt);
    expect(deadlines.dueAt).toEqual(endOfMoscowDay('2026-05-08'));
    expect(deadlines.firstResponseDueAt).toEqual(new Date('2026-05-01T07:00:00Z'));
  });

  it('prefers the subcategory policy over the category one over the type default', async () => {
    const sut = new SlaService({} as Repository<SlaPolicy>, unheard);
    const { manager } = managerWith([
      policy('question', null, 'working_days', 5),
      policy('question', CATEGORY, 'working_days', 10),
      policy('question', SUBCATEGORY, 'calendar_days', 3, 8),
    ]);
    expect((await sut.deadlinesAtRegistration(manager, facts, registeredAt)).dueAt).toEqual(endOfMoscowDay('2026-05-18'));
    const sub = await sut.deadlinesAtRegistration(manager, { ...facts, subcategoryId: SUBCATEGORY }, registeredAt);
    expect(sub.dueAt).toEqual(endOfMoscowDay('2026-05-03'));
    expect(sub.firstResponseDueAt).toEqual(new Date('2026-04-30T15:00:00Z'));
    // A complaint has no row here: the built-in default (30 calendar days) applies.
    const complaint = await sut.deadlinesAtRegistration(manager, { ...facts, type: AppealType.Complaint }, registeredAt);
    expect(complaint.dueAt).toEqual(endOfMoscowDay('2026-05-30'));
  });

  it('uses calendar years from the database over the built-in ones, and caches them until invalidated', async () => {
    const sut = new SlaService({} as Repository<SlaPolicy>, unheard);
    // An "official" 2026 without the May holidays: 5 working days from 30.04 end on 07.05.
    const { manager, query } = managerWith([policy('question', null, 'working_days', 5)], [{ year: 2026, non_working: [], working: [] }]);
    expect((await sut.deadlinesAtRegistration(manager, facts, registeredAt)).dueAt).toEqual(endOfMoscowDay('2026-05-07'));
    await sut.deadlinesAtRegistration(manager, facts, registeredAt);
    expect(query).toHaveBeenCalledTimes(2);
    sut.invalidate();
    await sut.deadlinesAtRegistration(manager, facts, registeredAt);
    expect(query).toHaveBeenCalledTimes(4);
  });

  it('resume gives back the paused time in the policy unit and asks for a new reminder', async () => {
    const sut = new SlaService({} as Repository<SlaPolicy>, unheard);
    const { manager } = managerWith([policy('question', null, 'working_days', 5)]);
    const state = {
      type: AppealType.Question,
      categoryId: CATEGORY,
      subcategoryId: null,
      status: AppealStatus.AwaitingCitizen,
      dueAt: endOfMoscowDay('2026-05-08'),
      firstResponseDueAt: null,
      firstReactionAt: new Date('2026-04-30T08:00:00Z'),
      slaPausedAt: null,
      extended: false,
      reminderSentAt: new Date('2026-05-07T09:00:00Z') as Date | null,
    };
    const paused = sut.pause(state, new Date('2026-05-06T09:00:00Z'));
    const resumed = await sut.resume(manager, paused, new Date('2026-05-08T09:00:00Z'));
    // Paused Wed 06.05, resumed Fri 08.05: two working days back → due Wed 13.05 (09–11 May are holidays).
    expect(resumed.dueAt).toEqual(endOfMoscowDay('2026-05-13'));
    expect(resumed.reminderSentAt).toBeNull();
    const extended = await sut.extend(manager, resumed);
    expect(extended.dueAt).toEqual(endOfMoscowDay('2026-05-20'));
    await expect(sut.extend(manager, extended)).rejects.toThrow('already extended');
  });
});
