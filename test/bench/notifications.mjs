// Phase h of `npm run bench` (BENCH_ONLY=notifications): notifications end to end against raw
// BullMQ, and the SSE fan-out. See README.md in this folder.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';

/* global TextDecoder, AbortController */

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A local SMS HTTP gateway: counts the messages it gets and answers at once — `{ id }` to one
 * message, and to a batch in Infobip's shape (`{"messages":[{"destinations":[{"to","messageId"}],"text"}]}`)
 * one entry per message with its messageId, as Infobip documents it.
 */
async function startGateway() {
  let count = 0;
  let requests = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      const body = Buffer.concat(chunks).toString('utf8');
      if (!body.startsWith('{"messages":')) {
        count++;
        return void res.end(`{"id":"gw-${count}"}`);
      }
      const { messages } = JSON.parse(body);
      count += messages.length;
      res.end(JSON.stringify({ bulkId: `bulk-${requests}`, messages: messages.map((m) => ({ to: m.destinations[0].to, messageId: m.destinations[0].messageId, status: { groupId: 1, groupName: 'PENDING' } })) }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/sms`, get count() { return count; }, get requests() { return requests; }, close: () => new Promise((r) => server.close(r)) };
}

/** Raw BullMQ: add `n` empty jobs in bulk and process them, on the same Redis: jobs/s. */
async function rawBullmq(redisUrl, prefix, n) {
  const u = new URL(redisUrl);
  const connection = { host: u.hostname, port: Number(u.port || 6379), maxRetriesPerRequest: null };
  const name = `raw-${Date.now()}`;
  const queue = new Queue(name, { connection, prefix });
  let done = 0;
  const worker = new Worker(name, async () => undefined, { connection, prefix, concurrency: 16, autorun: false });
  const finished = new Promise((resolve) => worker.on('completed', () => ++done >= n && resolve()));
  const t0 = performance.now();
  void worker.run();
  for (let i = 0; i < n; i += 500) {
    await queue.addBulk(Array.from({ length: Math.min(500, n - i) }, (_, j) => ({ name: 'e', data: { i: i + j }, opts: { removeOnComplete: true } })));
  }
  await finished;
  const ms = performance.now() - t0;
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  return { n, ms, rate: n / (ms / 1000) };
}

/** Parses an SSE stream read with fetch, calling `onEvent(event, data, receivedAt)`. */
async function sse(url, token, onEvent, signal) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
  if (!res.ok) throw new Error(`stream: ${res.status}`);
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body) {
        const at = Date.now();
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) onEvent(event, data, at);
        }
      }
    } catch {
      // closed
    }
  })();
}

/**
 * @param ctx { cfg, log, createDb, dropDb, startServer, dbUrl, api, login, percentile, row, fmt, DIST }
 */
export async function notificationsPhase(results, ctx) {
  const { log, createDb, dropDb, startServer, startWorker, dbUrl, api, login, percentile, row, fmt, DIST } = ctx;
  const n = Number(process.env.BENCH_NOTIFY_EVENTS || 10_000);
  const clients = Number(process.env.BENCH_SSE_CLIENTS || 1000);
  const redisUrl = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
  const prefix = `otklik-bench-${process.pid}`;
  const masterKey = randomBytes(32);
  const gateway = await startGateway();
  const dbName = `otklik_bench_notify_${Date.now()}`;
  await createDb(dbName);
  // Batch submits of up to BENCH_SMS_BATCH messages in Infobip's shape (1: one request per SMS, the driver's default).
  const smsBatch = Number(process.env.BENCH_SMS_BATCH || 100);
  const serverEnv = {
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    SMS_GATEWAY: 'http',
    SMS_HTTP_URL: gateway.url,
    SMS_RATE_PER_SECOND: '100000',
    MASTER_KEY: masterKey.toString('base64'),
    ...(smsBatch > 1
      ? {
          SMS_HTTP_TEMPLATE: '{"destinations":[{"to":"{phone}","messageId":"{ref}"}],"text":"{text}"}',
          SMS_HTTP_BATCH_TEMPLATE: '{"messages":{messages}}',
          SMS_HTTP_BATCH_SIZE: String(smsBatch),
          SMS_HTTP_ID_FIELD: 'messageId',
        }
      : {}),
  };
  const server = await startServer(dbName, 'notifications', serverEnv).catch(async (error) => {
    await gateway.close();
    throw error;
  });
  const db = new pg.Client({ connectionString: dbUrl(dbName) });
  await db.connect();
  try {
    // The demo citizen with a confirmed phone; the notice of an extension goes by SMS only.
    const require = createRequire(import.meta.url);
    const { PersonalDataCipher } = require(join(DIST, 'common', 'crypto', 'personal-data-cipher.js'));
    const cipher = new PersonalDataCipher(masterKey);
    const personal = cipher.encryptJson({ lastName: 'Бенч', firstName: 'Бенч', middleName: null, birthDate: '1990-01-01', snils: null, inn: null, phone: '+79990000001' });
    const [{ id: citizenId }] = (
      await db.query(`UPDATE users SET phone_verified = true, personal_encrypted = $1 WHERE email = 'citizen@demo.otklik.local' RETURNING id`, [personal])
    ).rows;
    const only = async (channels) =>
      db.query(
        `INSERT INTO notification_preferences (user_id, channels) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels`,
        [citizenId, JSON.stringify({ extended: channels })],
      );
    await only({ in_app: false, email: false, push: false, sms: true });
    const token = await login(server.base, 'citizen@demo.otklik.local', 'Citizen#Demo2026');
    const general = (await api(server.base, 'GET', '/api/v1/catalog/categories')).find((c) => c.code === 'general');
    const appealIds = [];
    for (let i = 0; i < 20; i++) {
      appealIds.push((await api(server.base, 'POST', '/api/v1/appeals', { token, body: { type: 'question', categoryId: general.id, subject: `Уведомления ${i}`, text: 'Замер уведомлений.' } })).id);
    }
    const insertEvents = (count) =>
      db.query(
        `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
         SELECT 'appeal.extended', 'appeal', a.id, jsonb_build_object('appealId', a.id, 'citizenId', $2::uuid, 'from', 'registered', 'to', 'registered',
                'actorId', NULL, 'actorRole', 'operator', 'type', 'question', 'number', NULL, 'departmentId', NULL, 'comment', 'Замер')
           FROM generate_series(1, $1) g JOIN LATERAL (SELECT ($3::uuid[])[1 + g % array_length($3::uuid[], 1)] AS id) a ON true`,
        [count, citizenId, appealIds],
      );
    const waitFor = async (target, limitMs) => {
      const deadline = Date.now() + limitMs;
      while (gateway.count < target && Date.now() < deadline) await sleep(10);
      return gateway.count >= target;
    };
    // Let the receipts of the 20 filings settle (they are not SMS: defaults send them by SMS too).
    await sleep(3000);
    log('notifications: warm-up (500 events)…');
    const warm = gateway.count;
    await insertEvents(500);
    await waitFor(warm + 500, 120_000);

    /** `n` events inserted at once, until the gateway has had them all: notices per second. */
    const endToEnd = async (label) => {
      log(`notifications (${label}): ${n} events → relay → BullMQ → planner → sender → local HTTP SMS gateway…`);
      const base = gateway.count;
      const baseRequests = gateway.requests;
      const [{ mark }] = (await db.query(`SELECT coalesce(max(id), 0)::bigint AS mark FROM outbox`)).rows;
      const t0 = performance.now();
      await insertEvents(n);
      const complete = await waitFor(base + n, 10 * 60_000);
      const ms = performance.now() - t0;
      const delivered = gateway.count - base;
      const requests = gateway.requests - baseRequests;
      // Where the time went: when each stage finished its part of the run, from the rows' own clocks.
      const stages = (
        await db.query(
          `WITH ev AS (SELECT id, created_at FROM outbox WHERE id > $1)
           SELECT 'relayed' AS stage, extract(epoch FROM max(o.dispatched_at) - min(ev.created_at)) * 1000 AS ms FROM ev JOIN outbox o USING (id)
           UNION ALL
           SELECT 'planned', extract(epoch FROM max(n.created_at) - (SELECT min(created_at) FROM ev)) * 1000 FROM notification_deliveries n WHERE n.event_id > $1
           UNION ALL
           SELECT 'sent', extract(epoch FROM max(n.sent_at) - (SELECT min(created_at) FROM ev)) * 1000 FROM notification_deliveries n WHERE n.event_id > $1
           UNION ALL
           -- Every consumer of the events shares the job runners' slots: when each was done with the burst.
           (SELECT 'done by ' || d.consumer, extract(epoch FROM max(d.done_at) - (SELECT min(created_at) FROM ev)) * 1000 FROM event_deliveries d
             WHERE d.event_id > $1 GROUP BY d.consumer ORDER BY 2)`,
          [mark],
        )
      ).rows;
      const timeline = stages.map((st) => `${st.stage} ${fmt(Number(st.ms))} ms`).join(', ');
      log(`notifications (${label}): ${fmt(delivered / (ms / 1000))}/s in ${requests} gateway requests; all ${timeline} after the first event`);
      return { complete, ms, delivered, requests, rate: delivered / (ms / 1000), timeline };
    };
    const single = await endToEnd('API alone');
    log(`notifications: the same with a job worker process beside the API…`);
    const worker = await startWorker(dbName, 'notifications-worker', serverEnv);
    let scaled;
    try {
      await sleep(1000);
      scaled = await endToEnd('API + worker');
    } finally {
      await worker.stop();
    }
    log(`notifications: raw BullMQ add + process of ${n} empty jobs…`);
    const raw = await rawBullmq(redisUrl, prefix, n);
    const ratio = single.rate / raw.rate;
    results.rows.push(
      row('notify', 'notifications end to end (/s), BullMQ', fmt(single.rate), `raw BullMQ ${fmt(raw.rate)} jobs/s`, ratio, '≥ 50%', single.complete && ratio >= 0.5,
        `${single.delivered}/${n} SMS at the gateway in ${single.requests} requests (${smsBatch > 1 ? `batch submits of up to ${smsBatch}, Infobip's shape` : 'one per SMS'}) ${fmt(single.ms)} ms after the events were inserted (${single.timeline}), one API process doing relay, jobs and sending; raw: ${n} empty jobs added in bulk and processed (concurrency 16) in ${fmt(raw.ms)} ms`),
      row('notify', 'notifications end to end, absolute (/s)', fmt(single.rate), '', null, '≥ 2000', single.complete && single.rate >= 2000),
      row('notify', 'notifications end to end, API + 1 worker (/s)', fmt(scaled.rate), `raw BullMQ ${fmt(raw.rate)} jobs/s`, scaled.rate / raw.rate, '', null,
        `${scaled.delivered}/${n} SMS in ${scaled.requests} requests (${scaled.timeline}); \`npm run worker\` beside the API, both running jobs and sending (the scale-out deployment)`),
    );

    // SSE fan-out: `clients` streams of one user (tabs), 20 notices 200 ms apart, commit → receipt.
    log(`notifications: SSE fan-out to ${clients} streams…`);
    await only({ in_app: true, email: false, push: false, sms: false });
    const received = new Map(); // notification id → receive times
    let ready = 0;
    const controller = new AbortController();
    const opened = [];
    for (let i = 0; i < clients; i++) {
      opened.push(
        sse(`${server.base}/api/v1/me/notifications/stream`, token, (event, data, at) => {
          if (event === 'unread') ready++;
          if (event !== 'notification') return;
          const { id } = JSON.parse(data);
          if (!received.has(id)) received.set(id, []);
          received.get(id).push(at);
        }, controller.signal),
      );
      if (opened.length % 100 === 0) await Promise.all(opened.splice(0));
    }
    await Promise.all(opened);
    const connectDeadline = Date.now() + 60_000;
    while (ready < clients && Date.now() < connectDeadline) await sleep(50);
    const [{ max: mark }] = (await db.query(`SELECT coalesce(max(id), 0)::bigint AS max FROM notifications`)).rows;
    const notices = 20;
    for (let i = 0; i < notices; i++) {
      await insertEvents(1);
      await sleep(200);
    }
    const fanDeadline = Date.now() + 30_000;
    const complete2 = () => received.size >= notices && [...received.values()].every((t) => t.length >= ready);
    while (!complete2() && Date.now() < fanDeadline) await sleep(50);
    controller.abort();
    const created = new Map((await db.query(`SELECT id::text AS id, (extract(epoch FROM created_at) * 1000)::float8 AS at FROM notifications WHERE id > $1`, [mark])).rows.map((r) => [r.id, r.at]));
    const lat = [];
    let missing = 0;
    for (const [id, at] of created) {
      const times = received.get(id) ?? [];
      missing += Math.max(0, ready - times.length);
      for (const t of times) lat.push(t - at);
    }
    lat.sort((a, b) => a - b);
    const p50 = percentile(lat, 50);
    const p99 = percentile(lat, 99);
    results.rows.push(
      row('notify', `SSE commit → receipt p99 (ms), ${ready} streams`, fmt(p99), `p50 ${fmt(p50)} ms`, null, '≤ 1000', ready === clients && missing === 0 && p99 <= 1000,
        `${created.size} notices × ${ready} connected streams = ${lat.length} receipts, ${missing} missing; through Redis pub/sub (API with REDIS_URL); from the row's created_at (its transaction's start) to the client's read`),
    );
    results.notifications = { events: n, smsBatch, single, scaled, raw, sse: { clients, ready, notices: created.size, p50, p99, missing } };
  } finally {
    await db.end();
    await server.stop();
    await gateway.close();
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect().catch(() => undefined);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
    await dropDb(dbName).catch(() => undefined);
  }
}
