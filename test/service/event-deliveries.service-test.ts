import { DynamicModule, INestApplicationContext, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../backend/src/config/app-config';
import { ConfigModule } from '../../backend/src/config/config.module';
import { dataSourceOptions } from '../../backend/src/database/data-source';
import { DispatchedEvent, DomainEvent } from '../../backend/src/modules/outbox/domain-event';
import { EventConsumer, EventConsumers } from '../../backend/src/modules/outbox/event-consumers';
import { EventDeliveries } from '../../backend/src/modules/outbox/event-deliveries.service';
import { InlineJobDriver } from '../../backend/src/modules/outbox/inline-job-driver';
import { JOB_DRIVER, JobDriver } from '../../backend/src/modules/outbox/job-driver';
import { OutboxRelay } from '../../backend/src/modules/outbox/outbox-relay.service';
import { OUTBOX_NOTIFY_SETTING, OutboxService } from '../../backend/src/modules/outbox/outbox.service';
import { openTestDatabase, TestDatabase } from './support/database';

/**
 * The service tier of the event path (CONVENTIONS.md #18): the outbox writer, the relay, the
 * delivery records and the in-process runner as Nest providers on a real, migrated PostgreSQL,
 * with consumers the test defines — so what one consumer does to another can be seen, which the
 * product (one consumer so far) cannot show over HTTP.
 */
interface Runtime {
  app: INestApplicationContext;
  outbox: OutboxService;
  deliveries: EventDeliveries;
  driver: JobDriver;
  dataSource: DataSource;
}

async function runtime(db: TestDatabase, consumers: EventConsumer[]): Promise<Runtime> {
  const config = loadConfig({
    APP_MODE: 'demo',
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    EVENT_MAX_ATTEMPTS: '3',
    EVENT_RETRY_BASE_MS: '20',
    EVENT_RETRY_MAX_MS: '50',
    EVENT_LEASE_SECONDS: '5',
    EVENT_HANDLER_TIMEOUT_MS: '300',
  });
  @Injectable()
  class TestConsumers implements OnModuleInit {
    constructor(private readonly registry: EventConsumers) {}
    onModuleInit(): void {
      for (const consumer of consumers) this.registry.register(consumer);
    }
  }
  @Module({})
  class EventPathModule {
    static forRoot(): DynamicModule {
      return {
        module: EventPathModule,
        // As the API's pool: its own commits wake its relay in-process, without the outbox NOTIFY.
        imports: [
          ConfigModule.forRoot(config),
          TypeOrmModule.forRoot({ ...dataSourceOptions(db.url), logging: ['error'], extra: { options: `-c ${OUTBOX_NOTIFY_SETTING}=off` } }),
        ],
        providers: [OutboxService, EventConsumers, EventDeliveries, OutboxRelay, { provide: JOB_DRIVER, useClass: InlineJobDriver }, TestConsumers],
      };
    }
  }
  const app = await NestFactory.createApplicationContext(EventPathModule.forRoot(), { logger: false });
  return { app, outbox: app.get(OutboxService), deliveries: app.get(EventDeliveries), driver: app.get(JOB_DRIVER), dataSource: app.get(DataSource) };
}

const extended = (number: number): DomainEvent<'appeal.extended'> => ({
  eventType: 'appeal.extended',
  aggregateType: 'appeal',
  aggregateId: '00000000-0000-4000-8000-000000000001',
  payload: { appealId: '00000000-0000-4000-8000-000000000001', number, citizenId: null, departmentId: null, type: 'question', from: 'in_progress', to: 'in_progress', actorId: null, actorRole: 'operator' },
});

/** A consumer that records what it saw; `fails` decides which events it throws on. */
function recorder(name: string, fails: (event: DispatchedEvent) => boolean = () => false, hangs: (event: DispatchedEvent) => boolean = () => false) {
  const seen: string[] = [];
  const events: DispatchedEvent[] = [];
  const consumer: EventConsumer<'appeal.extended'> = {
    name,
    events: ['appeal.extended'],
    async handle(event) {
      if (hangs(event)) return new Promise<void>(() => undefined); // never settles
      if (fails(event)) throw new Error(`${name} refuses event ${event.id}`);
      seen.push(event.id);
      events.push(event);
    },
  };
  return { consumer, seen, events };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('event path (service tier, real PostgreSQL): relay, per-consumer deliveries, retries, dead letters', () => {
  let db: TestDatabase;
  let rt: Runtime;
  let broken = true;
  const ok = recorder('test.ok');
  const flaky = recorder(
    'test.flaky',
    (event) => broken && (event.payload as { number: number }).number === 666,
    (event) => (event.payload as { number: number }).number === 999,
  );

  const publish = async (r: Runtime, events: DomainEvent[]): Promise<string[]> => {
    const [{ mark }] = await r.dataSource.query<{ mark: string }[]>(`SELECT coalesce(max(id), 0)::text AS mark FROM outbox`);
    await r.dataSource.transaction(async (manager) => {
      for (const event of events) await r.outbox.publish(manager, event);
    });
    const rows = await r.dataSource.query<{ id: string }[]>(`SELECT id::text AS id FROM outbox WHERE id > $1 ORDER BY id`, [mark]);
    return rows.map((row) => row.id);
  };
  const records = (r: Runtime, ids: string[]) =>
    r.dataSource.query<{ event_id: string; consumer: string; status: string; attempts: number; last_error: string | null }[]>(
      `SELECT event_id::text, consumer, status, attempts, last_error FROM event_deliveries WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, consumer`,
      [ids],
    );

  beforeAll(async () => {
    db = await openTestDatabase();
    rt = await runtime(db, [ok.consumer, flaky.consumer]);
  }, 60_000);
  afterAll(async () => {
    await rt?.app.close();
    await db?.close();
  });

  it('every consumer gets every event once; one failing on one event dead-letters it after EVENT_MAX_ATTEMPTS, and nothing else waits', async () => {
    const ids = await publish(rt, [1, 2, 666, 3, 4].map(extended));
    const settled = await until('all deliveries settled', async () => {
      const rows = await records(rt, ids);
      return rows.length === 10 && rows.every((r) => r.status !== 'pending') ? rows : undefined;
    });
    const poisoned = ids[2];
    expect(settled.filter((r) => r.consumer === 'test.ok').map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ['done', 1]));
    expect(settled.filter((r) => r.consumer === 'test.flaky' && r.event_id !== poisoned).map((r) => [r.status, r.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
      ['done', 1],
      ['done', 1],
    ]);
    expect(settled.find((r) => r.consumer === 'test.flaky' && r.event_id === poisoned)).toMatchObject({ status: 'dead', attempts: 3, last_error: `test.flaky refuses event ${poisoned}` });
    expect(ok.seen.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(flaky.seen.filter((id) => ids.includes(id)).sort()).toEqual(ids.filter((id) => id !== poisoned).sort());

    // The fault is gone: the dead letter, retried, is delivered once, with a fresh budget.
    broken = false;
    const retried = await rt.deliveries.retryDead({ eventIds: [poisoned] });
    expect(retried.map((k) => [k.eventId, k.consumer])).toEqual([[poisoned, 'test.flaky']]);
    await rt.driver.dispatch(retried);
    await until('the retried delivery done', async () => (await records(rt, [poisoned])).every((r) => r.status === 'done'));
    expect(flaky.seen.filter((id) => id === poisoned)).toEqual([poisoned]);
    expect(ok.seen.filter((id) => id === poisoned)).toEqual([poisoned]);
  });

  it('a consumer that hangs on an event is cut off after EVENT_HANDLER_TIMEOUT_MS: retried, then dead; its runner goes on with the rest', async () => {
    const ids = await publish(rt, [999, 21, 22].map(extended));
    const rows = await until('settled', async () => {
      const all = await records(rt, ids);
      return all.length === 6 && all.every((r) => r.status !== 'pending') ? all : undefined;
    });
    expect(rows.find((r) => r.consumer === 'test.flaky' && r.event_id === ids[0])).toMatchObject({ status: 'dead', attempts: 3, last_error: `test.flaky took longer than 300 ms on event ${ids[0]}` });
    expect(rows.filter((r) => !(r.consumer === 'test.flaky' && r.event_id === ids[0])).map((r) => r.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it("this process's commits wake its relay without a NOTIFY; another producer's commit still notifies", async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    try {
      await listener.query('LISTEN otklik_outbox');
      const ids = await publish(rt, [extended(31), extended(32)]);
      await until('relayed and delivered', async () => (await records(rt, ids)).filter((r) => r.status === 'done').length === 4);
      // A NOTIFY reaches listeners at the sender's commit; a round trip after it, one would be here.
      await listener.query('SELECT 1');
      expect(heard).toEqual([]);

      // psql, the worker or the CLI: no setting, so the relays are told.
      const [{ id }] = (
        await listener.query<{ id: string }>(
          `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload) VALUES ('appeal.extended', 'appeal', $1, $2) RETURNING id::text AS id`,
          [extended(33).aggregateId, JSON.stringify(extended(33).payload)],
        )
      ).rows;
      await until('heard', async () => heard.length > 0);
      expect(heard).toEqual(['otklik_outbox']);
      await until('delivered', async () => (await records(rt, [id])).filter((r) => r.status === 'done').length === 2);
    } finally {
      await listener.end();
    }
  });

  it("hands every consumer of a batch the whole event, read once for all of them; a delivery whose event left the outbox is dead", async () => {
    // Written as a relay pass leaves them, due in an hour so the sweep leaves them to this runner.
    const [a, b] = await rt.dataSource.query<{ id: string; created_at: Date }[]>(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at, created_at)
       SELECT 'appeal.extended', 'appeal', '00000000-0000-4000-8000-000000000001',
              jsonb_build_object('appealId', '00000000-0000-4000-8000-000000000001', 'number', n, 'comment', 'Продлено: запрос в ' || n), now(),
              timestamptz '2026-12-07 10:11:12.345678+00' + make_interval(secs => n)
         FROM unnest(ARRAY[501, 502]) AS n
       RETURNING id::text, created_at`,
    );
    const gone = String(Number(b.id) + 1000);
    await rt.dataSource.query(
      `INSERT INTO event_deliveries (event_id, consumer, event_type, next_attempt_at)
       SELECT k.event_id, k.consumer, 'appeal.extended', now() + interval '1 hour'
         FROM unnest($1::bigint[], $2::text[]) AS k(event_id, consumer)`,
      [[a.id, a.id, b.id, gone], ['test.ok', 'test.flaky', 'test.ok', 'test.ok']],
    );
    const keys = [
      { eventId: a.id, consumer: 'test.ok' },
      { eventId: a.id, consumer: 'test.flaky' },
      { eventId: b.id, consumer: 'test.ok' },
      { eventId: gone, consumer: 'test.ok' },
    ];
    expect(await rt.deliveries.runBatch(keys)).toEqual([{ outcome: 'done' }, { outcome: 'done' }, { outcome: 'done' }, { outcome: 'dead' }]);
    const toldOk = ok.events.filter((e) => e.id === a.id || e.id === b.id);
    expect(toldOk.map((e) => [e.id, e.eventType, e.aggregateType, e.aggregateId, e.version, e.createdAt, e.payload])).toEqual([
      [a.id, 'appeal.extended', 'appeal', '00000000-0000-4000-8000-000000000001', 1, '2026-12-07T10:19:33.345Z', { appealId: '00000000-0000-4000-8000-000000000001', number: 501, comment: 'Продлено: запрос в 501' }],
      [b.id, 'appeal.extended', 'appeal', '00000000-0000-4000-8000-000000000001', 1, '2026-12-07T10:19:34.345Z', { appealId: '00000000-0000-4000-8000-000000000001', number: 502, comment: 'Продлено: запрос в 502' }],
    ]);
    expect(flaky.events.filter((e) => e.id === a.id)).toEqual([toldOk[0]]);
    const rows = (await records(rt, [a.id, b.id, gone])).sort((x, y) => Number(x.event_id) - Number(y.event_id) || x.consumer.localeCompare(y.consumer));
    expect(rows.map((r) => [r.event_id, r.consumer, r.status, r.attempts, r.last_error])).toEqual([
      [a.id, 'test.flaky', 'done', 1, null],
      [a.id, 'test.ok', 'done', 1, null],
      [b.id, 'test.ok', 'done', 1, null],
      [gone, 'test.ok', 'dead', 1, 'the event is no longer in the outbox'],
    ]);
  });

  it("marks each consumer's delivery done when that consumer has finished, not after a slower one beside it", async () => {
    // test.flaky hangs on 999 until EVENT_HANDLER_TIMEOUT_MS (300 ms): test.ok's delivery of the same event is done meanwhile.
    const [event] = await rt.dataSource.query<{ id: string }[]>(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at)
       VALUES ('appeal.extended', 'appeal', '00000000-0000-4000-8000-000000000001', '{"number": 999}', now()) RETURNING id::text`,
    );
    await rt.dataSource.query(
      `INSERT INTO event_deliveries (event_id, consumer, event_type, next_attempt_at)
       SELECT $1, c, 'appeal.extended', now() + interval '1 hour' FROM unnest(ARRAY['test.ok', 'test.flaky']) AS c`,
      [event.id],
    );
    let settled = false;
    const running = rt.deliveries.runBatch([{ eventId: event.id, consumer: 'test.ok' }, { eventId: event.id, consumer: 'test.flaky' }]).finally(() => (settled = true));
    const statusOf = async (consumer: string) => (await records(rt, [event.id])).find((r) => r.consumer === consumer)!.status;
    await until('test.ok done', async () => (await statusOf('test.ok')) === 'done' || settled);
    expect({ ok: await statusOf('test.ok'), batchStillRunning: !settled }).toEqual({ ok: 'done', batchStillRunning: true });
    expect(await running).toEqual([{ outcome: 'done' }, expect.objectContaining({ outcome: 'retry' })]);
  });

  it('an event no consumer subscribes to is marked relayed, with no delivery', async () => {
    const [id] = await publish(rt, [{ ...extended(7), eventType: 'appeal.taken' }]);
    await until('relayed', async () => (await rt.dataSource.query(`SELECT 1 FROM outbox WHERE id = $1 AND dispatched_at IS NOT NULL`, [id])).length === 1);
    expect(await records(rt, [id])).toEqual([]);
  });

  it('a delivery held by a runner that died is taken over when its lease runs out, and run once', async () => {
    // As a crashed process leaves it: relayed, leased, its consumer never finished.
    const [{ id }] = await rt.dataSource.query<{ id: string }[]>(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at)
       VALUES ('appeal.extended', 'appeal', $1, $2, clock_timestamp()) RETURNING id::text AS id`,
      [extended(8).aggregateId, JSON.stringify(extended(8).payload)],
    );
    await rt.dataSource.query(
      `INSERT INTO event_deliveries (event_id, consumer, event_type, attempts, locked_until) VALUES ($1, 'test.ok', 'appeal.extended', 1, clock_timestamp() + interval '1 second')`,
      [id],
    );
    const started = Date.now();
    await until('taken over', async () => (await records(rt, [id]))[0]?.status === 'done', 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(await records(rt, [id])).toEqual([expect.objectContaining({ status: 'done', attempts: 2 })]);
    expect(ok.seen.filter((seen) => seen === id)).toEqual([id]);
  });

  it('two processes relaying and running one outbox: each event reaches each consumer exactly once', async () => {
    const ok2 = recorder('test.ok');
    const flaky2 = recorder('test.flaky');
    const second = await runtime(db, [ok2.consumer, flaky2.consumer]);
    try {
      const ids = await publish(rt, Array.from({ length: 600 }, (_, i) => extended(10_000 + i)));
      await until('all delivered', async () => {
        const [{ n }] = await rt.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM event_deliveries WHERE event_id = ANY($1::bigint[]) AND status = 'done'`,
          [ids],
        );
        return n === ids.length * 2;
      }, 60_000);
      for (const [a, b] of [
        [ok.seen, ok2.seen],
        [flaky.seen, flaky2.seen],
      ]) {
        const all = [...a, ...b].filter((id) => ids.includes(id));
        expect(all).toHaveLength(ids.length); // no event twice
        expect(new Set(all).size).toBe(ids.length); // none missing
      }
    } finally {
      await second.app.close();
    }
  }, 90_000);
});

describe('event path (service tier): a consumer that takes batches', () => {
  let db: TestDatabase;
  let rt: Runtime;
  const batches: number[][] = [];
  const singles: number[] = [];
  const numberOf = (event: DispatchedEvent) => (event.payload as { number: number }).number;
  const batching: EventConsumer<'appeal.extended'> = {
    name: 'test.batching',
    events: ['appeal.extended'],
    async handle(event) {
      if (numberOf(event) === 777) throw new Error('777 is refused');
      singles.push(numberOf(event));
    },
    async handleBatch(events) {
      batches.push(events.map(numberOf));
      if (events.some((e) => numberOf(e) === 777)) throw new Error('a batch with 777 is refused');
    },
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    rt = await runtime(db, [batching]);
  }, 60_000);
  afterAll(async () => {
    await rt?.app.close();
    await db?.close();
  });

  it('gets the events of a relay pass at once; a batch that fails is run event by event, so only the bad event is retried and dies', async () => {
    // The in-process runner shares a burst among its 4 runners, in batches of at least 4 while it can.
    const first = Array.from({ length: 12 }, (_, i) => 100 + i);
    await rt.dataSource.transaction(async (manager) => {
      for (const n of first) await rt.outbox.publish(manager, extended(n));
    });
    await until('the first burst', async () => (batches.flat().filter((n) => first.includes(n)).length === first.length ? true : undefined));
    expect(batches.every((b) => b.length > 1)).toBe(true);
    expect(batches.flat().sort()).toEqual(first);
    expect(singles).toEqual([]);

    const second = [41, 777, 42, 43, 44, 45, 46, 47];
    await rt.dataSource.transaction(async (manager) => {
      for (const n of second) await rt.outbox.publish(manager, extended(n));
    });
    const rows = await until('the second burst settled', async () => {
      const all = await rt.dataSource.query<{ n: number; status: string; attempts: number }[]>(
        `SELECT (o.payload->>'number')::int AS n, d.status, d.attempts FROM event_deliveries d JOIN outbox o ON o.id = d.event_id
          WHERE (o.payload->>'number')::int = ANY($1::int[]) ORDER BY 1`,
        [second],
      );
      return all.length === second.length && all.every((r) => r.status !== 'pending') ? all : undefined;
    });
    expect(rows.filter((r) => r.n !== 777).map((r) => [r.status, r.attempts])).toEqual(second.filter((n) => n !== 777).map(() => ['done', 1]));
    expect(rows.find((r) => r.n === 777)).toEqual({ n: 777, status: 'dead', attempts: 3 });
    // Only the failed batch's events ran alone: 777 (three times) and whatever shared its batch.
    const failed = batches.find((b) => b.includes(777))!;
    expect(new Set(singles)).toEqual(new Set(failed.filter((n) => n !== 777)));
  });
});

describe('event path (service tier): a batch that runs longer than its lease', () => {
  let db: TestDatabase;
  let rt: Runtime;
  const seen: string[] = [];
  // Under EVENT_HANDLER_TIMEOUT_MS (300 ms) each, but 24 of them one after another outlast the 5 s lease.
  const slow: EventConsumer<'appeal.extended'> = {
    name: 'test.slow',
    events: ['appeal.extended'],
    async handle(event) {
      await new Promise((r) => setTimeout(r, 250));
      seen.push(event.id);
    },
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    rt = await runtime(db, [slow]);
  }, 60_000);
  afterAll(async () => {
    await rt?.app.close();
    await db?.close();
  });

  it('keeps its leases while it runs: another runner claiming the same deliveries meanwhile gets none, and each event runs once', async () => {
    // Relayed deliveries not yet due, so this runtime's own sweep leaves them to the two runners below.
    const ids = (
      await rt.dataSource.query<{ id: string }[]>(
        `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at)
         SELECT 'appeal.extended', 'appeal', $1::uuid, $2::jsonb, clock_timestamp() FROM generate_series(1, 24) RETURNING id::text AS id`,
        [extended(5).aggregateId, JSON.stringify(extended(5).payload)],
      )
    ).map((r) => r.id);
    await rt.dataSource.query(
      `INSERT INTO event_deliveries (event_id, consumer, event_type, next_attempt_at)
       SELECT unnest($1::bigint[]), 'test.slow', 'appeal.extended', clock_timestamp() + interval '1 hour'`,
      [ids],
    );
    const keys = ids.map((eventId) => ({ eventId, consumer: 'test.slow' }));
    const started = Date.now();
    const first = rt.deliveries.runBatch(keys);
    // Past the 5 s lease taken at the first claim, while the first runner is still at work.
    await new Promise((r) => setTimeout(r, 5_500));
    const second = await rt.deliveries.runBatch(keys);
    expect(second.map((o) => o.outcome)).toEqual(ids.map(() => 'skipped'));
    expect(Date.now() - started).toBeLessThan(6_000);
    expect((await first).map((o) => o.outcome)).toEqual(ids.map(() => 'done'));
    expect([...seen].sort()).toEqual([...ids].sort());
    const rows = await rt.dataSource.query<{ status: string; attempts: number }[]>(
      `SELECT status, attempts FROM event_deliveries WHERE event_id = ANY($1::bigint[]) AND consumer = 'test.slow'`,
      [ids],
    );
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ['done', 1]));
  }, 30_000);
});
