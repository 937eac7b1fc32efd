import { Client } from 'pg';
import { DEMO, raw, signedIn } from './support/api';
import { fileAppeal } from './support/factories';

/**
 * Dead letters of the event consumers (issue 16, operations): an admin discards one — it is kept,
 * marked discarded, never run again, listed under status=discarded — and the discard is audited.
 * Only admins discard; a delivery that is not dead is left as it is.
 */
describe('dead letters: discard (/admin/event-deliveries/discard)', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: process.env.OTKLIK_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => db?.end());

  /**
   * A delivery of a fresh appeal's event, once done, made a dead letter the way a failing consumer
   * leaves it: the reporting rollups' (every appeal event has one; the webhooks consumer gets one
   * only while an enabled subscription takes the type).
   */
  async function deadLetter(): Promise<{ eventId: string; consumer: string }> {
    const appeal = await fileAppeal(await signedIn(DEMO.citizen));
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { rows } = await db.query<{ event_id: string; consumer: string }>(
        `SELECT d.event_id::text AS event_id, d.consumer FROM event_deliveries d JOIN outbox o ON o.id = d.event_id
          WHERE o.aggregate_id = $1 AND d.consumer = 'reporting.rollups' AND d.status = 'done'`,
        [appeal.id],
      );
      if (rows[0]) {
        await db.query(`UPDATE event_deliveries SET status = 'dead', last_error = 'e2e: consumer failed' WHERE event_id = $1 AND consumer = $2`, [rows[0].event_id, rows[0].consumer]);
        return { eventId: rows[0].event_id, consumer: rows[0].consumer };
      }
      if (Date.now() > deadline) throw new Error('the delivery was not done');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('an admin discards a dead letter: kept as discarded, audited, listed under status=discarded; nobody else may', async () => {
    const letter = await deadLetter();
    const admin = await signedIn(DEMO.admin);
    const listed = await raw(`/api/v1/admin/event-deliveries?status=dead&consumer=reporting.rollups&limit=100`, { token: admin.token });
    expect(listed.body.items).toContainEqual(expect.objectContaining({ eventId: letter.eventId, consumer: 'reporting.rollups', status: 'dead', lastError: 'e2e: consumer failed' }));

    for (const who of [DEMO.operator, DEMO.supervisor, DEMO.auditor, DEMO.citizen]) {
      const res = await raw('/api/v1/admin/event-deliveries/discard', { method: 'POST', token: (await signedIn(who)).token, body: JSON.stringify({ eventIds: [letter.eventId] }) });
      expect(res.status).toBe(403);
    }
    const empty = await raw('/api/v1/admin/event-deliveries/discard', { method: 'POST', token: admin.token, body: JSON.stringify({ eventIds: [] }) });
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0]).toMatchObject({ field: 'eventIds' });

    const requestId = `discard-${letter.eventId}`;
    const discarded = await raw('/api/v1/admin/event-deliveries/discard', {
      method: 'POST',
      token: admin.token,
      headers: { 'x-request-id': requestId },
      body: JSON.stringify({ eventIds: [letter.eventId], consumer: 'reporting.rollups' }),
    });
    expect(discarded).toMatchObject({ status: 200, body: { discarded: 1 } });
    const row = (await db.query(`SELECT status, attempts, last_error, done_at FROM event_deliveries WHERE event_id = $1 AND consumer = $2`, [letter.eventId, letter.consumer])).rows[0];
    expect(row).toMatchObject({ status: 'discarded', last_error: 'e2e: consumer failed' });
    expect(row.done_at).not.toBeNull();
    const audit = (await db.query(`SELECT action, actor_role, details, changes FROM audit_log WHERE request_id = $1`, [requestId])).rows;
    expect(audit).toEqual([
      {
        action: 'event_deliveries.discard',
        actor_role: 'admin',
        details: { eventIds: [letter.eventId], consumer: 'reporting.rollups', discarded: 1, deliveries: [`${letter.eventId}:reporting.rollups`] },
        changes: { status: { from: 'dead', to: 'discarded' } },
      },
    ]);

    const dead = await raw(`/api/v1/admin/event-deliveries?status=dead&consumer=reporting.rollups&limit=100`, { token: admin.token });
    expect(dead.body.items.map((i: { eventId: string }) => i.eventId)).not.toContain(letter.eventId);
    const kept = await raw(`/api/v1/admin/event-deliveries?status=discarded&consumer=reporting.rollups&limit=100`, { token: admin.token });
    expect(kept.body.items).toContainEqual(expect.objectContaining({ eventId: letter.eventId, status: 'discarded' }));

    // Discarded is final: a retry or a second discard does not touch it.
    expect((await raw('/api/v1/admin/event-deliveries/retry', { method: 'POST', token: admin.token, body: JSON.stringify({ eventIds: [letter.eventId] }) })).body).toEqual({ retried: 0 });
    expect((await raw('/api/v1/admin/event-deliveries/discard', { method: 'POST', token: admin.token, body: JSON.stringify({ eventIds: [letter.eventId] }) })).body).toEqual({ discarded: 0 });
    expect((await db.query(`SELECT status FROM event_deliveries WHERE event_id = $1 AND consumer = $2`, [letter.eventId, letter.consumer])).rows[0].status).toBe('discarded');
  });
});
