import { AppealStatus, AppealType, HistoryEvent, Role } from '@otklik/shared/domain';
import { OutboxService } from '../outbox/outbox.service';
import { JournalWriter } from './appeal-journal';
import type { Appeal } from './appeal.entity';

/** The column list of each `INSERT INTO <table> (…)` in a statement. */
function columnsOf(sql: string): Record<string, string> {
  return Object.fromEntries([...sql.matchAll(/INSERT INTO (\w+) \(([^)]*)\)/g)].map((m) => [m[1], m[2].replace(/\s+/g, ' ')]));
}

describe('JournalWriter', () => {
  const sut = new JournalWriter(new OutboxService());
  const appeal = { id: 'a', number: 7, status: AppealStatus.InProgress, citizenId: 'c', departmentId: 'd', type: AppealType.Complaint } as Appeal;
  const actor = { userId: 'u', role: Role.Operator, name: 'N', departmentId: 'd', ip: null, userAgent: null, requestId: null };

  it('writes the single-row and the set-based form from the same column lists', () => {
    const params: unknown[] = [];
    const one = sut.rowSql(params, appeal, actor, { event: HistoryEvent.Taken, from: AppealStatus.Registered });
    const single = columnsOf(`${one.history} ${one.audit} ${one.outbox}`);
    const batch = columnsOf(
      sut.setSql(
        {
          appealId: 'r.id',
          events: [HistoryEvent.AutoClosed],
          from: 'r.status',
          to: `'closed'`,
          audit: { action: 'appeal.auto_closed', details: `'{}'::jsonb` },
          outbox: { eventType: 'appeal.auto_closed', payload: JournalWriter.systemStep('r', 'r.status', `'closed'`) },
        },
        'closed r',
        '$1',
      ),
    );
    expect(Object.keys(single)).toEqual(['appeal_history', 'audit_log', 'outbox']);
    expect(batch).toEqual(single);
    expect(params).toHaveLength(9 + 10 + 5);
  });

  it('refuses words that are not journal identifiers in the SQL text', () => {
    const entry = { appealId: 'r.id', events: ["x'); DROP TABLE appeals; --" as HistoryEvent], from: 'r.status', to: 'r.status', audit: { action: 'appeal.x', details: 'NULL' }, outbox: { eventType: 'appeal.auto_closed' as const, payload: JournalWriter.systemStep('r', 'r.status', 'r.status') } };
    expect(() => sut.setSql(entry, 'r', '$1')).toThrow('not a journal word');
  });
});
