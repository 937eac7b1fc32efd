import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { IdempotencyService } from '../../backend/src/common/idempotency/idempotency.service';
import { TransactionRunner } from '../../backend/src/database/transaction-runner';
import { AttachmentsService } from '../../backend/src/modules/attachments/attachments.service';
import { SignInBookkeeping } from '../../backend/src/modules/auth/protection/sign-in-bookkeeping.repository';
import { HousekeepingService } from '../../backend/src/modules/housekeeping/housekeeping.service';
import { OutboxService } from '../../backend/src/modules/outbox/outbox.service';
import { DEMO, raw, signedIn } from './support/api';
import { appealInput, fileAppeal } from './support/factories';

const delivered = async (consumer: string) => {
  const text = (await raw('/api/metrics')).text;
  const line = text.split('\n').find((l) => l.startsWith(`otklik_event_deliveries_total{consumer="${consumer}",outcome="done"}`));
  return line ? Number(line.split(' ').pop()) : 0;
};

const eventually = async <T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('journal: history, audit and outbox are written with every change', () => {
  it('domain events of a change reach their consumers (inline or BullMQ), one delivery record each, done', async () => {
    const before = await delivered('notifications');
    const appeal = await fileAppeal(await signedIn(DEMO.citizen));
    const pool = await signedIn(DEMO.poolOperator);
    const extended = await pool.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', {
      params: { path: { idOrNumber: appeal.id, action: 'extend' } },
      body: { reason: 'Нужен дополнительный запрос' } as never,
    });
    expect(extended.response.status).toBe(200);
    // Both steps (the filing, the extension) reach the notifications consumer: two deliveries done.
    const after = await eventually(() => delivered('notifications'), (n) => n >= before + 2);
    expect(after).toBeGreaterThanOrEqual(before + 2);
    const deliveries = await eventually(
      async () =>
        (
          await db.query(
            `SELECT o.event_type, d.consumer, d.status, d.attempts FROM event_deliveries d JOIN outbox o ON o.id = d.event_id
              WHERE o.aggregate_id = $1 AND d.consumer <> 'webhooks' ORDER BY o.id, d.consumer`,
            [appeal.id],
          )
        ).rows,
      (rows) => rows.length === 5 && rows.every((r: { status: string }) => r.status === 'done'),
    );
    // …and the reporting rollups' consumer, one delivery per event each; the recurring-problem watch
    // reads only new appeals (appeal.submitted). The webhooks consumer has a delivery only while an
    // enabled subscription takes the type (webhooks.e2e; other files here make subscriptions meanwhile).
    expect(deliveries).toEqual([
      { event_type: 'appeal.submitted', consumer: 'notifications', status: 'done', attempts: 1 },
      { event_type: 'appeal.submitted', consumer: 'recurring-problems', status: 'done', attempts: 1 },
      { event_type: 'appeal.submitted', consumer: 'reporting.rollups', status: 'done', attempts: 1 },
      { event_type: 'appeal.extended', consumer: 'notifications', status: 'done', attempts: 1 },
      { event_type: 'appeal.extended', consumer: 'reporting.rollups', status: 'done', attempts: 1 },
    ]);
  });

  it('dead letters page by an opaque cursor; a forged one is a 422 on cursor, never a server error', async () => {
    const admin = await signedIn(DEMO.admin);
    for (const forged of [['not a date', '1', 'notifications'], ['2026-01-01T00:00:00.000Z', 'x; DROP', 'notifications']]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
      const res = await admin.GET('/api/v1/admin/event-deliveries', { params: { query: { cursor } } });
      expect(res.response.status).toBe(422);
      expect((res.error as unknown as { errors: { field: string; code: string }[] }).errors[0]).toMatchObject({ field: 'cursor', code: 'invalid_cursor' });
    }
    const valid = Buffer.from(JSON.stringify([new Date().toISOString(), '1', 'notifications'])).toString('base64url');
    expect((await admin.GET('/api/v1/admin/event-deliveries', { params: { query: { cursor: valid } } })).response.status).toBe(200);
  });

  // Database-level checks, beside the server: PostgreSQL from DATABASE_URL, or the embedded one.
  const dbIt = it;
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: process.env.OTKLIK_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => db?.end());

  dbIt('registration writes history, audit (actor, role, IP, user agent) and outbox rows, and the outbox is relayed', async () => {
    const citizen = await signedIn(DEMO.citizen, { 'User-Agent': 'otklik-e2e/1.0' });
    const appeal = await fileAppeal(citizen);
    const history = await db.query('SELECT event, to_status FROM appeal_history WHERE appeal_id = $1 ORDER BY created_at', [appeal.id]);
    // Filed directly: registered in the same INSERT, so one history row.
    expect(history.rows).toEqual([{ event: 'submitted', to_status: 'registered' }]);
    const audit = await db.query('SELECT action, actor_role, ip, user_agent, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY id', [appeal.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['appeal.submitted']);
    expect(audit.rows[0]).toMatchObject({ actor_role: 'citizen', user_agent: 'otklik-e2e/1.0' });
    expect(audit.rows[0].ip).toMatch(/127\.0\.0\.1/);
    const outbox = await eventually(
      () => db.query('SELECT event_type, dispatched_at FROM outbox WHERE aggregate_id = $1 ORDER BY id', [appeal.id]),
      (r) => r.rows.every((row) => row.dispatched_at !== null),
    );
    expect(outbox.rows.map((r) => r.event_type)).toEqual(['appeal.submitted']);
    expect(outbox.rows.every((r) => r.dispatched_at !== null)).toBe(true);
  });

  dbIt('a rejected change leaves no trace: no appeal, no audit, no outbox row', async () => {
    const citizen = await signedIn(DEMO.citizen);
    const subject = `Не сохранится ${Date.now()}`;
    const res = await raw('/api/v1/appeals', {
      method: 'POST',
      token: citizen.token,
      body: JSON.stringify(await appealInput({ subject, desiredAnswerDate: '2001-01-01' })),
    });
    expect(res.status).toBe(422);
    const left = await db.query('SELECT count(*)::int AS n FROM appeals WHERE subject = $1', [subject]);
    expect(left.rows[0].n).toBe(0);
  });

  dbIt('the audit log refuses updates and deletes', async () => {
    await expect(db.query(`UPDATE audit_log SET action = 'x' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  dbIt('housekeeping forgets idempotency keys after 24 hours and relayed outbox rows after 7 days, nothing newer', async () => {
    const user = (await db.query(`SELECT id FROM users WHERE email = $1`, [DEMO.citizen.login])).rows[0].id;
    await db.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, created_at) VALUES
         ($1, 'old-key', 'POST', '/x', 'h', now() - interval '25 hours'), ($1, 'fresh-key', 'POST', '/x', 'h', now() - interval '23 hours')`,
      [user],
    );
    const agg = '00000000-0000-4000-8000-000000000001';
    await db.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at) VALUES
         ('test.old', 'test', $1, '{}', now() - interval '8 days'),
         ('test.recent', 'test', $1, '{}', now() - interval '6 days')`,
      [agg],
    );
    const ds = new DataSource({ type: 'postgres', url: process.env.OTKLIK_DATABASE_URL });
    await ds.initialize();
    try {
      // Attachments' clean-up and rescans have their own tests (attachments.e2e.ts): nothing to do here.
      const attachments = {
        collectGarbage: async () => ({ attachments: 0, spoolFiles: 0 }),
        rescanFailed: async () => ({ clean: 0, infected: 0, failed: 0 }),
      } as unknown as AttachmentsService;
      const sut = new HousekeepingService(new TransactionRunner(ds), attachments, new IdempotencyService(), new OutboxService(), new SignInBookkeeping(ds));
      const removed = await sut.run();
      expect(removed.idempotencyKeys).toBeGreaterThanOrEqual(1);
      expect(removed.outboxEvents).toBeGreaterThanOrEqual(1);
    } finally {
      await ds.destroy();
    }
    const keys = await db.query(`SELECT key FROM idempotency_keys WHERE key IN ('old-key', 'fresh-key')`);
    expect(keys.rows.map((r) => r.key)).toEqual(['fresh-key']);
    const events = await db.query(`SELECT event_type FROM outbox WHERE aggregate_id = $1`, [agg]);
    expect(events.rows.map((r) => r.event_type)).toEqual(['test.recent']);
  });
});
