import { NotificationPlanner } from '../../backend/src/modules/notifications/delivery/notification-planner';
import { DispatchedEvent } from '../../backend/src/modules/outbox/domain-event';
import { appeal, openWorld, World } from './support/workflow';

/**
 * The notification planner's recipient selection on a real PostgreSQL: a citizen's e-mail gets a
 * notice only once it was verified (issue 18) — an unverified address is left out, the in-app item stays.
 */
let w: World;
beforeAll(async () => {
  w = await openWorld();
}, 60_000);
afterAll(async () => w?.close());

async function submittedEvent(appealId: string): Promise<DispatchedEvent> {
  const [row] = await w.db.query<{ id: string; event_type: string; aggregate_type: string; aggregate_id: string; payload: Record<string, unknown>; created_at: Date }[]>(
    `SELECT id, event_type, aggregate_type, aggregate_id, payload, created_at FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.submitted'`,
    [appealId],
  );
  return { id: String(row.id), eventType: row.event_type, aggregateType: row.aggregate_type, aggregateId: row.aggregate_id, payload: row.payload, version: 1, createdAt: row.created_at.toISOString() } as unknown as DispatchedEvent;
}

async function channelsTold(eventId: string, userId: string): Promise<string[]> {
  const rows = await w.db.query<{ channel: string }[]>(`SELECT channel FROM notification_deliveries WHERE event_id = $1 AND recipient_id = $2 ORDER BY channel`, [eventId, userId]);
  return rows.map((r) => r.channel);
}

describe('notification recipients: the e-mail must be verified', () => {
  it('leaves an unverified e-mail out, and tells a verified one', async () => {
    const citizen = w.people.citizen.userId;
    const planner = w.app.get(NotificationPlanner);

    await w.db.query(`UPDATE users SET email_verified = false WHERE id = $1`, [citizen]);
    const unverified = await submittedEvent((await appeal(w).build()).id);
    await planner.handle(unverified);
    expect(await channelsTold(unverified.id, citizen)).toEqual(['in_app']);

    await w.db.query(`UPDATE users SET email_verified = true WHERE id = $1`, [citizen]);
    const verified = await submittedEvent((await appeal(w).build()).id);
    await planner.handle(verified);
    expect(await channelsTold(verified.id, citizen)).toEqual(['email', 'in_app']);
  });
});
