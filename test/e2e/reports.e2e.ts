import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { DEMO } from './support/api';
import { cliEnvOf, runCli } from './support/cli';
import { call, Reply } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';

/** The text of a PDF as poppler's pdftotext reads it (layout kept: a table row stays on one line; without it, a cell's wrapped text stays together). */
function pdfText(pdf: Buffer, layout = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reports (issue 14) end to end on a dedicated server whose clock the test moves: a known set of
 * appeals is filed and worked through the API in March 2026 (the official calendar: Mar 9 off),
 * the scheduler marks the late ones overdue, and every report figure is checked against the same
 * figure computed by direct SQL over the appeals' own tables — working-day durations counted in
 * SQL from the production calendar table. Then the rollups are rebuilt and must come out equal,
 * redelivered events must change nothing, a department's supervisor sees only their subtree (in
 * reports, drill-down and exports) and an operator is refused.
 */
const MSK = (local: string) => new Date(`${local}+03:00`);
const MARCH = { period: 'custom', from: '2026-03-01', to: '2026-03-31' };
const IN_MARCH = (col: string) => `${col} >= '2026-03-01T00:00:00+03:00' AND ${col} < '2026-04-01T00:00:00+03:00'`;
/** Working days after the Moscow day of `from` up to and including the Moscow day of `to`, from production_calendar_years. */
const WD = (from: string, to: string) => `(SELECT count(*) FROM generate_series((${from} AT TIME ZONE 'Europe/Moscow')::date + 1, (${to} AT TIME ZONE 'Europe/Moscow')::date, interval '1 day') g(d)
  LEFT JOIN production_calendar_years y ON y.year = extract(year FROM g.d)::int
  WHERE (extract(isodow FROM g.d) < 6 OR g.d::date = ANY(coalesce(y.working, '{}'))) AND NOT (g.d::date = ANY(coalesce(y.non_working, '{}'))))`;
const OPEN = `('registered', 'in_progress', 'awaiting_approval', 'awaiting_citizen')`;
/** report_daily's columns but its surrogate key, in the order ROLLUPS_FROM_FACTS gives them. */
const DAILY_COLUMNS = `day, department_id, category_id, subcategory_id, type, channel, region, received, answered, answered_on_time, answer_wd_sum,
  closed, reacted, reacted_on_time, reaction_wd_sum, extended, redirected, redirects, rated, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5, repeats`;
/** The daily rollups derived in SQL from the per-appeal figures: what report_daily must hold. */
const ROLLUPS_FROM_FACTS = `
  SELECT c.day, f.department_id, f.category_id, f.subcategory_id, f.type, f.channel, f.region,
         sum(c.received)::int AS received, sum(c.answered)::int AS answered, sum(c.answered_on_time)::int AS answered_on_time, sum(c.answer_wd_sum)::bigint AS answer_wd_sum,
         sum(c.closed)::int AS closed, sum(c.reacted)::int AS reacted, sum(c.reacted_on_time)::int AS reacted_on_time, sum(c.reaction_wd_sum)::bigint AS reaction_wd_sum,
         sum(c.extended)::int AS extended, sum(c.redirected)::int AS redirected, sum(c.redirects)::int AS redirects, sum(c.rated)::int AS rated, sum(c.rating_sum)::int AS rating_sum,
         sum(c.r1)::int AS rating_1, sum(c.r2)::int AS rating_2, sum(c.r3)::int AS rating_3, sum(c.r4)::int AS rating_4, sum(c.r5)::int AS rating_5,
         sum(c.repeats)::int AS repeats
    FROM report_appeal_facts f
    CROSS JOIN LATERAL (VALUES
      (f.registered_on, 1, 0, 0, 0, 0, 0, 0, 0, f.extended::int, (f.redirects > 0)::int, f.redirects, 0, 0, 0, 0, 0, 0, 0, f.repeat::int),
      (f.answered_on, 0, 1, f.answered_on_time::int, f.answer_wd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      (f.first_reaction_on, 0, 0, 0, 0, 0, 1, f.first_reaction_on_time::int, f.first_reaction_wd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      (f.closed_on, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      (f.rated_on, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, f.rating, (f.rating = 1)::int, (f.rating = 2)::int, (f.rating = 3)::int, (f.rating = 4)::int, (f.rating = 5)::int, 0)
    ) AS c(day, received, answered, answered_on_time, answer_wd_sum, closed, reacted, reacted_on_time, reaction_wd_sum, extended, redirected, redirects, rated, rating_sum, r1, r2, r3, r4, r5, repeats)
   WHERE c.day IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7`;

/** report_daily_summary's columns but its surrogate key: report_daily's without subcategory and region. */
const SUMMARY_COLUMNS = DAILY_COLUMNS.replace('subcategory_id, ', '').replace('region, ', '');
/** The summary rollup derived in SQL from the per-appeal figures (through ROLLUPS_FROM_FACTS): what report_daily_summary must hold. */
const SUMMARY_FROM_FACTS = `
  SELECT day, department_id, category_id, type, channel,
         ${SUMMARY_COLUMNS.split(',').slice(5).map((c) => `sum(${c.trim()})::${/_wd_sum$/.test(c.trim()) ? 'bigint' : 'int'} AS ${c.trim()}`).join(', ')}
    FROM (${ROLLUPS_FROM_FACTS}) d GROUP BY 1, 2, 3, 4, 5`;

/** The heat map's rollup derived in SQL from the per-appeal figures: what report_intake_hours must hold. */
const INTAKE_HOURS_FROM_FACTS = `
  SELECT f.registered_on AS day, f.department_id, extract(hour FROM f.registered_at AT TIME ZONE 'Europe/Moscow')::int AS hour, count(*)::int AS received
    FROM report_appeal_facts f GROUP BY 1, 2, 3`;

/** The sla medians' working-day histogram derived in SQL from the per-appeal figures: what report_durations must hold. */
const DURATIONS_FROM_FACTS = `
  SELECT day, department_id, measure, wd, count(*)::int AS count FROM (
    SELECT f.answered_on AS day, f.department_id, 'answer' AS measure, f.answer_wd AS wd FROM report_appeal_facts f WHERE f.answered_on IS NOT NULL
    UNION ALL
    SELECT f.first_reaction_on, f.department_id, 'reaction', f.first_reaction_wd FROM report_appeal_facts f WHERE f.first_reaction_on IS NOT NULL
  ) x GROUP BY 1, 2, 3, 4`;

/** The operators' per-assignee daily rollup derived in SQL from the per-appeal figures: what report_assignee_daily must hold. */
const ASSIGNEE_DAYS_FROM_FACTS = `
  SELECT day, department_id, assignee_id, sum(assigned)::int AS assigned, sum(answered)::int AS answered, sum(answer_wd_sum)::int AS answer_wd_sum FROM (
    SELECT f.registered_on AS day, f.department_id, f.assignee_id, 1 AS assigned, 0 AS answered, 0 AS answer_wd_sum FROM report_appeal_facts f WHERE f.assignee_id IS NOT NULL
    UNION ALL
    SELECT f.answered_on, f.department_id, f.assignee_id, 0, 1, f.answer_wd FROM report_appeal_facts f WHERE f.assignee_id IS NOT NULL AND f.answered_on IS NOT NULL
  ) x GROUP BY 1, 2, 3`;

describe('reports: figures equal direct SQL, rollups rebuild, scope', () => {
  let server: RunningServer;
  let db: Client;
  const tokens: Record<string, string> = {};
  const categories: Record<string, string> = {};
  const parents: Record<string, string> = {};
  const departments: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const api = (method: string, path: string, body?: unknown, token?: string): Promise<Reply> => call(server.baseUrl, method, path, body, token);
  const ok = async (method: string, path: string, body?: unknown, token?: string): Promise<any> => {
    const res = await api(method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const setNow = (at: Date) => ok('PUT', '/api/v1/test/clock', { offsetMs: at.getTime() - Date.now() });
  const file = async (key: string, who: string, type: string, category: string) => {
    const parent = parents[category];
    const placed = parent ? { categoryId: categories[parent], subcategoryId: categories[category] } : { categoryId: categories[category] };
    const body: Record<string, unknown> = { type, ...placed, subject: `Отчёт ${key}`, text: 'Прошу рассмотреть обращение.' };
    ids[key] = (await ok('POST', '/api/v1/appeals', body, tokens[who])).id;
  };
  const staff = (key: string, action: string, body: unknown = {}, who = 'operator') => ok('POST', `/api/v1/staff/appeals/${ids[key]}/actions/${action}`, body, tokens[who]);
  const answer = (key: string, who = 'operator') => ok('POST', `/api/v1/staff/appeals/${ids[key]}/answer`, { result: 'done', resultCode: 1, text: 'Ответ по существу' }, tokens[who]);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const report = (name: string, token: string, params: Record<string, string> = MARCH) => ok('GET', `/api/v1/reports/${name}?${q(params)}`, undefined, token);
  const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
  const one = async (sql: string, params: unknown[] = []) => (await rows(sql, params))[0];

  /** Every appeal event handed to the rollups consumer, and done. */
  const rollupsCaughtUp = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { pending } = await one(
        `SELECT (SELECT count(*) FROM outbox WHERE dispatched_at IS NULL AND aggregate_type = 'appeal')
              + (SELECT count(*) FROM event_deliveries WHERE consumer = 'reporting.rollups' AND status <> 'done') AS pending`,
      );
      if (Number(pending) === 0) return;
      if (Date.now() > deadline) throw new Error(`rollups still ${pending} events behind`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const snapshot = async () => ({
    daily: await rows(`SELECT ${DAILY_COLUMNS} FROM report_daily WHERE received + answered + closed + reacted + rated + extended + redirects + repeats <> 0 ORDER BY day, department_id, category_id, subcategory_id, type, channel, region`),
    facts: await rows(`SELECT * FROM report_appeal_facts ORDER BY appeal_id`).then((r) => r.map(({ updated_at: _, ...rest }) => rest)),
    hours: await rows(`SELECT day, department_id, hour::int AS hour, received FROM report_intake_hours WHERE received <> 0 ORDER BY day, department_id, hour`),
    summary: await rows(
      `SELECT ${SUMMARY_COLUMNS} FROM report_daily_summary WHERE received + answered + closed + reacted + rated + extended + redirects + repeats <> 0 ORDER BY day, department_id, category_id, type, channel`,
    ),
    durations: await rows(`SELECT day, department_id, measure, wd, count FROM report_durations WHERE count <> 0 ORDER BY day, department_id, measure, wd`),
    assigneeDays: await rows(
      `SELECT day, department_id, assignee_id, assigned, answered, answer_wd_sum::int AS answer_wd_sum FROM report_assignee_daily
        WHERE assigned <> 0 OR answered <> 0 ORDER BY day, department_id, assignee_id`,
    ),
  });
  /** The appeals whose stored repeat fact differs from direct SQL over the appeals (an earlier appeal of the author in the category). */
  const wrongRepeatFacts = () =>
    rows(
      `SELECT f.appeal_id, f.repeat FROM report_appeal_facts f JOIN appeals a ON a.id = f.appeal_id
        WHERE f.repeat IS DISTINCT FROM (a.citizen_id IS NOT NULL AND EXISTS (SELECT 1 FROM appeals p WHERE p.citizen_id = a.citizen_id AND p.category_id = a.category_id
                                          AND p.status <> 'draft' AND p.registered_at < a.registered_at))
           OR f.citizen_id IS DISTINCT FROM a.citizen_id`,
    );
  const cliEnv = () => cliEnvOf(server);
  /** The department subtree as SQL, rooted at $1. */
  const TREE = `WITH RECURSIVE tree AS (SELECT id FROM departments WHERE id = $1 UNION SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id)`;

  /** Every figure the reports show, by direct SQL over appeals, for the subtree of $1 and March. */
  const expected = async (root: string) => {
    const scoped = `a.department_id IN (SELECT id FROM tree) AND a.status <> 'draft'`;
    const volume = await one(
      `${TREE} SELECT
         count(*) FILTER (WHERE ${IN_MARCH('a.registered_at')})::int AS received,
         count(*) FILTER (WHERE ${IN_MARCH('a.answered_at')})::int AS answered,
         count(*) FILTER (WHERE a.status = 'closed' AND ${IN_MARCH('a.closed_at')})::int AS closed
       FROM appeals a WHERE ${scoped}`,
      [root],
    );
    const sla = await one(
      `${TREE}, x AS (SELECT a.*, ${WD('a.registered_at', 'a.answered_at')} AS answer_wd, ${WD('a.registered_at', 'a.first_reaction_at')} AS reaction_wd,
                         (SELECT count(*) FROM appeal_history h WHERE h.appeal_id = a.id AND h.event = 'redirected') AS redirects
                    FROM appeals a WHERE ${scoped})
       SELECT
         count(*) FILTER (WHERE ${IN_MARCH('answered_at')})::int AS answered,
         count(*) FILTER (WHERE ${IN_MARCH('answered_at')} AND (due_at IS NULL OR answered_at <= due_at))::int AS "answeredOnTime",
         count(*) FILTER (WHERE ${IN_MARCH('first_reaction_at')})::int AS reacted,
         count(*) FILTER (WHERE ${IN_MARCH('first_reaction_at')} AND (first_response_due_at IS NULL OR first_reaction_at <= first_response_due_at))::int AS "reactedOnTime",
         avg(answer_wd) FILTER (WHERE ${IN_MARCH('answered_at')})::float8 AS "meanAnswerWorkingDays",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY answer_wd) FILTER (WHERE ${IN_MARCH('answered_at')}) AS "medianAnswerWorkingDays",
         avg(reaction_wd) FILTER (WHERE ${IN_MARCH('first_reaction_at')})::float8 AS "meanReactionWorkingDays",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY reaction_wd) FILTER (WHERE ${IN_MARCH('first_reaction_at')}) AS "medianReactionWorkingDays",
         count(*) FILTER (WHERE ${IN_MARCH('registered_at')} AND extended)::int AS extended,
         count(*) FILTER (WHERE ${IN_MARCH('registered_at')} AND redirects > 0)::int AS redirected,
         coalesce(sum(redirects) FILTER (WHERE ${IN_MARCH('registered_at')}), 0)::int AS redirects
       FROM x`,
      [root],
    );
    const now = await one(
      `${TREE} SELECT count(*)::int AS open, count(*) FILTER (WHERE a.overdue)::int AS overdue, count(*) FILTER (WHERE a.escalated)::int AS escalated
         FROM appeals a WHERE ${scoped} AND a.status IN ${OPEN}`,
      [root],
    );
    const ratings = await rows(
      `${TREE} SELECT a.rating, count(*)::int AS n FROM appeals a WHERE ${scoped} AND a.rating IS NOT NULL AND ${IN_MARCH('a.rated_at')} GROUP BY 1 ORDER BY 1`,
      [root],
    );
    const average = await one(`${TREE} SELECT avg(a.rating)::float8 AS avg FROM appeals a WHERE ${scoped} AND a.rating IS NOT NULL AND ${IN_MARCH('a.rated_at')}`, [root]);
    const gratitude = await rows(
      `${TREE} SELECT a.category_id AS key, count(*)::int AS count FROM appeals a WHERE ${scoped} AND a.type = 'gratitude' AND ${IN_MARCH('a.registered_at')} GROUP BY 1 ORDER BY 1`,
      [root],
    );
    const operators = await rows(
      `${TREE} SELECT a.assignee_id AS "assigneeId",
              count(*) FILTER (WHERE ${IN_MARCH('a.registered_at')})::int AS assigned,
              count(*) FILTER (WHERE ${IN_MARCH('a.answered_at')})::int AS answered,
              count(*) FILTER (WHERE a.status IN ${OPEN})::int AS "openNow"
         FROM appeals a WHERE ${scoped} AND a.assignee_id IS NOT NULL GROUP BY 1 ORDER BY 1`,
      [root],
    );
    return { volume, sla, now, ratings, average: average.avg as number | null, gratitude, operators };
  };

  const compare = async (root: string, token: string, params: Record<string, string>) => {
    const want = await expected(root);
    const volume = await report('volume', token, params);
    expect(volume.totals).toEqual({ ...want.volume, registered: want.volume.received });
    expect(volume.byDay.reduce((n: number, d: any) => n + d.received, 0)).toBe(want.volume.received);
    expect(volume.heatMap.reduce((n: number, c: any) => n + c.count, 0)).toBe(want.volume.received);
    // Cell by cell: intake by Moscow weekday × hour, by direct SQL.
    const heat = await rows(
      `${TREE} SELECT extract(isodow FROM a.registered_at AT TIME ZONE 'Europe/Moscow')::int AS weekday, extract(hour FROM a.registered_at AT TIME ZONE 'Europe/Moscow')::int AS hour,
              count(*)::int AS count
         FROM appeals a WHERE a.department_id IN (SELECT id FROM tree) AND a.status <> 'draft' AND ${IN_MARCH('a.registered_at')} GROUP BY 1, 2 ORDER BY 1, 2`,
      [root],
    );
    expect(volume.heatMap).toEqual(heat);

    const sla = await report('sla', token, params);
    const t = sla.totals;
    for (const k of ['answered', 'answeredOnTime', 'reacted', 'reactedOnTime', 'extended', 'redirected', 'redirects']) expect([k, t[k]]).toEqual([k, want.sla[k]]);
    for (const k of ['meanAnswerWorkingDays', 'medianAnswerWorkingDays', 'meanReactionWorkingDays', 'medianReactionWorkingDays']) {
      if (want.sla[k] === null) expect(t[k]).toBeNull();
      else expect(t[k]).toBeCloseTo(want.sla[k], 10);
    }
    expect(t.answeredOnTimeShare).toBeCloseTo(want.sla.answeredOnTime / want.sla.answered, 10);
    expect(t.reactedOnTimeShare).toBeCloseTo(want.sla.reactedOnTime / want.sla.reacted, 10);
    expect(sla.overdueNow.total).toBe(want.now.overdue);

    const backlog = await report('backlog', token, params);
    expect({ open: backlog.open, overdue: backlog.overdue, escalated: backlog.escalated }).toEqual(want.now);
    expect(backlog.byStatusAndAge.reduce((n: number, c: any) => n + c.count, 0)).toBe(want.now.open);

    const quality = await report('quality', token, params);
    expect(quality.distribution.filter((d: any) => d.count > 0)).toEqual(want.ratings.map((r: any) => ({ score: r.rating, count: r.n })));
    if (want.average === null) expect(quality.average).toBeNull();
    else expect(quality.average).toBeCloseTo(want.average, 10);

    const repeats = await one(
      `${TREE} SELECT count(*)::int AS n FROM appeals a WHERE a.department_id IN (SELECT id FROM tree) AND a.status <> 'draft' AND a.citizen_id IS NOT NULL AND ${IN_MARCH('a.registered_at')}
         AND EXISTS (SELECT 1 FROM appeals p WHERE p.citizen_id = a.citizen_id AND p.category_id = a.category_id AND p.status <> 'draft' AND p.registered_at < a.registered_at)`,
      [root],
    );
    expect(quality.repeats).toBe(repeats.n);
    // Every appeal's stored repeat fact (what the report sums) is what the appeals say now.
    expect(await wrongRepeatFacts()).toEqual([]);
    const reviews = await rows(
      `${TREE} SELECT a.review_outcome AS key, count(*)::int AS count FROM appeals a WHERE a.department_id IN (SELECT id FROM tree) AND ${IN_MARCH('a.reviewed_at')} GROUP BY 1 ORDER BY 1`,
      [root],
    );
    expect(quality.reviews).toEqual(reviews);

    const gratitude = await report('gratitude', token, params);
    expect([...gratitude.byCategory].sort((a: any, b: any) => a.key.localeCompare(b.key))).toEqual(want.gratitude);

    const operators = await report('operators', token, params);
    expect(
      operators.items.map((o: any) => ({ assigneeId: o.assigneeId, assigned: o.assigned, answered: o.answered, openNow: o.openNow })).sort((a: any, b: any) => a.assigneeId.localeCompare(b.assigneeId)),
    ).toEqual(want.operators);
    return { want, volume, sla, backlog };
  };

  beforeAll(async () => {
    // RETENTION_MODE=delete: the last test moves the clock past the retention period.
    server = await startServer({ CLOCK_CONTROL: 'true', SLA_TICK_SECONDS: '1', RETENTION_MODE: 'delete' });
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    const created = runCli(['user:create', '--role', 'supervisor', '--email', 'tech-head@demo.otklik.local', '--password', 'TechHead#2026demo', '--department', 'tech-support', '--name', 'Руководитель техподдержки'], cliEnv());
    if (created.status !== 0) throw new Error(created.out);
    const logins: Record<string, { login: string; password: string }> = {
      citizen: DEMO.citizen,
      citizen2: DEMO.citizen2,
      operator: DEMO.operator,
      operator2: { login: 'operator2@demo.otklik.local', password: 'Operator#Demo2026' },
      supervisor: DEMO.supervisor,
      admin: DEMO.admin,
      techHead: { login: 'tech-head@demo.otklik.local', password: 'TechHead#2026demo' },
    };
    for (const [who, creds] of Object.entries(logins)) tokens[who] = (await ok('POST', '/api/v1/auth/login', creds)).accessToken;
    const tree = await ok('GET', '/api/v1/catalog/categories');
    for (const c of tree.flatMap((t: any) => [t, ...t.children])) categories[c.code] = c.id;
    for (const t of tree) for (const c of t.children) parents[c.code] = t.code;
    for (const d of await rows(`SELECT id, code FROM departments`)) departments[d.code] = d.id;

    // Mon 2 March 2026, 10:00 Moscow: seven appeals, three taken at once.
    await setNow(MSK('2026-03-02T10:00:00'));
    await file('q1', 'citizen', 'question', 'tech-problems');
    await file('q2', 'citizen2', 'question', 'tech-cabinet');
    await file('q3', 'citizen', 'question', 'tech');
    await file('c1', 'citizen', 'complaint', 'tech');
    await file('r1', 'citizen2', 'complaint', 'tech');
    await file('f1', 'citizen', 'question', 'finance');
    await file('g1', 'citizen', 'gratitude', 'gratitude-quality');
    await file('g2', 'citizen2', 'gratitude', 'gratitude-speed');
    await file('p1', 'citizen2', 'question', 'general');
    await setNow(MSK('2026-03-02T10:30:00'));
    await staff('q1', 'take');
    await staff('q2', 'take');
    await staff('c1', 'take');
    await staff('c1', 'extend', { reason: 'Нужна проверка в смежном ведомстве', days: 10 });
    await staff('r1', 'redirect', { departmentId: departments.finance, reason: 'Вопрос финансового отдела' });
    // Tue 3 March: q1 answered (1 working day).
    await setNow(MSK('2026-03-03T12:00:00'));
    await answer('q1');
    // Thu 5 March: q3 taken late (first reaction after 24 h), q2 answered (3 working days).
    await setNow(MSK('2026-03-05T15:00:00'));
    await staff('q3', 'take', {}, 'operator2');
    await answer('q2');
    // Wed 11 March (Mar 7–9 off): c1 answered in time, q3 after its deadline (10 March); f1 and p1 are overdue.
    await setNow(MSK('2026-03-11T11:00:00'));
    await answer('c1');
    await answer('q3', 'operator2');
    await ok('POST', `/api/v1/appeals/${ids.q1}/rating`, { score: 2, comment: 'Ответ не помог' }, tokens.citizen);
    await ok('POST', `/api/v1/appeals/${ids.c1}/rating`, { score: 5 }, tokens.citizen);
    await ok('POST', `/api/v1/appeals/${ids.q2}/rating`, { score: 4 }, tokens.citizen2);
    await ok('POST', `/api/v1/appeals/${ids.q2}/actions/close`, {}, tokens.citizen2);
    // The supervisor records the re-review of q1's low rating: the answer stands.
    await staff('q1', 'record-review', { outcome: 'upheld', reason: 'Ответ дан по существу' }, 'supervisor');
    // The scheduler (every second) marks f1 and p1 overdue.
    const deadline = Date.now() + 20_000;
    while (Number((await one(`SELECT count(*) AS n FROM appeals WHERE overdue AND id = ANY($1)`, [[ids.f1, ids.p1]])).n) < 2) {
      if (Date.now() > deadline) throw new Error('the scheduler did not mark f1 and p1 overdue');
      await new Promise((r) => setTimeout(r, 250));
    }
    await rollupsCaughtUp();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    if (server) await stopRunning(server);
  });

  it('every figure of every report equals direct SQL over the appeals (admin: everything; supervisors: their subtree)', async () => {
    const all = await compare(departments.administration, tokens.admin, MARCH);
    // The scenario as designed: four answered (1, 3, 6, 6 working days), one of them late; two overdue now.
    const tech = await compare(departments['tech-support'], tokens.techHead, MARCH);
    expect(tech.sla.totals).toMatchObject({ answered: 4, answeredOnTime: 3, meanAnswerWorkingDays: 4, medianAnswerWorkingDays: 4.5, extended: 1 });
    expect(all.sla.totals.redirected).toBe(1);
    // q1's re-review, recorded in March, counts in the quality report by its outcome.
    expect((await report('quality', tokens.techHead, MARCH)).reviews).toEqual([{ key: 'upheld', count: 1 }]);
    expect(all.sla.overdueNow.total).toBeGreaterThanOrEqual(2);
    await compare(departments.administration, tokens.supervisor, MARCH);
    // The same figures through the filters: one category (with its subcategories), one type, the previous period is empty.
    const filtered = await report('volume', tokens.techHead, { ...MARCH, categoryId: categories.tech, type: 'question' });
    const sqlFiltered = await one(
      `SELECT count(*)::int AS n FROM appeals a WHERE a.department_id = $1 AND a.type = 'question' AND (a.category_id = $2 OR a.subcategory_id = $2) AND ${IN_MARCH('a.registered_at')}`,
      [departments['tech-support'], categories.tech],
    );
    expect(filtered.totals.received).toBe(sqlFiltered.n);
    // A filtered heat map is counted from the per-appeal facts, not the department rollup: the same total.
    expect(filtered.heatMap.reduce((n: number, c: any) => n + c.count, 0)).toBe(sqlFiltered.n);
    expect(filtered.previousPeriod).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(filtered.previousTotals.received).toBe(0);
    // Filtered by type, the sla medians and the operators' counts come from the per-appeal facts (the
    // working-day histogram and the per-assignee rollup are by department only): the same as direct SQL.
    const byType = { ...MARCH, type: 'question' };
    const typedSla = await report('sla', tokens.techHead, byType);
    const typedWant = await one(
      `${TREE} SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${WD('a.registered_at', 'a.answered_at')}) FILTER (WHERE ${IN_MARCH('a.answered_at')}) AS answer,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${WD('a.registered_at', 'a.first_reaction_at')}) FILTER (WHERE ${IN_MARCH('a.first_reaction_at')}) AS reaction
         FROM appeals a WHERE a.department_id IN (SELECT id FROM tree) AND a.status <> 'draft' AND a.type = 'question'`,
      [departments['tech-support']],
    );
    expect(typedWant.answer).not.toBeNull();
    expect([typedSla.totals.medianAnswerWorkingDays, typedSla.totals.medianReactionWorkingDays]).toEqual([typedWant.answer, typedWant.reaction]);
    const typedOperators = await report('operators', tokens.techHead, byType);
    const typedOperatorsWant = await rows(
      `${TREE} SELECT a.assignee_id AS "assigneeId", count(*) FILTER (WHERE ${IN_MARCH('a.registered_at')})::int AS assigned, count(*) FILTER (WHERE ${IN_MARCH('a.answered_at')})::int AS answered
         FROM appeals a WHERE a.department_id IN (SELECT id FROM tree) AND a.status <> 'draft' AND a.type = 'question' AND a.assignee_id IS NOT NULL GROUP BY 1 ORDER BY 1`,
      [departments['tech-support']],
    );
    expect(typedOperatorsWant.length).toBeGreaterThan(0);
    expect(
      typedOperators.items.filter((o: any) => o.assigned + o.answered > 0).map((o: any) => ({ assigneeId: o.assigneeId, assigned: o.assigned, answered: o.answered })).sort((x: any, y: any) => x.assigneeId.localeCompare(y.assigneeId)),
    ).toEqual(typedOperatorsWant.filter((o: any) => o.assigned + o.answered > 0));
    // A month period anchored on a day is the calendar month.
    const month = await report('volume', tokens.techHead, { period: 'month', at: '2026-03-15' });
    expect(month.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(month.totals).toEqual(tech.volume.totals);
  });

  it('drill-down: the staff list with the report’s query counts exactly the report’s number', async () => {
    const params = { ...MARCH, departmentId: departments['tech-support'] };
    const volume = await report('volume', tokens.techHead, params);
    const sla = await report('sla', tokens.techHead, params);
    const backlog = await report('backlog', tokens.techHead, params);
    const total = async (link: string) => (await ok('GET', link, undefined, tokens.techHead)).total as number;
    expect(await total(volume.links.received)).toBe(volume.totals.received);
    expect(await total(volume.links.answered)).toBe(volume.totals.answered);
    expect(await total(volume.links.closed)).toBe(volume.totals.closed);
    expect(await total(sla.overdueNow.link)).toBe(sla.overdueNow.total);
    expect(await total(backlog.link)).toBe(backlog.open);
    // The root supervisor sees the overdue appeals of every department, and the list agrees.
    const rootSla = await report('sla', tokens.supervisor, { ...MARCH, departmentId: departments.administration });
    expect(rootSla.overdueNow.total).toBeGreaterThanOrEqual(2);
    expect((await ok('GET', rootSla.overdueNow.link, undefined, tokens.supervisor)).total).toBe(rootSla.overdueNow.total);
  });

  it('scope: an operator gets 403; a department’s supervisor never sees another department, in reports, drill-down or exports', async () => {
    for (const name of ['volume', 'sla', 'backlog', 'quality', 'gratitude', 'operators']) {
      expect((await api('GET', `/api/v1/reports/${name}?${q(MARCH)}`, undefined, tokens.operator)).status).toBe(403);
    }
    expect((await api('GET', `/api/v1/reports/volume/export?${q(MARCH)}`, undefined, tokens.operator)).status).toBe(403);
    // Finance is outside tech support's subtree.
    expect((await api('GET', `/api/v1/reports/volume?${q({ ...MARCH, departmentId: departments.finance })}`, undefined, tokens.techHead)).status).toBe(403);
    expect((await api('GET', `/api/v1/staff/appeals?departmentId=${departments.finance}&includeSubdepartments=true&withTotal=true`, undefined, tokens.techHead)).status).toBe(403);
    expect((await api('GET', `/api/v1/reports/appeals/received/export?${q({ ...MARCH, departmentId: departments.finance })}`, undefined, tokens.techHead)).status).toBe(403);
    const volume = await report('volume', tokens.techHead);
    expect(volume.byDepartment.map((d: any) => d.key)).toEqual([departments['tech-support']]);
    const sla = await report('sla', tokens.techHead);
    expect(sla.overdueNow.byDepartment.every((d: any) => d.key === departments['tech-support'])).toBe(true);
    // The CSV of the appeals behind «received» lists exactly tech support's, none of finance's.
    const csv = await fetch(`${server.baseUrl}/api/v1/reports/appeals/received/export?${q(MARCH)}`, { headers: { authorization: `Bearer ${tokens.techHead}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('number,type,status,departmentId,categoryId,subcategoryId,assigneeId,registeredAt,firstReactionAt,answeredAt,dueAt,closedAt,overdue,extended,rating');
    expect(lines.length - 1).toBe(volume.totals.received);
    expect(lines.slice(1).every((l) => l.split(',')[3] === departments['tech-support'])).toBe(true);
    const overdueCsv = await fetch(`${server.baseUrl}/api/v1/reports/appeals/overdue/export?${q(MARCH)}`, { headers: { authorization: `Bearer ${tokens.techHead}` } });
    expect((await overdueCsv.text()).trim().split('\n').length - 1).toBe(sla.overdueNow.total);
    const reportCsv = await fetch(`${server.baseUrl}/api/v1/reports/sla/export?${q(MARCH)}`, { headers: { authorization: `Bearer ${tokens.techHead}` } });
    const text = await reportCsv.text();
    expect(text.split('\n')[0]).toBe('section,key,metric,value');
    expect(text).toContain(`totals,,answered,${sla.totals.answered}`);
    expect(text).not.toContain(departments.finance);
    // The same rows as an XLSX workbook, numbers as numbers.
    const xlsx = await fetch(`${server.baseUrl}/api/v1/reports/sla/export?${q({ ...MARCH, format: 'xlsx' })}`, { headers: { authorization: `Bearer ${tokens.techHead}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('sla')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'section', 'key', 'metric', 'value']);
    const cells: unknown[][] = [];
    sheet.eachRow((r) => cells.push(Array.from({ length: 4 }, (_, i) => (r.values as unknown[])[i + 1] ?? ''))); // an empty cell is not stored
    expect(cells).toContainEqual(['totals', '', 'answered', sla.totals.answered]);
    expect(cells.length).toBe(text.trim().split('\n').length);
  });

  it('a report as PDF: its title, period, charts and figures, with names in place of ids, within the supervisor’s scope', async () => {
    const sla = await report('sla', tokens.techHead, MARCH);
    const res = await fetch(`${server.baseUrl}/api/v1/reports/sla/export?${q({ ...MARCH, format: 'pdf' })}`, { headers: { authorization: `Bearer ${tokens.techHead}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="report-sla.pdf"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Соблюдение сроков');
    expect(text).toContain(`Период: ${MARCH.from} — ${MARCH.to}`);
    // The charts (drawn as vectors: their titles and axis labels are text) and the figures table.
    expect(text).toContain('Доля ответов в срок по подразделениям, %');
    expect(text).toContain('Просрочено сейчас по подразделениям');
    const techName = (await one(`SELECT name_ru FROM departments WHERE code = 'tech-support'`)).name_ru as string;
    expect(pdfText(bytes, false).replace(/\s+/g, ' ')).toContain(techName);
    expect(text).not.toContain(departments['tech-support']);
    expect(text).toMatch(new RegExp(`totals\\s+answered\\s+${sla.totals.answered}`));
    // Another department's figures stay out of it, and the format is checked at the edge.
    expect((await api('GET', `/api/v1/reports/sla/export?${q({ ...MARCH, format: 'pdf', departmentId: departments.finance })}`, undefined, tokens.techHead)).status).toBe(403);
    expect((await api('GET', `/api/v1/reports/sla/export?${q({ ...MARCH, format: 'docx' })}`, undefined, tokens.techHead)).status).toBe(422);
    expect((await api('GET', `/api/v1/reports/volume/export?${q({ ...MARCH, format: 'pdf' })}`, undefined, tokens.operator)).status).toBe(403);
  });

  it("today's figures follow a filing within seconds (the consumer runs right after the commit)", async () => {
    const today = () => report('volume', tokens.admin, { period: 'day' });
    const before = (await today()).totals.received;
    const filed = Date.now();
    await file('late', 'citizen2', 'question', 'tech');
    while ((await today()).totals.received !== before + 1) {
      if (Date.now() - filed > 60_000) throw new Error('the rollups did not count the filing within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(Date.now() - filed).toBeLessThan(60_000);
  });

  it('the monthly statutory (ССТУ) form: its column set, topics by the ТОТК code admins set, counts equal to SQL', async () => {
    expect((await api('PATCH', `/api/v1/admin/categories/${categories.tech}/totk-code`, { totkCode: '0003.0011' }, tokens.techHead)).status).toBe(403);
    expect((await api('PATCH', `/api/v1/admin/categories/${categories.tech}/totk-code`, { totkCode: '3.11' }, tokens.admin)).status).toBe(422);
    expect(await ok('PATCH', `/api/v1/admin/categories/${categories.tech}/totk-code`, { totkCode: '0003.0011.0120.0709' }, tokens.admin)).toMatchObject({ code: 'tech', totkCode: '0003.0011.0120.0709' });
    expect((await api('GET', '/api/v1/reports/statutory?month=2026-03', undefined, tokens.operator)).status).toBe(403);
    expect((await api('GET', '/api/v1/reports/statutory?month=2026-13', undefined, tokens.admin)).status).toBe(422);

    const res = await fetch(`${server.baseUrl}/api/v1/reports/statutory?month=2026-03&format=csv`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['Код ТОТК', 'Тематика', 'Поступило', 'Рассмотрено', 'Результат: поддержано', 'Результат: меры приняты', 'Результат: разъяснено', 'Результат: не поддержано', 'Результат: оставлено без ответа']);
    // Tech support's topic: the category and its subcategories (none has a code of its own).
    const tech = lines.find((l) => l[0] === '0003.0011.0120.0709')!;
    const want = await one(
      `SELECT count(*) FILTER (WHERE ${IN_MARCH('a.registered_at')})::int AS received,
              count(*) FILTER (WHERE ${IN_MARCH('a.answered_at')})::int AS considered,
              count(*) FILTER (WHERE ${IN_MARCH('a.answered_at')} AND a.type = 'complaint')::int AS measures
         FROM appeals a WHERE a.category_id = $1 AND a.status <> 'draft'`,
      [categories.tech],
    );
    expect(tech.slice(1, 4)).toEqual(['Техническая поддержка', String(want.received), String(want.considered)]);
    expect(tech[5]).toBe(String(want.measures));
    const total = lines[lines.length - 1];
    expect(total[1]).toBe('Итого');
    const all = await one(`SELECT count(*)::int AS n FROM appeals WHERE status <> 'draft' AND ${IN_MARCH('registered_at')}`);
    expect(total[2]).toBe(String(all.n));
    // The XLSX form has the same columns.
    const xlsx = await fetch(`${server.baseUrl}/api/v1/reports/statutory?month=2026-03`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(lines[0]);
  });

  it('rollups: a rebuild from the appeals, a resumed rebuild and redelivered events all leave the same figures', async () => {
    const before = await snapshot();
    expect(before.facts.length).toBe(Number((await one(`SELECT count(*) AS n FROM appeals WHERE status <> 'draft'`)).n));
    const rebuilt = runCli(['reports:rebuild', '--chunk', '3'], cliEnv());
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.out).toMatch(/reports:rebuild \[#+\] (\d+)\/\1 appeals \(100%\)/);
    expect(await snapshot()).toEqual(before);

    // The rollups are exactly the sum of the per-appeal figures (each counter on its step's day).
    await db.query(`CREATE TEMP TABLE derived AS ${ROLLUPS_FROM_FACTS}`);
    const derived = await rows(`SELECT * FROM derived ORDER BY day, department_id, category_id, subcategory_id, type, channel, region`);
    await db.query(`DROP TABLE derived`);
    expect(derived).toEqual(before.daily);
    expect(await rows(`SELECT * FROM (${INTAKE_HOURS_FROM_FACTS}) x ORDER BY day, department_id, hour`)).toEqual(before.hours);
    expect(await rows(`SELECT * FROM (${SUMMARY_FROM_FACTS}) x ORDER BY day, department_id, category_id, type, channel`)).toEqual(before.summary);
    expect(await rows(`SELECT * FROM (${DURATIONS_FROM_FACTS}) x ORDER BY day, department_id, measure, wd`)).toEqual(before.durations);
    expect(before.summary.length).toBeGreaterThan(0);
    expect(await rows(`SELECT * FROM (${ASSIGNEE_DAYS_FROM_FACTS}) x ORDER BY day, department_id, assignee_id`)).toEqual(before.assigneeDays);
    // Not vacuous: the scenario answers and reacts to appeals in March, and assigns them.
    expect(before.durations.filter((d: any) => d.measure === 'answer').reduce((n: number, d: any) => n + d.count, 0)).toBeGreaterThanOrEqual(4);
    expect(before.assigneeDays.length).toBeGreaterThan(0);

    // A rebuild that crashed after its first chunk (three appeals) left those three appeals' figures
    // and their rollups, committed together; --resume carries on after the third.
    const [third] = await rows(`SELECT appeal_id FROM report_appeal_facts ORDER BY appeal_id OFFSET 2 LIMIT 1`);
    await db.query(`DELETE FROM report_appeal_facts WHERE appeal_id > $1`, [third.appeal_id]);
    await db.query(`TRUNCATE report_daily`);
    await db.query(`INSERT INTO report_daily (${DAILY_COLUMNS}) SELECT * FROM (${ROLLUPS_FROM_FACTS}) x`);
    await db.query(`TRUNCATE report_intake_hours`);
    await db.query(`INSERT INTO report_intake_hours (day, department_id, hour, received) SELECT * FROM (${INTAKE_HOURS_FROM_FACTS}) x`);
    await db.query(`TRUNCATE report_daily_summary, report_durations, report_assignee_daily`);
    await db.query(`INSERT INTO report_daily_summary (${SUMMARY_COLUMNS}) SELECT * FROM (${SUMMARY_FROM_FACTS}) x`);
    await db.query(`INSERT INTO report_durations (day, department_id, measure, wd, count) SELECT * FROM (${DURATIONS_FROM_FACTS}) x`);
    await db.query(`INSERT INTO report_assignee_daily (day, department_id, assignee_id, assigned, answered, answer_wd_sum) SELECT * FROM (${ASSIGNEE_DAYS_FROM_FACTS}) x`);
    await db.query(`UPDATE report_rebuild_state SET after_appeal_id = $1, done = 3, finished_at = NULL`, [third.appeal_id]);
    const resumed = runCli(['reports:rebuild', '--resume'], cliEnv());
    expect(resumed.status).toBe(0);
    expect(JSON.parse(resumed.out.split('\n').find((l) => l.startsWith('{'))!)).toMatchObject({ resumed: true, done: before.facts.length });
    expect(resumed.out).toMatch(/reports:rebuild \[[#.]+\] 3\/\d+ appeals/);
    expect(await snapshot()).toEqual(before);

    // At-least-once: every event of the rollups consumer delivered again changes nothing.
    const dead = await db.query(`UPDATE event_deliveries SET status = 'dead' WHERE consumer = 'reporting.rollups'`);
    expect(dead.rowCount).toBeGreaterThan(10);
    const retried = await ok('POST', '/api/v1/admin/event-deliveries/retry', { consumer: 'reporting.rollups' }, tokens.admin);
    expect(retried.retried).toBe(dead.rowCount);
    await rollupsCaughtUp();
    expect(await snapshot()).toEqual(before);
    await compare(departments.administration, tokens.admin, MARCH);
  });

  it('retention deleting an appeal takes it out of every figure: its appeal.destroyed event reaches the rollups', async () => {
    const before = await report('volume', tokens.admin, MARCH);
    // citizen2 filed q2 (tech › cabinet) before r1 (tech): r1 is a repeat of q2 until q2 is destroyed.
    const repeatOf = async (key: string) => (await one(`SELECT repeat FROM report_appeal_facts WHERE appeal_id = $1`, [ids[key]])).repeat as boolean;
    expect(await repeatOf('r1')).toBe(true);
    const repeatsBefore = (await report('quality', tokens.admin, MARCH)).repeats as number;
    // q2, closed by the citizen on 11 March 2026, is past the three-year retention period in April 2029.
    await setNow(MSK('2029-04-02T10:00:00'));
    const deadline = Date.now() + 30_000;
    while (Number((await one(`SELECT count(*) AS n FROM appeals WHERE id = $1`, [ids.q2])).n) > 0) {
      if (Date.now() > deadline) throw new Error('retention did not delete q2');
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await rows(`SELECT mode FROM retention_destructions WHERE appeal_id = $1`, [ids.q2])).toEqual([{ mode: 'deleted' }]);
    const [event] = await rows(`SELECT payload FROM outbox WHERE event_type = 'appeal.destroyed' AND aggregate_id = $1`, [ids.q2]);
    expect(event.payload).toMatchObject({ appealId: ids.q2, number: expect.anything(), mode: 'deleted' });
    await rollupsCaughtUp();
    expect(await one(`SELECT count(*)::int AS n FROM report_appeal_facts WHERE appeal_id = $1`, [ids.q2])).toEqual({ n: 0 });
    const after = await compare(departments.administration, tokens.admin, MARCH);
    expect(after.volume.totals.received).toBe(before.totals.received - 1);
    // r1 is now citizen2's first appeal in the category: no longer a repeat, and the report says so.
    expect(await repeatOf('r1')).toBe(false);
    expect((await report('quality', tokens.admin, MARCH)).repeats).toBe(repeatsBefore - 1);
  });
});
