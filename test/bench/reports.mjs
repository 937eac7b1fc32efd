// Phase j of `npm run bench` (BENCH_ONLY=reports): the supervisor reports on the BENCH_APPEALS
// dataset (issue 14). See README.md in this folder.
//
//   1. `cli reports:rebuild`: the rollups and per-appeal figures from the appeals (the dataset is
//      written by SQL, not through events), timed.
//   2. each report's p95 over HTTP (admin: every department; a 90-day custom period with the
//      previous 90 days for comparison) beside the same headline figure computed by a raw SQL
//      scan over appeals in the same run (its execution time, EXPLAIN ANALYZE median of 7).
//   3. the CSV of every appeal behind «received» over three years (the whole dataset) streamed
//      to the client: time, bytes, rows, and the API process's peak RSS while it streams.
const TARGETS = { reportP95: 100, csvSeconds: 60, csvRssMb: 300 };
const DEMO_ADMIN = { login: 'admin@demo.otklik.local', password: 'Admin#Demo2026' };

const day = (d) => new Date(d.getTime() + 3 * 3600_000).toISOString().slice(0, 10);

export async function reportsPhase(results, ctx) {
  const { cfg, log, runCli, startServer, benchDataset, cannon, dbExecutionMs, memoryOf, row, fmt, api } = ctx;
  const db = await benchDataset(results, 'reports');
  log(`reports: rebuilding the rollups of ${cfg.appeals.toLocaleString('en')} appeals`);
  const started = Date.now();
  await runCli(db, ['reports:rebuild', '--chunk', '5000'], 60 * 60_000);
  const rebuildSeconds = (Date.now() - started) / 1000;
  results.rows.push(row('k', `reports:rebuild of ${cfg.appeals.toLocaleString('en')} appeals`, `${fmt(rebuildSeconds)} s`, '', null, '', null, 'chunks of 5000, one transaction each'));

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

    // The whole dataset's appeals as CSV, read as the client receives it.
    const all = `period=custom&from=${day(new Date(today.getTime() - 3 * 365 * 86_400_000))}&to=${to}`;
    let peak = memoryOf(server.child.pid).rss;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(server.child.pid).rss)), 20);
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
    peak = Math.max(peak, memoryOf(server.child.pid).rss);
    const rows = lines - 1;
    const pass = res.status === 200 && seconds <= TARGETS.csvSeconds && peak <= TARGETS.csvRssMb;
    results.reportsCsv = { status: res.status, rows, bytes, seconds, peakRssMb: peak };
    results.rows.push(row('k', `CSV of ${rows.toLocaleString('en')} appeals (received, 3 years)`, `${fmt(seconds)} s`, `${fmt(bytes / 1048576)} MB`, null, `≤ ${TARGETS.csvSeconds} s`, seconds <= TARGETS.csvSeconds, ''));
    results.rows.push(row('k', 'API peak RSS while streaming that CSV', `${fmt(peak)} MB`, '', null, `≤ ${TARGETS.csvRssMb} MB`, peak <= TARGETS.csvRssMb, ''));
    log(`reports: CSV ${rows} rows, ${fmt(bytes / 1048576)} MB in ${fmt(seconds)} s, peak RSS ${fmt(peak)} MB (${pass ? 'pass' : 'FAIL'})`);
  } finally {
    await server.stop();
  }
}
