import { randomUUID } from 'node:crypto';
import { DEMO, raw, signedIn } from './support/api';
import { category, fileAppeal } from './support/factories';
import { RunningServer, startServer, stopRunning } from './support/server';
import { openSse, until, type SseEvent } from './support/sse';

type Client = Awaited<ReturnType<typeof signedIn>>;
type Present = { userId: string; name: string; activity: string };

const redis = !!process.env.REDIS_URL;

/**
 * Who is on an appeal's card (issue 15): the card's heartbeat (PUT /staff/appeals/{id}/presence),
 * its leaving (DELETE), the expiry of a card that stopped beating, and the `presence` events those
 * send over the notification stream to the staff whose queues show the appeal. On servers of its
 * own (CLOCK_CONTROL: expiry is tested by moving the clock); with Redis on two API processes
 * sharing the database and the Redis channel, the heartbeat going to one and the streams read
 * from the other — what a deployment behind a load balancer does.
 */
describe('appeal presence: who is on the card, live on the queue', () => {
  let first: RunningServer;
  let second: RunningServer | undefined;
  /** Where heartbeats go, and where the streams are read: two processes with Redis, one without. */
  let beatsTo: string;
  let streamsFrom: string;
  let previousBase: string | undefined;
  let citizen: Client;
  let operator: Client;
  let operator2: Client;
  let poolOperator: Client;
  let supervisor: Client;
  let ids: Record<'operator' | 'operator2' | 'supervisor', string>;

  beforeAll(async () => {
    // One MASTER_KEY: a token of one process is good on the other.
    const env = { CLOCK_CONTROL: 'true', MASTER_KEY: Buffer.alloc(32, 15).toString('base64') };
    first = await startServer(env);
    // The same database and Redis channel.
    if (redis) second = await startServer({ ...env, DATABASE_URL: first.databaseUrl, QUEUE_PREFIX: first.queuePrefix });
    beatsTo = (second ?? first).baseUrl;
    streamsFrom = first.baseUrl;
    previousBase = process.env.OTKLIK_BASE_URL;
    process.env.OTKLIK_BASE_URL = first.baseUrl;
    [citizen, operator, operator2, poolOperator, supervisor] = await Promise.all([
      signedIn(DEMO.citizen),
      signedIn(DEMO.operator),
      signedIn({
        login: 'operator2@demo.otklik.local',
        password: 'Operator#Demo2026',
      }),
      signedIn(DEMO.poolOperator),
      signedIn(DEMO.supervisor),
    ]);
    const me = async (who: Client) => (await raw('/api/v1/me', { token: who.token })).body.id as string;
    ids = {
      operator: await me(operator),
      operator2: await me(operator2),
      supervisor: await me(supervisor),
    };
  }, 240_000);

  afterAll(async () => {
    process.env.OTKLIK_BASE_URL = previousBase;
    if (second) await stopRunning(second);
    if (first) await stopRunning(first);
  });

  const fileTech = async () =>
    fileAppeal(citizen, {
      categoryId: (await category('tech')).id,
      subject: `Присутствие ${randomUUID().slice(0, 8)}`,
    });
  const at = async (base: string, method: string, path: string, token: string | undefined, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: text ? JSON.parse(text) : undefined,
    };
  };
  const beat = (who: Client, appeal: string, activity = 'viewing') =>
    at(beatsTo, 'PUT', `/api/v1/staff/appeals/${appeal}/presence`, who.token, {
      activity,
    });
  const leave = (who: Client, appeal: string) => at(beatsTo, 'DELETE', `/api/v1/staff/appeals/${appeal}/presence`, who.token);
  const stream = async (who: Client) => {
    const sse = await openSse(`${streamsFrom}/api/v1/me/notifications/stream`, who.token);
    await until(() => sse.events.find((e) => e.event === 'unread'));
    return sse;
  };
  const presenceOf = (events: SseEvent[], appealId: string): Present[][] => events.filter((e) => e.event === 'presence' && JSON.parse(e.data).appealId === appealId).map((e) => JSON.parse(e.data).present);
  const names = (present: Present[]) => present.map((p) => `${p.userId}:${p.activity}`).sort();

  it('a heartbeat shows the operator on the queue of those who see the appeal, viewing then replying, until they leave; no one else hears it', async () => {
    const appeal = await fileTech();
    const boss = await stream(supervisor);
    const colleague = await stream(operator2);
    const elsewhere = await stream(poolOperator);
    try {
      const first = await beat(operator, appeal.id);
      expect(first).toMatchObject({
        status: 200,
        body: { appealId: appeal.id, present: [], ttlSeconds: 40 },
      });
      const viewing = await until(() => presenceOf(boss.events, appeal.id)[0]);
      expect(viewing).toEqual([
        {
          userId: ids.operator,
          name: 'Сидоров Пётр Алексеевич',
          activity: 'viewing',
        },
      ]);
      expect(await until(() => presenceOf(colleague.events, appeal.id)[0])).toEqual(viewing);

      // The card answers who else is there, never the caller; by number as by id.
      const theirs = await beat(operator2, String(appeal.number));
      expect(theirs.status).toBe(200);
      expect(theirs.body.present).toEqual([
        {
          userId: ids.operator,
          name: 'Сидоров Пётр Алексеевич',
          activity: 'viewing',
        },
      ]);
      await until(() => presenceOf(boss.events, appeal.id).find((p) => p.length === 2));

      await beat(operator, appeal.id, 'replying');
      expect(names(await until(() => presenceOf(boss.events, appeal.id).find((p) => p.some((x) => x.activity === 'replying'))))).toEqual([`${ids.operator}:replying`, `${ids.operator2}:viewing`].sort());
      // A renewal that changes nothing others see is not sent again.
      const sent = presenceOf(boss.events, appeal.id).length;
      await beat(operator, appeal.id, 'replying');
      await beat(operator2, appeal.id, 'viewing');
      await new Promise((r) => setTimeout(r, 700));
      expect(presenceOf(boss.events, appeal.id)).toHaveLength(sent);

      expect((await leave(operator, appeal.id)).status).toBe(204);
      expect(await until(() => presenceOf(boss.events, appeal.id).find((p) => p.length === 1 && p[0].userId === ids.operator2))).toEqual([
        {
          userId: ids.operator2,
          name: 'Волков Андрей Николаевич',
          activity: 'viewing',
        },
      ]);
      expect((await leave(operator2, appeal.id)).status).toBe(204);
      await until(() => presenceOf(boss.events, appeal.id).find((p) => p.length === 0));
      // Leaving twice is no change: nothing more is sent.
      const after = presenceOf(boss.events, appeal.id).length;
      expect((await leave(operator2, appeal.id)).status).toBe(204);
      await new Promise((r) => setTimeout(r, 500));
      expect(presenceOf(boss.events, appeal.id)).toHaveLength(after);
      // Another department's queue does not show the appeal, so its operator hears nothing of it.
      expect(presenceOf(elsewhere.events, appeal.id)).toEqual([]);
    } finally {
      boss.close();
      colleague.close();
      elsewhere.close();
    }
  });

  it('a stream opened later starts with who is on the cards of its queue', async () => {
    const appeal = await fileTech();
    expect((await beat(operator2, appeal.id, 'replying')).status).toBe(200);
    const boss = await stream(supervisor);
    const elsewhere = await stream(poolOperator);
    try {
      expect(await until(() => presenceOf(boss.events, appeal.id)[0])).toEqual([
        {
          userId: ids.operator2,
          name: 'Волков Андрей Николаевич',
          activity: 'replying',
        },
      ]);
      await new Promise((r) => setTimeout(r, 300));
      expect(presenceOf(elsewhere.events, appeal.id)).toEqual([]);
    } finally {
      boss.close();
      elsewhere.close();
      await leave(operator2, appeal.id);
    }
  });

  it('a card that stops beating is gone after the TTL, and the queue hears it', async () => {
    const appeal = await fileTech();
    const boss = await stream(supervisor);
    try {
      await beat(operator, appeal.id);
      await until(() => presenceOf(boss.events, appeal.id)[0]);
      // 41 s later by the clock of every process (each sweeps), without another heartbeat.
      for (const server of [first, second].filter((s): s is RunningServer => !!s)) {
        expect(
          (
            await at(server.baseUrl, 'PUT', '/api/v1/test/clock', undefined, {
              offsetMs: 41_000,
            })
          ).status,
        ).toBe(200);
      }
      expect(await until(() => presenceOf(boss.events, appeal.id).find((p) => p.length === 0), 15_000)).toEqual([]);
      expect((await beat(operator2, appeal.id)).body.present).toEqual([]);
    } finally {
      boss.close();
      for (const server of [first, second].filter((s): s is RunningServer => !!s))
        await at(server.baseUrl, 'PUT', '/api/v1/test/clock', undefined, {
          offsetMs: 0,
        });
      await leave(operator2, appeal.id);
    }
  });

  it('leaving after a redirect: the operator who no longer has the appeal removes their own marker at once; leaving answers 204 alike for an appeal unseen, missing or never visited', async () => {
    const appeal = await fileTech();
    const finance = ((await raw('/api/v1/staff/departments', { token: operator.token })).body as { id: string; code: string }[]).find((d) => d.code === 'finance')!;
    const boss = await stream(supervisor);
    try {
      expect((await beat(operator, appeal.id)).status).toBe(200);
      await until(() => presenceOf(boss.events, appeal.id).find((p) => p.some((x) => x.userId === ids.operator)));
      const redirected = await raw(`/api/v1/staff/appeals/${appeal.id}/actions/redirect`, {
        method: 'POST',
        token: operator.token,
        body: JSON.stringify({ departmentId: finance.id, reason: 'Вопрос финансового отдела' }),
      });
      expect(redirected.status).toBe(200);
      // The appeal is out of their reach now: a heartbeat is refused as for a missing one…
      expect((await beat(operator, appeal.id)).status).toBe(404);
      // …but their leave removes their own marker, and the queues that show it hear so at once (the clock never moved).
      expect((await leave(operator, appeal.id)).status).toBe(204);
      expect(await until(() => presenceOf(boss.events, appeal.id).find((p) => p.length === 0))).toEqual([]);
      expect((await beat(supervisor, appeal.id)).body.present).toEqual([]);
      await leave(supervisor, appeal.id);
    } finally {
      boss.close();
    }
    // The same answer whether the appeal exists, is another department's, or had the caller on it:
    // the route tells nothing about it (nor of a malformed id, which names none).
    const other = await fileTech();
    for (const target of [other.id, String(other.number), randomUUID(), '999999999999']) {
      expect([target, (await leave(poolOperator, target)).status]).toEqual([target, 204]);
    }
    expect((await leave(poolOperator, 'not-an-id')).status).toBe(204);
  });

  it('only staff who may see the appeal: others get 404 as for a missing one; bad input is a 422 naming the field', async () => {
    const appeal = await fileTech();
    const path = `/api/v1/staff/appeals/${appeal.id}/presence`;
    expect((await at(beatsTo, 'PUT', path, undefined, { activity: 'viewing' })).status).toBe(401);
    expect((await at(beatsTo, 'PUT', path, citizen.token, { activity: 'viewing' })).status).toBe(403);
    expect((await at(beatsTo, 'DELETE', path, citizen.token)).status).toBe(403);
    expect((await beat(poolOperator, appeal.id)).status).toBe(404);
    // Leaving touches only the caller's own row and reveals nothing: 204 (see the redirect case).
    expect((await leave(poolOperator, appeal.id)).status).toBe(204);
    expect((await beat(operator, randomUUID())).status).toBe(404);
    for (const body of [{ activity: 'typing' }, {}, { activity: 'viewing', userId: ids.supervisor }, '[]']) {
      const res = await at(beatsTo, 'PUT', path, operator.token, body);
      expect([JSON.stringify(body), res.status, res.type]).toEqual([JSON.stringify(body), 422, expect.stringContaining('application/problem+json')]);
    }
    const bad = await at(beatsTo, 'PUT', path, operator.token, {
      activity: 'typing',
    });
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['activity']);
    // Nothing of the refused calls stayed: the supervisor's card shows nobody.
    expect((await beat(supervisor, appeal.id)).body.present).toEqual([]);
    await leave(supervisor, appeal.id);
  });
});
