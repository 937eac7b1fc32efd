// Phase j of `npm run bench` (BENCH_ONLY=webhooks): webhook deliveries end to end (outbox event →
// relay → webhooks consumer → signed HTTPS POST to a local receiver) against raw HTTPS POSTs
// from Node (undici, keep-alive, the same concurrency) to the same receiver. See README.md here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import pg from 'pg';
import { Agent, request } from 'undici';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A local HTTPS receiver (certificate made here with openssl): counts what it gets, answers 204 at once. */
async function startReceiver(dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
  let count = 0;
  const ids = new Set();
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      const id = req.headers['webhook-id'];
      if (id) ids.add(id);
      res.statusCode = 204;
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://localhost:${server.address().port}/hook`,
    ca: join(dir, 'cert.pem'),
    get count() { return count; },
    get distinct() { return ids.size; },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

/** `n` POSTs of `body` from Node with undici (keep-alive, `concurrency` in flight), to the receiver: requests/s. */
async function rawPosts(url, ca, body, n, concurrency) {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1, connect: { ca: [...rootCertificates, readFileSync(ca, 'utf8')] } });
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < n) {
      next++;
      const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, dispatcher: agent });
      await res.body.dump();
      if (res.statusCode !== 204) throw new Error(`raw POST: ${res.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - t0;
  await agent.close();
  return { n, ms, rate: n / (ms / 1000) };
}

/**
 * @param ctx { cfg, log, createDb, dropDb, startServer, dbUrl, api, login, row, fmt, OUT }
 */
export async function webhooksPhase(results, ctx) {
  const { log, createDb, dropDb, startServer, dbUrl, api, login, row, fmt, OUT } = ctx;
  const n = Number(process.env.BENCH_WEBHOOK_EVENTS || 5000);
  const concurrency = Number(process.env.BENCH_WEBHOOK_CONCURRENCY || 32);
  const receiver = await startReceiver(join(OUT, 'webhooks-tls'));
  const dbName = `otklik_bench_webhooks_${Date.now()}`;
  await createDb(dbName);
  const server = await startServer(dbName, 'webhooks', {
    WEBHOOK_CA_FILE: receiver.ca,
    WEBHOOK_ALLOW_LIST: 'localhost',
    WEBHOOK_CONCURRENCY: String(concurrency),
  }).catch(async (error) => {
    await receiver.close();
    throw error;
  });
  const db = new pg.Client({ connectionString: dbUrl(dbName) });
  await db.connect();
  try {
    const admin = await login(server.base, 'admin@demo.otklik.local', 'Admin#Demo2026');
    const citizen = await login(server.base, 'citizen@demo.otklik.local', 'Citizen#Demo2026');
    await api(server.base, 'POST', '/api/v1/admin/webhooks', { token: admin, body: { name: 'Бенч', url: receiver.url, events: ['appeal.message'] } });
    const general = (await api(server.base, 'GET', '/api/v1/catalog/categories')).find((c) => c.code === 'general');
    const appealIds = [];
    for (let i = 0; i < 20; i++) {
      appealIds.push((await api(server.base, 'POST', '/api/v1/appeals', { token: citizen, body: { type: 'question', categoryId: general.id, subject: `Вебхуки ${i}`, text: 'Замер вебхуков.' } })).id);
    }
    // `appeal.message` of an author role nobody is told of: the notifications consumer plans nothing, so the run measures webhooks.
    const insertEvents = (count) =>
      db.query(
        `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
         SELECT 'appeal.message', 'appeal', a.id, jsonb_build_object('appealId', a.id, 'number', NULL, 'citizenId', NULL, 'messageId', gen_random_uuid(), 'authorRole', 'bench')
           FROM generate_series(1, $1) g JOIN LATERAL (SELECT ($2::uuid[])[1 + g % array_length($2::uuid[], 1)] AS id) a ON true`,
        [count, appealIds],
      );
    const waitFor = async (target, limitMs) => {
      const deadline = Date.now() + limitMs;
      while (receiver.count < target && Date.now() < deadline) await sleep(10);
      return receiver.count >= target;
    };
    log('webhooks: warm-up (500 events)…');
    await insertEvents(500);
    await waitFor(500, 120_000);
    log(`webhooks: ${n} events → relay → webhooks consumer → signed HTTPS POSTs to a local receiver…`);
    const base = receiver.count;
    const [{ mark }] = (await db.query(`SELECT coalesce(max(id), 0)::bigint AS mark FROM outbox`)).rows;
    const t0 = performance.now();
    await insertEvents(n);
    const complete = await waitFor(base + n, 10 * 60_000);
    const ms = performance.now() - t0;
    const delivered = receiver.count - base;
    const rate = delivered / (ms / 1000);
    const [{ planned_ms: plannedMs, rows }] = (
      await db.query(
        `SELECT extract(epoch FROM max(d.created_at) - (SELECT min(created_at) FROM outbox WHERE id > $1)) * 1000 AS planned_ms, count(*)::int AS rows
           FROM webhook_deliveries d WHERE d.event_id > $1`,
        [mark],
      )
    ).rows;
    log(`webhooks: ${fmt(rate)}/s (${delivered}/${n} in ${fmt(ms)} ms; deliveries planned ${fmt(Number(plannedMs))} ms after the first event)`);
    const [{ body: sample }] = (await db.query(`SELECT body FROM webhook_deliveries ORDER BY created_at DESC LIMIT 1`)).rows;
    log(`webhooks: raw undici POSTs of ${n} bodies like theirs (${sample.length} bytes), ${concurrency} in flight, to the same receiver…`);
    const raw = await rawPosts(receiver.url, receiver.ca, sample, n, concurrency);
    const ratio = rate / raw.rate;
    results.rows.push(
      row('webhooks', 'webhook deliveries end to end (/s)', fmt(rate), `raw undici ${fmt(raw.rate)} POST/s`, ratio, '≥ 50%', complete && ratio >= 0.5,
        `${delivered}/${n} signed POSTs at the local HTTPS receiver ${fmt(ms)} ms after the events were inserted (${rows} delivery rows, planned ${fmt(Number(plannedMs))} ms after the first event), one API process (inline jobs) doing relay, planning and sending with WEBHOOK_CONCURRENCY=${concurrency}; raw: ${n} POSTs of the same body from Node with undici (keep-alive, ${concurrency} in flight) in ${fmt(raw.ms)} ms`),
    );
    results.webhooks = { events: n, concurrency, delivered, ms, rate, raw, ratio, distinctIds: receiver.distinct };
  } finally {
    await db.end();
    await server.stop();
    await receiver.close();
    await dropDb(dbName).catch(() => undefined);
  }
}
