import { SLA_RUNNING_STATUSES, UNANSWERED_STATUSES } from '@otklik/shared/domain';
import { sqlList, sqlText } from './literals';

describe('SQL literals', () => {
  it('quotes a value, doubling quotes inside it', () => {
    expect(sqlText('in_progress')).toBe(`'in_progress'`);
    expect(sqlText(`it's`)).toBe(`'it''s'`);
  });

  it('lists the shared status lists as they were written by hand', () => {
    expect(sqlList(UNANSWERED_STATUSES)).toBe(`'registered', 'in_progress', 'awaiting_approval', 'awaiting_citizen'`);
    expect(sqlList(SLA_RUNNING_STATUSES)).toBe(`'registered', 'in_progress', 'awaiting_approval'`);
  });

  it('refuses an empty list, which would be a syntax error', () => {
    expect(() => sqlList([])).toThrow(/empty/);
  });
});
