import { execFileSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { DEMO } from './support/api';
import { call, eventually } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';

/** A request the receiver got. */
interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  answered: number;
}

/**
 * Outgoing webhooks against a real local HTTPS receiver with a self-signed certificate made here
 * (openssl), trusted by the API through WEBHOOK_CA_FILE and let through the SSRF guard by
 * WEBHOOK_ALLOW_LIST=localhost. Signatures are checked with the `standardwebhooks` package.
 * Retries move the application clock over HTTP instead of sleeping.
 */
describe('webhooks: signed deliveries to a local HTTPS receiver', () => {
  let server: RunningServer;
  let base: string;
  let receiver: Server;
  let port: number;
  let dir: string;
  const received: Received[] = [];
  const tokens: Record<'admin' | 'citizen' | 'operator', string> = {} as never;
  let categories: Record<string, string> = {};
  let offsetMs = 0;

  const ok = async (method: string, path: string, body: unknown, token: string): Promise<any> => {
    const res = await call(base, method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const file = async (subject: string) => ok('POST', '/api/v1/appeals', { type: 'question', categoryId: categories.tech, subject, text: 'Не могу войти в личный кабинет.' }, tokens.citizen);
  const subscribe = async (path: string, events: string[], extra: Record<string, unknown> = {}) =>
    ok('POST', '/api/v1/admin/webhooks', { name: `Приёмник ${path}`, url: `https://localhost:${port}${path}`, events, ...extra }, tokens.admin);
  const at = (path: string) => received.filter((r) => r.path === path);
  const envelope = (r: Received) => JSON.parse(r.body) as { type: string; version: number; id: string; timestamp: string; data: Record<string, any> };
  const log = async (id: string) => (await ok('GET', `/api/v1/admin/webhooks/${id}/deliveries`, undefined, tokens.admin)).items as any[];
  /** Moves the application clock on by `ms` (retries become due; the sweep sends them within a second). */
  const later = async (ms: number) => {
    offsetMs += ms;
    await ok('PUT', '/api/v1/test/clock', { offsetMs }, tokens.admin);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'otklik-webhooks-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ], { stdio: 'ignore' });
    // /ok answers 204; /flaky answers 500 to the first three attempts of each delivery; /down always 500.
    const attemptsOf = new Map<string, number>();
    receiver = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const id = String(req.headers['webhook-id']);
        const n = (attemptsOf.get(`${path} ${id}`) ?? 0) + 1;
        attemptsOf.set(`${path} ${id}`, n);
        const answered = path.startsWith('/down') || (path.startsWith('/flaky') && n <= 3) ? 500 : 204;
        received.push({ path, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), answered });
        res.statusCode = answered;
        res.end(answered === 500 ? 'receiver failure' : undefined);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    port = (receiver.address() as AddressInfo).port;
    server = await startServer({
      CLOCK_CONTROL: 'true',
      WEBHOOK_CA_FILE: join(dir, 'cert.pem'),
      WEBHOOK_ALLOW_LIST: 'localhost',
      WEBHOOK_DISABLE_AFTER_FAILURES: '4',
      // Retries a minute apart and more: they come only when the test moves the clock.
      EVENT_RETRY_BASE_MS: '60000',
    });
    base = server.baseUrl;
    for (const [who, creds] of [['admin', DEMO.admin], ['citizen', DEMO.citizen], ['operator', DEMO.operator]] as const) {
      tokens[who] = (await call(base, 'POST', '/api/v1/auth/login', creds)).body.accessToken;
    }
    const tree = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string; children: { code: string; id: string }[] }[];
    categories = Object.fromEntries(tree.flatMap((t) => [t, ...t.children]).map((c) => [c.code, c.id]));
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
    await new Promise((r) => receiver?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a literal private, loopback or metadata address when the subscription is made', async () => {
    for (const [url, code] of [
      [`https://127.0.0.1:${port}/ok`, 'webhook_url_address_loopback'],
      ['https://169.254.169.254/latest/meta-data', 'webhook_url_address_metadata'],
      ['https://[::ffff:10.0.0.1]/hook', 'webhook_url_address_private'],
      ['https://[fd00:ec2::254]/', 'webhook_url_address_metadata'],
      ['ftp://sed.example.ru/', 'webhook_url_https_required'],
    ]) {
      const res = await call(base, 'POST', '/api/v1/admin/webhooks', { name: 'Частный', url, events: ['appeal.submitted'] }, tokens.admin);
      expect({ url, status: res.status, code: res.body.errors?.[0]?.code }).toEqual({ url, status: 422, code });
    }
    const unknown = await call(base, 'POST', '/api/v1/admin/webhooks', { name: 'x', url: 'https://sed.example.ru/', events: ['appeal.nothing'] }, tokens.admin);
    expect(unknown.status).toBe(422);
    expect((await call(base, 'GET', '/api/v1/admin/webhooks', undefined, tokens.operator)).status).toBe(403);
  });

  it('keeps no webhooks delivery record for a type no enabled subscription takes; a subscription made before the event gets it', async () => {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      /** The consumers an appeal's events were handed to, once the relay passed all of `types` (the rollups' record is made in the same statement). */
      const handedTo = async (appealId: string, types: string[]) => {
        const deadline = Date.now() + 15_000;
        for (;;) {
          const { rows } = await db.query<{ event_type: string; consumer: string }>(
            `SELECT o.event_type, d.consumer FROM event_deliveries d JOIN outbox o ON o.id = d.event_id WHERE o.aggregate_id = $1 ORDER BY o.id, d.consumer`,
            [appealId],
          );
          const relayed = types.every((t) => rows.some((r) => r.event_type === t && r.consumer === 'reporting.rollups'));
          if (relayed) return rows.filter((r) => r.consumer === 'webhooks').map((r) => r.event_type);
          if (Date.now() > deadline) throw new Error(`the relay did not pass ${types.join(', ')}: ${JSON.stringify(rows)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      const fileAndTake = async (subject: string) => {
        const appeal = await file(subject);
        await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, tokens.operator);
        return appeal;
      };

      // No subscription: the webhooks consumer is handed nothing.
      const before = await fileAndTake('Вебхук: нет подписок');
      expect(await handedTo(before.id, ['appeal.submitted', 'appeal.taken'])).toEqual([]);

      // A subscription to one type: that type's events only, and the receiver gets them.
      const gate = await subscribe('/gate', ['appeal.taken']);
      const during = await fileAndTake('Вебхук: одна подписка');
      expect(await handedTo(during.id, ['appeal.submitted', 'appeal.taken'])).toEqual(['appeal.taken']);
      await eventually(() => at('/gate').find((r) => envelope(r).data.appealId === during.id));
      expect(at('/gate').map((r) => envelope(r).type)).toEqual(['appeal.taken']);

      // Disabled: nothing again.
      await ok('PATCH', `/api/v1/admin/webhooks/${gate.id}`, { enabled: false }, tokens.admin);
      const after = await fileAndTake('Вебхук: подписка выключена');
      expect(await handedTo(after.id, ['appeal.submitted', 'appeal.taken'])).toEqual([]);
      expect(at('/gate')).toHaveLength(1);
    } finally {
      await db.end();
    }
  });

  it('records a failed attempt taking the subscription before the delivery, as a delete does: the two never deadlock', async () => {
    // An admin's DELETE locks the subscription, then its deliveries (the cascade). The sender's
    // bookkeeping of a failed attempt used to lock the delivery, then the subscription: a delete at
    // that moment deadlocked and answered 500. Here the test holds the subscription as a delete
    // would while the attempt's bookkeeping waits for it; the delivery must still be free.
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    const sub = await subscribe('/down-locked', ['appeal.submitted']);
    try {
      await db.query('BEGIN');
      await db.query(`SELECT id FROM webhook_subscriptions WHERE id = $1 FOR NO KEY UPDATE`, [sub.id]);
      const appeal = await file('Вебхук: блокировка');
      await eventually(() => at('/down-locked').find((r) => envelope(r).data.appealId === appeal.id));
      // The sender's transaction now waits for the subscription's row.
      await waitFor(async () => {
        // Inside a transaction the activity view is a snapshot taken at the first read: a fresh one each time.
        await db.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await db.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE webhook_subscriptions SET consecutive_failures%' AND pid <> pg_backend_pid()`,
        );
        return rows.length ? true : undefined;
      });
      const { rows: free } = await db.query(`SELECT d.id FROM webhook_deliveries d WHERE d.subscription_id = $1 FOR UPDATE NOWAIT`, [sub.id]);
      expect(free).toHaveLength(1);
      await db.query('ROLLBACK');
      // Released, the attempt is recorded: one failure in the run, the delivery due again.
      const entry = await waitFor(async () => (await log(sub.id)).find((e) => e.lastStatusCode === 500));
      expect(entry).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
      expect((await ok('GET', `/api/v1/admin/webhooks/${sub.id}`, undefined, tokens.admin)).consecutiveFailures).toBe(1);
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await db.end();
      await ok('DELETE', `/api/v1/admin/webhooks/${sub.id}`, undefined, tokens.admin);
    }
  }, 30_000);

  it('delivers exactly one signed delivery per event; the signature verifies with standardwebhooks; filters hold', async () => {
    const sub = await subscribe('/ok', ['appeal.submitted', 'appeal.taken']);
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect((await ok('GET', `/api/v1/admin/webhooks/${sub.id}`, undefined, tokens.admin)).secret).toBeUndefined();
    // Another department only: none of these events pass its filter.
    const elsewhere = await subscribe('/elsewhere', ['appeal.submitted', 'appeal.taken'], { departmentIds: ['00000000-0000-4000-8000-000000000000'] });
    const appeal = await file('Вебхук: подпись');
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, tokens.operator);
    const mine = () => at('/ok').filter((r) => envelope(r).data.appealId === appeal.id);
    await eventually(() => (mine().length >= 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1500)); // nothing more comes
    const got = mine();
    expect(got.map((r) => envelope(r).type).sort()).toEqual(['appeal.submitted', 'appeal.taken']);
    const wh = new Webhook(sub.secret);
    for (const r of got) {
      const verified = wh.verify(r.body, r.headers) as ReturnType<typeof envelope>;
      expect(verified.id).toBe(r.headers['webhook-id']);
      expect(verified).toMatchObject({ version: 1, data: { appealId: appeal.id, number: appeal.number, departmentId: expect.any(String), categoryId: categories.tech } });
      expect(new Date(verified.timestamp).toString()).not.toBe('Invalid Date');
      expect(r.headers['content-type']).toBe('application/json');
      // No personal data: not the subject, the text, the citizen or the staff member.
      expect(r.body).not.toContain('Вебхук: подпись');
      expect(r.body).not.toContain('личный кабинет');
      expect(verified.data).not.toHaveProperty('citizenId');
      expect(verified.data).not.toHaveProperty('actorId');
    }
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(2);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(got[0].body, got[0].headers)).toThrow();
    expect(at('/elsewhere')).toEqual([]);
    const entries = await log(sub.id);
    expect(entries.filter((e) => e.status === 'delivered' && e.lastStatusCode === 204 && e.attempts === 1).length).toBeGreaterThanOrEqual(2);
    await ok('DELETE', `/api/v1/admin/webhooks/${elsewhere.id}`, undefined, tokens.admin);
    await ok('PATCH', `/api/v1/admin/webhooks/${sub.id}`, { enabled: false }, tokens.admin);
  });

  it('retries a receiver that answers 500 three times: the fourth attempt, same webhook-id, is delivered', async () => {
    const sub = await subscribe('/flaky', ['appeal.submitted']);
    const appeal = await file('Вебхук: повтор');
    const mine = () => at('/flaky').filter((r) => envelope(r).data.appealId === appeal.id);
    await eventually(() => (mine().length === 1 ? true : undefined));
    for (let attempt = 2; attempt <= 4; attempt++) {
      await later(30 * 60_000);
      await eventually(() => (mine().length === attempt ? true : undefined));
    }
    const attempts = mine();
    expect(attempts.map((r) => r.answered)).toEqual([500, 500, 500, 204]);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const r of attempts) expect(() => new Webhook(sub.secret).verify(r.body, r.headers)).not.toThrow();
    const entry = await waitFor(async () => (await log(sub.id)).find((e) => e.id === attempts[0].headers['webhook-id'] && e.status === 'delivered'));
    expect(entry).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 204, lastError: null });
    expect((await ok('GET', `/api/v1/admin/webhooks/${sub.id}`, undefined, tokens.admin)).consecutiveFailures).toBe(0);
    await ok('PATCH', `/api/v1/admin/webhooks/${sub.id}`, { enabled: false }, tokens.admin);
  }, 60_000);

  it('replays one delivery and a time range with the same webhook-id; sends a test event; a rotated secret signs', async () => {
    const sub = await subscribe('/replay', ['appeal.submitted']);
    const appeal = await file('Вебхук: повторная отправка');
    const mine = () => at('/replay').filter((r) => envelope(r).data.appealId === appeal.id);
    const first = await eventually(() => mine()[0]);
    const id = first.headers['webhook-id'];
    await waitFor(async () => (await log(sub.id)).find((e) => e.id === id && e.status === 'delivered'));
    expect(await ok('POST', `/api/v1/admin/webhooks/${sub.id}/deliveries/${id}/replay`, undefined, tokens.admin)).toEqual({ replayed: 1 });
    await eventually(() => (mine().length === 2 ? true : undefined));
    await waitFor(async () => (await log(sub.id)).find((e) => e.id === id && e.status === 'delivered' && e.replays === 1));
    expect(mine()[1].headers['webhook-id']).toBe(id);
    expect(mine()[1].body).toBe(first.body);
    expect(() => new Webhook(sub.secret).verify(mine()[1].body, mine()[1].headers)).not.toThrow();

    const range = await ok('POST', `/api/v1/admin/webhooks/${sub.id}/replay`, { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() }, tokens.admin);
    expect(range.replayed).toBeGreaterThanOrEqual(1);
    await eventually(() => (mine().length === 3 ? true : undefined));
    expect(mine()[2].headers['webhook-id']).toBe(id);
    const reversed = await call(base, 'POST', `/api/v1/admin/webhooks/${sub.id}/replay`, { from: new Date().toISOString(), to: new Date(Date.now() - 1000).toISOString() }, tokens.admin);
    expect(reversed.status).toBe(422);
    expect((await log(sub.id)).find((e) => e.id === id)).toMatchObject({ status: 'delivered', replays: 2 });

    // The test event, after a rotation: the new secret verifies (the old one still signs beside it for a day).
    const { secret } = await ok('POST', `/api/v1/admin/webhooks/${sub.id}/rotate-secret`, undefined, tokens.admin);
    expect(secret).not.toBe(sub.secret);
    const { deliveryId } = await ok('POST', `/api/v1/admin/webhooks/${sub.id}/test`, undefined, tokens.admin);
    const test = await eventually(() => at('/replay').find((r) => r.headers['webhook-id'] === deliveryId));
    expect(new Webhook(secret).verify(test.body, test.headers)).toMatchObject({ type: 'webhook.test', id: deliveryId });
    expect(() => new Webhook(sub.secret).verify(test.body, test.headers)).not.toThrow();
    await ok('DELETE', `/api/v1/admin/webhooks/${sub.id}`, undefined, tokens.admin);
    expect((await call(base, 'GET', `/api/v1/admin/webhooks/${sub.id}`, undefined, tokens.admin)).status).toBe(404);
  }, 60_000);

  it('refuses at delivery a name that resolves to a private address (no request reaches the receiver)', async () => {
    const name = hostname();
    const addresses = await lookup(name, { all: true }).catch(() => []);
    if (name === 'localhost' || addresses.length === 0) return; // this machine's name does not resolve: nothing to test it with
    const sub = await ok('POST', '/api/v1/admin/webhooks', { name: 'Через DNS', url: `https://${name}:${port}/rebind`, events: ['appeal.submitted'] }, tokens.admin);
    const before = received.length;
    await file('Вебхук: адрес после DNS');
    const entry = await waitFor(async () => (await log(sub.id)).find((e) => e.lastError));
    expect(entry.lastError).toMatch(new RegExp(`destination refused: ${name} resolves to [^ ]+ \\((loopback|private|link_local|cgnat)\\)`));
    expect(entry.lastStatusCode).toBeNull();
    expect(received.slice(before).filter((r) => r.path === '/rebind')).toEqual([]);
    await ok('DELETE', `/api/v1/admin/webhooks/${sub.id}`, undefined, tokens.admin);
  }, 30_000);

  it('disables a subscription after WEBHOOK_DISABLE_AFTER_FAILURES failed attempts in a row and tells the admins', async () => {
    const sub = await subscribe('/down', ['appeal.submitted']);
    await file('Вебхук: отказ');
    await eventually(() => (at('/down').length === 1 ? true : undefined));
    for (let attempt = 2; attempt <= 4; attempt++) {
      await later(30 * 60_000);
      await eventually(() => (at('/down').length === attempt ? true : undefined));
    }
    const state = await waitFor(async () => {
      const s = await ok('GET', `/api/v1/admin/webhooks/${sub.id}`, undefined, tokens.admin);
      return s.enabled ? undefined : s;
    });
    expect(state).toMatchObject({ enabled: false, consecutiveFailures: 4, disabledReason: expect.stringContaining('4 failed attempts in a row') });
    const notice = await waitFor(async () => ((await ok('GET', '/api/v1/me/notifications?kind=webhook_disabled', undefined, tokens.admin)).items as any[]).find((n) => n.title.includes(sub.name)));
    expect(notice).toMatchObject({ kind: 'webhook_disabled', appealId: null, link: expect.stringMatching(/\/admin\/webhooks$/) });
    expect(notice.title).toContain(`«${sub.name}»`);
    // Disabled: a later event is not sent, and nothing is retried.
    await later(30 * 60_000);
    await file('Вебхук: после отключения');
    await new Promise((r) => setTimeout(r, 2000));
    expect(at('/down').length).toBe(4);
    expect(((await ok('GET', '/api/v1/me/notifications?kind=webhook_disabled', undefined, tokens.operator)).items as any[]).length).toBe(0);
  }, 60_000);
});

async function waitFor<T>(pick: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await pick();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
