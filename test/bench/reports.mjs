// Phase k of `npm run bench` (BENCH_ONLY=reports): the supervisor reports on the BENCH_APPEALS
// dataset (issue 14). See README.md in this folder.
//
//   1. `cli reports:rebuild`: the rollups and per-appeal figures from the appeals (the dataset is
//      written by SQL, not through events), timed.
//   2. each report's p95 over HTTP (admin: every department; a 90-day custom period with the
//      previous 90 days for comparison) beside the same headline figure computed by a raw SQL
//      scan over appeals in the same run (its execution time, EXPLAIN ANALYZE median of 7).
//   3. the rollup lag under a steady intake load: BENCH_INTAKE_RATE filings/s (POST /api/v1/appeals
//      by the bench citizens, as the submit phase files them) for BENCH_INTAKE_SECONDS on the same
//      server; for each filing, from its 201 (the appeal committed) to the first poll (every
//      250 ms) that finds its report_appeal_facts row, which the consumer writes in the same
//      transaction as its report_daily counts. Then report_daily's «received» must have grown by
//      exactly the filings accepted.
//   4. the CSV of every appeal behind «received» over three years (the whole dataset) streamed
//      to the client by a fresh API process (not the one the report load above warmed): time,
//      bytes, rows, and the process's peak RSS while it streams (VmHWM reset just before the
//      request), beside its RSS at rest just before.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TARGETS = { reportP95: 100, csvSeconds: 60, csvRssMb: 300, rollupLagS: 60 };
const DEMO_ADMIN = { login: 'admin@demo.otklik.local', password: 'Admin#Demo2026' };

const day = (d) => new Date(d.getTime() + 3 * 3600_000).toISOString().slice(0, 10);

export async function reportsPhase(results, ctx) {
  const { cfg, log, runCli, startServer, benchDataset, cannon, dbExecutionMs, row, fmt, api } = ctx;
  const db = await benchDataset(results, 'reports');
  // BENCH_REPORTS=csv: only the CSV rows (k.4), on a dataset kept by an earlier run; the export reads
  // `appeals` (keyset chunks), not the rollups, so neither the rebuild nor the report load is needed.
  if (process.env.BENCH_REPORTS === 'csv') {
    await ctx.onDb(db, (c) => c.query('ANALYZE appeals'));
    return csvExport(results, ctx, db);
  }
  // BENCH_REPORTS=latency: the report p95s alone (k.2), on a dataset kept by an earlier run whose
  // rebuild finished: no rebuild (3.5 min at 1M), no rollup lag, no CSV. Pending migrations are
  // applied (they fill new rollups from the stored facts); refused when the rollups were never rebuilt.
  const latencyOnly = process.env.BENCH_REPORTS === 'latency';
  if (latencyOnly) {
    await runCli(db, ['migrate'], 30 * 60_000);
    const state = await ctx.onDb(db, (c) => c.query(`SELECT finished_at IS NOT NULL AS finished FROM report_rebuild_state WHERE id = 1`).then((r) => r.rows[0]));
    if (!state?.finished) throw new Error(`BENCH_REPORTS=latency: ${db} has no finished reports:rebuild; run phase k once without it (BENCH_KEEP=1)`);
    log(`reports: BENCH_REPORTS=latency: the rollups of ${db} as an earlier run rebuilt them`);
  } else {
    log(`reports: rebuilding the rollups of ${cfg.appeals.toLocaleString('en')} appeals`);
    const started = Date.now();
    await runCli(db, ['reports:rebuild', '--chunk', '5000'], 60 * 60_000);
    const rebuildSeconds = (Date.now() - started) / 1000;
    results.rows.push(row('k', `reports:rebuild of ${cfg.appeals.toLocaleString('en')} appeals`, `${fmt(rebuildSeconds)} s`, '', null, '', null, 'chunks of 5000, one transaction each'));
  }
  // Autovacuum is off on the bench's PostgreSQL (and the kept dataset was seen without statistics):
  // without them the keyset chunks of the CSV were planned as bitmap scans of every appeal (2.5 s
  // a chunk at 1M) and the report scans on default estimates. A served database has autoanalyze.
  // And autovacuum: the rebuild leaves report_daily with a dead version of most rows (each chunk
  // adds to them), and the freshly generated appeals have no visibility map, so the index-only
  // scans the reports are planned for (appeals_open_groups) would visit the heap anyway.
  await ctx.onDb(db, (c) => c.query('VACUUM (ANALYZE) appeals, report_daily, report_intake_hours, report_durations, report_assignee_daily, report_appeal_facts'));

  const server = await startServer(db, 'reports');
  try {
    const base = server.base;
    const { accessToken: token } = await api(base, 'POST', '/api/v1/auth/login', { body: DEMO_ADMIN });
    const today = new Date();
    const from = day(new Date(today.getTime() - 89 * 86_400_000));
    const to = day(today);
    const period = `period=custom&from=${from}&to=${to}`;
    const inPeriod = (col) => `${col} >= '${from}T00:00:00+03:00' AND ${col} < ('${to}'::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow'`;
    const scenarios = [
      {
        name: 'volume',
        sql: `SELECT department_id, count(*) FILTER (WHERE ${inPeriod('registered_at')}), count(*) FILTER (WHERE ${inPeriod('answered_at')}), count(*) FILTER (WHERE status = 'closed' AND ${inPeriod('closed_at')}) FROM appeals WHERE status <> 'draft' GROUP BY 1`,
      },
      {
        name: 'sla',
        sql: `SELECT count(*), count(*) FILTER (WHERE answered_at <= due_at), percentile_cont(0.5) WITHIN GROUP (ORDER BY answered_at - registered_at) FROM appeals WHERE status <> 'draft' AND ${inPeriod('answered_at')}`,
      },
      { name: 'backlog', sql: `SELECT status, overdue, count(*) FROM appeals WHERE status IN ('registered','in_progress','awaiting_approval','awaiting_citizen') GROUP BY 1, 2` },
      { name: 'quality', sql: `SELECT rating, count(*) FROM appeals WHERE rating IS NOT NULL AND ${inPeriod('rated_at')} GROUP BY 1` },
      { name: 'gratitude', sql: `SELECT category_id, count(*) FROM appeals WHERE type = 'gratitude' AND status <> 'draft' AND ${inPeriod('registered_at')} GROUP BY 1` },
      { name: 'operators', sql: `SELECT assignee_id, count(*) FILTER (WHERE ${inPeriod('registered_at')}), count(*) FILTER (WHERE ${inPeriod('answered_at')}) FROM appeals WHERE assignee_id IS NOT NULL GROUP BY 1` },
    ];
    results.reports = [];
    for (const s of scenarios) {
      const path = `/api/v1/reports/${s.name}?${period}`;
      await api(base, 'GET', path, { token });
      await cannon({ base, path, token, connections: 1, seconds: 2 });
      const r = await cannon({ base, path, token, connections: cfg.readConnections, seconds: cfg.readSeconds, rate: cfg.readRate });
      const scanMs = await dbExecutionMs(db, s.sql);
      const pass = r.p95 <= TARGETS.reportP95 && r.failed === 0;
      results.reports.push({ name: s.name, ...r, rawScanMs: scanMs, pass });
      results.rows.push(row('k', `report ${s.name} p95 (90 days, all departments)`, `${fmt(r.p95)} ms`, `raw SQL scan ${fmt(scanMs)} ms`, null, `≤ ${TARGETS.reportP95} ms`, pass, `p50 ${fmt(r.p50)} ms`));
    }

    if (!latencyOnly) await rollupLag(results, ctx, db, base);
  } finally {
    await server.stop();
  }
  if (!latencyOnly) await csvExport(results, ctx, db);
}

/** Phase k.3: the lag from an appeal's commit to its being counted in the rollups, under a steady intake. */
async function rollupLag(results, ctx, db, base) {
  const { cfg, log, onDb, submitSetup, row, fmt, percentile } = ctx;
  const { setupRequest } = await submitSetup(base);
  const received = (c) => c.query(`SELECT coalesce(sum(received), 0)::bigint AS n FROM report_daily`).then((r) => Number(r.rows[0].n));
  const total = Math.round(cfg.intakeRate * cfg.intakeSeconds);
  log(`reports: rollup lag: ${cfg.intakeRate} filings/s for ${cfg.intakeSeconds} s (${total} filings)`);
  await onDb(db, async (c) => {
    const before = await received(c);
    const pending = new Map(); // appeal id → when its 201 arrived (ms)
    const lags = [];
    let accepted = 0;
    let refused = 0;
    let firstError = '';
    const file = async () => {
      const req = setupRequest({ headers: {} });
      try {
        const res = await fetch(`${base}/api/v1/appeals`, { method: 'POST', headers: req.headers, body: req.body });
        const at = Date.now();
        const body = await res.json().catch(() => null);
        if (res.status !== 201 || !body?.id) {
          refused++;
          firstError ||= `${res.status} ${JSON.stringify(body).slice(0, 200)}`;
          return;
        }
        accepted++;
        pending.set(body.id, at);
      } catch (error) {
        refused++;
        firstError ||= String(error);
      }
    };
    const poll = async () => {
      if (pending.size === 0) return;
      // A row the poll's snapshot sees was committed before the poll began.
      const at = Date.now();
      const { rows } = await c.query(`SELECT appeal_id FROM report_appeal_facts WHERE appeal_id = ANY($1::uuid[])`, [[...pending.keys()]]);
      for (const { appeal_id: id } of rows) {
        lags.push((at - pending.get(id)) / 1000);
        pending.delete(id);
      }
    };
    // Filings at a fixed pace (not closed-loop: a slow answer does not slow the intake down).
    const started = Date.now();
    const inflight = new Set();
    let polling = Promise.resolve();
    let lastPoll = 0;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / cfg.intakeRate;
      while (Date.now() < due) {
        if (Date.now() - lastPoll >= 250) {
          lastPoll = Date.now();
          polling = polling.then(poll);
        }
        await sleep(Math.min(10, Math.max(1, due - Date.now())));
      }
      const p = file().finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
    const intakeSeconds = (Date.now() - started) / 1000;
    // Then until every accepted filing is counted, or the target is long past.
    const deadline = Date.now() + 3 * TARGETS.rollupLagS * 1000;
    while (pending.size > 0 && Date.now() < deadline) {
      await (polling = polling.then(poll));
      await sleep(250);
    }
    await polling;
    const after = await received(c);
    const sorted = [...lags].sort((a, b) => a - b);
    const p50 = sorted.length ? percentile(sorted, 50) : NaN;
    const p95 = sorted.length ? percentile(sorted, 95) : NaN;
    const max = sorted.length ? sorted[sorted.length - 1] : NaN;
    const counted = after - before;
    const pass = pending.size === 0 && accepted > 0 && counted === accepted && max <= TARGETS.rollupLagS && refused === 0;
    results.reportsRollupLag = { rate: cfg.intakeRate, seconds: cfg.intakeSeconds, intakeSeconds, accepted, refused, firstError, uncounted: pending.size, receivedDelta: counted, p50, p95, max };
    results.rows.push(
      row('k', `rollup lag at ${cfg.intakeRate} filings/s for ${cfg.intakeSeconds} s (p95)`, `${fmt(p95)} s`, `p50 ${fmt(p50)} s, max ${fmt(max)} s`, null, `≤ ${TARGETS.rollupLagS} s`, pass,
        [`${accepted} filed in ${fmt(intakeSeconds)} s, report_daily received +${counted}`, refused ? `${refused} refused (${firstError})` : '', pending.size ? `${pending.size} never counted` : '', 'polled every 250 ms from the 201'].filter(Boolean).join('; ')),
    );
    log(`reports: rollup lag p50 ${fmt(p50)} s, p95 ${fmt(p95)} s, max ${fmt(max)} s; ${accepted} filed, received +${counted}${refused ? `, ${refused} refused: ${firstError}` : ''}`);
  });
}

/**
 * Phase k.4: the whole dataset's appeals as CSV, read as the client receives it, from an API process
 * started for it: the report load before would otherwise count in its peak (V8 keeps the heap
 * it grew to). VmHWM is reset (clear_refs 5) once the process is at rest, so the peak is the
 * stream's; sampled RSS is the fallback where /proc does not allow it.
 */
async function csvExport(results, ctx, db) {
  const { log, startServer, memoryOf, row, fmt, api } = ctx;
  // --trace-gc: the heap left live by each full collection (Mark-Compact) during the stream.
  const nodeArgs = process.env.BENCH_NODE_ARGS;
  process.env.BENCH_NODE_ARGS = [nodeArgs, '--trace-gc'].filter(Boolean).join(' ');
  let server;
  try {
    server = await startServer(db, 'reports-csv');
  } finally {
    if (nodeArgs === undefined) delete process.env.BENCH_NODE_ARGS;
    else process.env.BENCH_NODE_ARGS = nodeArgs;
  }
  const gcLog = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.bench', 'server-reports-csv.log');
  const fullGcs = () => [...readFileSync(gcLog, 'utf8').matchAll(/Mark-Compact ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g)].map((m) => ({ before: Number(m[1]), after: Number(m[3]) }));
  try {
    const { base } = server;
    const pid = server.child.pid;
    const { accessToken: token } = await api(base, 'POST', '/api/v1/auth/login', { body: DEMO_ADMIN });
    const today = new Date();
    const all = `period=custom&from=${day(new Date(today.getTime() - 3 * 365 * 86_400_000))}&to=${day(today)}`;
    // One small export first (the route's code loaded and compiled), then rest.
    const warm = await fetch(`${base}/api/v1/reports/appeals/overdue/export?${all}`, { headers: { authorization: `Bearer ${token}` } });
    await warm.arrayBuffer();
    await sleep(2000);
    const rest = memoryOf(pid).rss;
    let hwmReset = true;
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      hwmReset = false;
    }
    const gcsBefore = fullGcs();
    let sampled = rest;
    const sampler = setInterval(() => (sampled = Math.max(sampled, memoryOf(pid).rss)), 20);
    const t0 = Date.now();
    const res = await fetch(`${base}/api/v1/reports/appeals/received/export?${all}`, { headers: { authorization: `Bearer ${token}` } });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const seconds = (Date.now() - t0) / 1000;
    clearInterval(sampler);
    const end = memoryOf(pid);
    sampled = Math.max(sampled, end.rss);
    const peak = hwmReset ? Math.max(end.hwm, sampled) : sampled;
    const rows = lines - 1;
    const pass = res.status === 200 && seconds <= TARGETS.csvSeconds && peak <= TARGETS.csvRssMb;
    const restHeap = gcsBefore.at(-1)?.after ?? NaN;
    const during = fullGcs().slice(gcsBefore.length);
    const liveMax = during.length ? Math.max(...during.map((g) => g.after)) : NaN;
    const heapMax = during.length ? Math.max(...during.map((g) => g.before)) : NaN;
    results.reportsCsv = { status: res.status, rows, bytes, seconds, peakRssMb: peak, restRssMb: rest, sampledPeakMb: sampled, hwmReset, fullGcs: during, restLiveHeapMb: restHeap };
    results.rows.push(row('k', `CSV of ${rows.toLocaleString('en')} appeals (received, 3 years)`, `${fmt(seconds)} s`, `${fmt(bytes / 1048576)} MB`, null, `≤ ${TARGETS.csvSeconds} s`, res.status === 200 && seconds <= TARGETS.csvSeconds, res.status === 200 ? '' : `HTTP ${res.status}`));
    results.rows.push(
      row('k', 'API peak RSS while streaming that CSV (fresh process)', `${fmt(peak)} MB`, `at rest ${fmt(rest)} MB, stream +${fmt(peak - rest)} MB`, null, `≤ ${TARGETS.csvRssMb} MB`, peak <= TARGETS.csvRssMb,
        [hwmReset ? 'peak: VmHWM, reset when the process was at rest' : 'peak: RSS sampled every 20 ms',
          during.length ? `${during.length} full GCs during the stream: V8 heap up to ${fmt(heapMax)} MB, live after each at most ${fmt(liveMax)} MB` : 'no full GC during the stream'].join('; ')),
    );
    log(`reports: CSV ${rows} rows, ${fmt(bytes / 1048576)} MB in ${fmt(seconds)} s, peak RSS ${fmt(peak)} MB (at rest ${fmt(rest)} MB) (${pass ? 'pass' : 'FAIL'})`);
  } finally {
    await server.stop();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
