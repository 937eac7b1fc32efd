import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO } from './support/api';
import { addSupervisor } from './support/cli';
import { call, Reply } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';

/**
 * Deadlines end to end on a dedicated server whose clock the test moves (CLOCK_CONTROL) and whose
 * scheduler ticks every second: policies and the calendar as data change the deadlines of new
 * appeals; the scheduler marks overdue appeals once (flags, history, outbox to the department
 * head), closes answered appeals left alone, and destroys personal data after the retention
 * period unless the citizen asked to keep it. Row-level checks need PostgreSQL (DATABASE_URL).
 *
 * Timeline (Moscow time): everything happens in 2027, a year the built-in calendar only knows by
 * Labour Code rules, then three years after the retention test's appeals were closed.
 */
const MSK = (local: string) => new Date(`${local}+03:00`);
const DAY = 86_400_000;
/** The test's clock keeps running after it is set: instants it produces are checked to the minute. */
const near = (iso: string, expected: Date) => expect(Math.abs(Date.parse(iso) - expected.getTime())).toBeLessThan(60_000);
/** An hour after the deadline of the questions filed on 30.04.2027 (due 12.05 23:59:59.999 Moscow). */
const AFTER_DUE = MSK('2027-05-13T01:00:00');

describe('SLA: deadlines, scheduler, retention', () => {
  let server: RunningServer;
  let base: string;
  let db: Client;
  const tokens: Record<'citizen' | 'admin' | 'supervisor' | 'operator', string> = {} as never;
  const categories: Record<string, string> = {};

  const api = async (method: string, path: string, body?: unknown, token?: string): Promise<Reply> => call(base, method, path, body, token);
  const ok = async (method: string, path: string, body?: unknown, token?: string): Promise<any> => {
    const res = await api(method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const setNow = async (at: Date) => ok('PUT', '/api/v1/test/clock', { offsetMs: at.getTime() - Date.now() });
  const file = async (overrides: Record<string, unknown> = {}) =>
    ok('POST', '/api/v1/appeals', { type: 'question', categoryId: categories.general, subject: 'Срок ответа', text: 'Прошу разъяснить порядок.', ...overrides }, tokens.citizen);
  const card = async (id: string) => ok('GET', `/api/v1/appeals/${id}`, undefined, tokens.citizen);
  /** Polls the card until `done` (the scheduler ticks every second). */
  const eventually = async (id: string, done: (c: any) => boolean, ms = 20_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const c = await card(id);
      if (done(c)) return c;
      if (Date.now() > deadline) throw new Error(`timed out; last card: ${JSON.stringify(c).slice(0, 600)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const count = async (sql: string, params: unknown[]) => Number((await db!.query(sql, params)).rows[0].n);
  /** Waits out a few more ticks: whatever a repeated tick would do again shows up by then. */
  const fewTicks = () => new Promise((r) => setTimeout(r, 3500));

  beforeAll(async () => {
    server = await startServer({ CLOCK_CONTROL: 'true', SLA_TICK_SECONDS: '1', AUTO_CLOSE_DAYS: '14', RETENTION_YEARS: '3' });
    base = server.baseUrl;
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    for (const [who, creds] of [['citizen', DEMO.citizen], ['admin', DEMO.admin], ['supervisor', DEMO.supervisor], ['operator', DEMO.operator]] as const) {
      tokens[who] = (await ok('POST', '/api/v1/auth/login', creds)).accessToken;
    }
    const tree = await ok('GET', '/api/v1/catalog/categories');
    for (const c of tree.flatMap((t: any) => [t, ...t.children])) categories[c.code] = c.id;
    await setNow(MSK('2027-04-30T10:00:00'));
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    if (server) await stopRunning(server);
  });

  it('an admin-loaded calendar year moves the deadline of a new appeal', async () => {
    // 2027 by Labour Code: May 1 (Sat) → Mon May 3 off, May 9 (Sun) → Mon May 10 off.
    // A question filed Fri 30.04 10:00: May 4, 5, 6, 7, 11 → due 11.05 23:59:59.999.
    const derived = await ok('GET', '/api/v1/admin/calendar/2027', undefined, tokens.supervisor);
    expect(derived).toMatchObject({ year: 2027, source: 'labour_code', loadedAt: null });
    expect(derived.nonWorking).toEqual(expect.arrayContaining(['2027-05-03', '2027-05-10']));
    const before = await file();
    expect(before.dueAt).toBe('2027-05-11T20:59:59.999Z');

    // The «official» 2027 adds May 4 off and makes Sat May 8 a working day: May 5, 6, 7, 8, 11.
    const nonWorking = [...Array.from({ length: 8 }, (_, i) => `2027-01-0${i + 1}`), '2027-02-23', '2027-03-08', '2027-05-03', '2027-05-04', '2027-05-10', '2027-06-14', '2027-11-04'];
    const loaded = await ok('PUT', '/api/v1/admin/calendar/2027', { nonWorking, working: ['2027-05-08'] }, tokens.admin);
    expect(loaded).toMatchObject({ year: 2027, source: 'official', working: ['2027-05-08'] });
    expect(loaded.loadedAt).toBe(new Date(loaded.loadedAt).toISOString());
    const after = await file();
    expect(after.dueAt).toBe('2027-05-11T20:59:59.999Z');
    // …and with Sat May 8 no longer working, the fifth working day is Wed May 12.
    await ok('PUT', '/api/v1/admin/calendar/2027', { nonWorking, working: [] }, tokens.admin);
    expect((await file()).dueAt).toBe('2027-05-12T20:59:59.999Z');
    // The appeal filed before keeps its deadline.
    expect((await card(before.id)).dueAt).toBe('2027-05-11T20:59:59.999Z');
  });

  it('refuses a calendar with dates outside the year, both working and not, or a weekday made working', async () => {
    const res = await api('PUT', '/api/v1/admin/calendar/2028', { nonWorking: ['2027-12-31', '2028-05-06'], working: ['2028-05-06', '2028-05-09'] }, tokens.admin);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'nonWorking.0', code: 'date_outside_year' }),
        expect.objectContaining({ field: 'working.0', code: 'date_working_and_non_working' }),
        expect.objectContaining({ field: 'working.1', code: 'not_a_weekend' }),
      ]),
    );
    expect((await api('PUT', '/api/v1/admin/calendar/2028', { nonWorking: ['2028-02-30'], working: [] }, tokens.admin)).status).toBe(422);
    expect((await api('PUT', '/api/v1/admin/calendar/1700', { nonWorking: [], working: [] }, tokens.admin)).status).toBe(422);
    expect((await api('PUT', '/api/v1/admin/calendar/2028', { nonWorking: [], working: [] }, tokens.supervisor)).status).toBe(403);
  });

  it('a category-specific SLA policy wins over the type default for new appeals', async () => {
    const policies = await ok('GET', '/api/v1/admin/sla-policies', undefined, tokens.admin);
    expect(policies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'question', categoryId: null, resolutionUnit: 'working_days', resolutionAmount: 5, firstResponseHours: 24 }),
        expect.objectContaining({ type: 'complaint', categoryId: null, resolutionUnit: 'calendar_days', resolutionAmount: 30 }),
        // DOMAIN.md: service-error appeals get 15 working days.
        expect.objectContaining({ type: 'complaint', categoryId: categories['tech-problems'], resolutionUnit: 'working_days', resolutionAmount: 15 }),
      ]),
    );
    const upsert = { type: 'question', categoryId: categories.knowledge, resolutionUnit: 'working_hours', resolutionAmount: 4, firstResponseHours: 1, priorityFirstResponseHours: 1 };
    const saved = await ok('PUT', '/api/v1/admin/sla-policies', upsert, tokens.admin);
    expect(saved).toMatchObject({ ...upsert, reminderLeadHours: 24 });
    // Filed Fri 30.04.2027 10:00 Moscow: 4 office hours → 14:00 the same day; first reaction in 1 h.
    const knowledge = await ok('GET', `/api/v1/appeals/${(await file({ categoryId: categories.knowledge })).id}`, undefined, tokens.citizen);
    near(knowledge.dueAt, MSK('2027-04-30T14:00:00'));
    near(knowledge.firstResponseDueAt, MSK('2027-04-30T11:00:00'));
    // Upserting the same (type, category) replaces it rather than adding a second row.
    await ok('PUT', '/api/v1/admin/sla-policies', { ...upsert, resolutionAmount: 6 }, tokens.admin);
    const rows = (await ok('GET', '/api/v1/admin/sla-policies', undefined, tokens.admin)).filter((p: any) => p.categoryId === categories.knowledge);
    expect(rows).toHaveLength(1);
    expect(rows[0].resolutionAmount).toBe(6);
    // Other categories keep the type default.
    expect((await file()).dueAt).toBe('2027-05-12T20:59:59.999Z');
    const bad = await api('PUT', '/api/v1/admin/sla-policies', { ...upsert, categoryId: '00000000-0000-4000-8000-000000000000', resolutionAmount: 0 }, tokens.admin);
    expect(bad.status).toBe(422);
    expect((await api('PUT', '/api/v1/admin/sla-policies', upsert, tokens.supervisor)).status).toBe(403);
  });

  it('past its deadline an appeal is marked overdue and escalated once, with history for the citizen', async () => {
    const appeal = await file({ categoryId: categories.tech });
    expect(appeal.dueAt).toBe('2027-05-12T20:59:59.999Z');
    await setNow(AFTER_DUE);
    const marked = await eventually(appeal.id, (c) => c.overdue);
    const events = marked.history.map((h: any) => [h.event, h.label, h.actorRole]);
    expect(events).toEqual(expect.arrayContaining([['overdue', 'Просрочено', 'system'], ['escalated', 'Эскалировано', 'system']]));
    await fewTicks();
    const again = await card(appeal.id);
    expect(again.history.filter((h: any) => h.event === 'overdue')).toHaveLength(1);
    expect(again.history.filter((h: any) => h.event === 'escalated')).toHaveLength(1);

    // Escalated to the parent department (administration): its operator, who never saw
    // technical support's appeals, now finds it among the escalations and oversees it.
    const departments: { id: string; code: string }[] = await ok('GET', '/api/v1/staff/departments', undefined, tokens.operator);
    const administration = departments.find((d) => d.code === 'administration')!.id;
    expect(again.escalatedToDepartmentId).toBe(administration);
    const office = (await ok('POST', '/api/v1/auth/login', DEMO.office)).accessToken;
    const escalations = await ok('GET', '/api/v1/staff/appeals?escalated=true&limit=100', undefined, office);
    expect(escalations.items.map((i: any) => i.id)).toContain(appeal.id);
    const queue = await ok('GET', '/api/v1/staff/appeals?limit=100', undefined, office);
    expect(queue.items.map((i: any) => i.id)).not.toContain(appeal.id);
    const overseen = await ok('GET', `/api/v1/staff/appeals/${appeal.id}`, undefined, office);
    expect(overseen.history.map((h: any) => h.event)).toEqual(expect.arrayContaining(['overdue', 'escalated']));
    // Oversight: the thread is open to them, the handling department's actions are not.
    expect(overseen.allowedStaffActions.filter((a: string) => a !== 'redirect')).toEqual([]);
    const take = await api('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, office);
    expect(take.status).toBe(403);
    expect(take.body.code).toBe('oversight_only');
    const note = await api('POST', `/api/v1/appeals/${appeal.id}/messages`, { text: 'Прошу ускорить ответ', internal: true }, office);
    expect(note.status).toBe(201);
    // Files stay with the handling department (and the supervisors above it).
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('Квитанция об оплате №17'))], { type: 'text/plain' }), 'квитанция.txt');
    const uploaded = await fetch(`${base}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens.citizen}` }, body: form });
    expect(uploaded.status).toBe(201);
    const evidence = (await uploaded.json()) as { id: string };
    expect((await api('POST', `/api/v1/appeals/${appeal.id}/materials`, { attachmentIds: [evidence.id] }, tokens.citizen)).status).toBe(200);
    expect((await ok('GET', `/api/v1/staff/appeals/${appeal.id}`, undefined, office)).attachments).toEqual([]);
    expect((await api('GET', `/api/v1/attachments/${evidence.id}`, undefined, office)).status).toBe(404);
    expect((await ok('GET', `/api/v1/staff/appeals/${appeal.id}`, undefined, tokens.operator)).attachments.map((a: any) => a.id)).toEqual([evidence.id]);
    expect((await fetch(`${base}/api/v1/attachments/${evidence.id}`, { headers: { authorization: `Bearer ${tokens.supervisor}` } })).status).toBe(200);
    // The handling department keeps acting on it.
    expect((await api('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, tokens.operator)).status).toBe(200);
    // A sibling department still does not see it.
    const pool = (await ok('POST', '/api/v1/auth/login', DEMO.poolOperator)).accessToken;
    expect((await api('GET', `/api/v1/staff/appeals/${appeal.id}`, undefined, pool)).status).toBe(404);

    const row = (await db.query(`SELECT overdue, escalated, overdue_at, escalated_at, first_reaction_overdue_at FROM appeals WHERE id = $1`, [appeal.id])).rows[0];
    expect(row).toMatchObject({ overdue: true, escalated: true });
    expect(row.overdue_at.getTime()).toBeGreaterThanOrEqual(AFTER_DUE.getTime());
    expect(row.first_reaction_overdue_at).not.toBeNull();
    // tech → tech-support, whose own head is missing: the nearest ancestor's (administration) supervisor is told.
    const ids = (await db.query(`SELECT (SELECT id FROM users WHERE email = $1) AS supervisor, (SELECT id FROM departments WHERE code = 'administration') AS parent`, [DEMO.supervisor.login])).rows[0];
    const outbox = (await db.query(`SELECT event_type, payload FROM outbox WHERE aggregate_id = $1 AND event_type LIKE 'appeal.%overdue' ORDER BY id`, [appeal.id])).rows;
    expect(outbox.map((o) => o.event_type)).toEqual(['appeal.overdue', 'appeal.first_reaction_overdue']);
    expect(outbox[0].payload).toMatchObject({ appealId: appeal.id, recipients: [ids.supervisor], headsDepartmentId: ids.parent, escalatedToDepartmentId: ids.parent });
    expect(marked.escalatedToDepartmentId).toBe(ids.parent);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'appeal.overdue' AND actor_role = 'system'`, [appeal.id])).toBe(1);
    // The tick's escalation is told as the overdue notice alone: no escalated_to_department beside it.
    const kinds = async () => ((await ok('GET', `/api/v1/me/notifications?appealId=${appeal.id}&limit=100`, undefined, tokens.supervisor)).items as { kind: string }[]).map((n) => n.kind);
    const deadline = Date.now() + 20_000;
    while (!(await kinds()).includes('overdue')) {
      if (Date.now() > deadline) throw new Error('no overdue notice');
      await new Promise((r) => setTimeout(r, 250));
    }
    await fewTicks();
    expect((await kinds()).filter((k) => k === 'overdue' || k === 'escalated_to_department')).toEqual(['overdue']);
  });

  it('a paused clock (awaiting_citizen) is not overdue; the assignee is reminded once before the deadline', async () => {
    const paused = await file({ categoryId: categories.tech });
    const reminded = await file({ categoryId: categories.tech });
    const operator = (await db!.query(`SELECT id FROM users WHERE email = $1`, [DEMO.operator.login])).rows[0].id;
    const now = AFTER_DUE;
    await db!.query(`UPDATE appeals SET status = 'awaiting_citizen', sla_paused_at = $2, due_at = $3 WHERE id = $1`, [paused.id, now, new Date(now.getTime() - DAY)]);
    await db!.query(`UPDATE appeals SET status = 'in_progress', assignee_id = $2, first_reaction_at = $3, due_at = $4 WHERE id = $1`, [
      reminded.id,
      operator,
      now,
      new Date(now.getTime() + 5 * 3_600_000),
    ]);
    const deadline = Date.now() + 20_000;
    while ((await count(`SELECT count(*) AS n FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.deadline_approaching'`, [reminded.id])) === 0) {
      if (Date.now() > deadline) throw new Error('no reminder');
      await new Promise((r) => setTimeout(r, 250));
    }
    await fewTicks();
    const reminders = (await db!.query(`SELECT payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.deadline_approaching'`, [reminded.id])).rows;
    expect(reminders).toHaveLength(1);
    expect(reminders[0].payload).toMatchObject({ assigneeId: operator, recipients: [operator] });
    expect((await card(reminded.id)).overdue).toBe(false);
    expect((await card(paused.id)).overdue).toBe(false);
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.overdue'`, [paused.id])).toBe(0);
  });

  it("a department's named head hears of its overdue appeals; unnamed, its supervisors do; only one of its supervisors may be named", async () => {
    const [first, second] = [addSupervisor(server, 'finance'), addSupervisor(server, 'finance')];
    const idOf = async (email: string) => (await db!.query(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id as string;
    const [firstId, secondId, operatorId, rootSupervisorId] = await Promise.all([first.login, second.login, DEMO.operator.login, DEMO.supervisor.login].map(idOf));
    const finance = (await db!.query(`SELECT id FROM departments WHERE code = 'finance'`)).rows[0].id as string;
    const setHead = (headId: string | null, token = tokens.admin) => api('PATCH', `/api/v1/admin/departments/${finance}`, { headId }, token);

    // Not a supervisor, or a supervisor of another department: refused naming the field; a supervisor cannot name one.
    for (const wrong of [operatorId, rootSupervisorId, '00000000-0000-4000-8000-000000000000']) {
      const refused = await setHead(wrong);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'headId', code: 'invalid_department_head' })]);
    }
    expect((await setHead(secondId, tokens.supervisor)).status).toBe(403);
    const named = await setHead(secondId);
    expect(named.status).toBe(200);
    expect(named.body.headId).toBe(secondId);
    const audit = (await db!.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'department.update' ORDER BY id DESC LIMIT 1`, [finance])).rows[0];
    expect(audit.changes).toMatchObject({ headId: { from: null, to: secondId } });

    const overdueNotice = async () => {
      const appeal = await file({ categoryId: categories.finance });
      await db!.query(`UPDATE appeals SET due_at = $2 WHERE id = $1`, [appeal.id, new Date(Date.now() - DAY)]);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const rows = (await db!.query(`SELECT payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.overdue'`, [appeal.id])).rows;
        if (rows.length) return rows[0].payload;
        if (Date.now() > deadline) throw new Error('not marked overdue');
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    // Named: the head alone, not the department's other supervisor.
    expect(await overdueNotice()).toMatchObject({ recipients: [secondId], headsDepartmentId: finance });
    // Unnamed again: every supervisor of the department, as before.
    expect((await setHead(null)).body.headId).toBeNull();
    expect(await overdueNotice()).toMatchObject({ recipients: [firstId, secondId].sort(), headsDepartmentId: finance });
  });

  it('an answered appeal the citizen leaves alone is closed by the system after AUTO_CLOSE_DAYS', async () => {
    const appeal = await file({ categoryId: categories.tech });
    const answeredAt = MSK('2027-05-01T12:00:00');
    await db!.query(`UPDATE appeals SET status = 'resolved', answered_at = $2 WHERE id = $1`, [appeal.id, answeredAt]);
    // 13 days after the answer: still resolved.
    await setNow(new Date(answeredAt.getTime() + 13 * DAY));
    await fewTicks();
    expect((await card(appeal.id)).status).toBe('resolved');
    await setNow(new Date(answeredAt.getTime() + 14 * DAY + 60_000));
    const closed = await eventually(appeal.id, (c) => c.status === 'closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.history.at(-1)).toMatchObject({ event: 'auto_closed', label: 'Закрыто автоматически', fromStatus: 'resolved', toStatus: 'closed', actorRole: 'system' });
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.auto_closed'`, [appeal.id])).toBe(1);
  });

  it('after the retention period personal data are destroyed, unless the citizen asked to keep the appeal', async () => {
    const contact = { phone: '+79990001122', email: 'keep.me@example.ru' };
    const plain = await file({ subject: 'Личные сведения', text: 'Мой адрес: ул. Ленина, 1', contact });
    const kept = await file({ subject: 'Сохранить', text: 'Прошу хранить дольше', contact });
    await ok('POST', `/api/v1/appeals/${plain.id}/messages`, { text: 'Дополнение с личными данными' }, tokens.citizen);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('Паспорт: 4510 123456'))], { type: 'text/plain' }), 'паспорт.txt');
    const uploaded = await fetch(`${base}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens.citizen}` }, body: form });
    const scan = (await uploaded.json()) as { id: string };
    await ok('POST', `/api/v1/appeals/${plain.id}/materials`, { attachmentIds: [scan.id] }, tokens.citizen);
    const stored = join(server.dataDir, 'attachments', 'objects', scan.id.slice(0, 2), scan.id);
    expect(existsSync(stored)).toBe(true);
    for (const a of [plain, kept]) await ok('POST', `/api/v1/appeals/${a.id}/actions/withdraw`, {}, tokens.citizen);
    const closedAt = new Date((await card(plain.id)).closedAt);
    const retentionEnds = new Date(closedAt.getTime() + 3 * 365.25 * DAY + 2 * DAY);
    const until = new Date(retentionEnds.getTime() + 30 * DAY).toISOString().slice(0, 10);

    // The citizen's request: validated (in the future, at most 5 years ahead), owner only.
    const tooFar = await api('POST', `/api/v1/appeals/${kept.id}/retention-extension`, { until: '2099-01-01', reason: 'Долго' }, tokens.citizen);
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.errors[0]).toMatchObject({ field: 'until', code: 'date_too_far' });
    const past = await api('POST', `/api/v1/appeals/${kept.id}/retention-extension`, { until: '2027-01-01', reason: 'Поздно' }, tokens.citizen);
    expect(past.body.errors[0]).toMatchObject({ field: 'until', code: 'date_in_past' });
    const stranger = (await ok('POST', '/api/v1/auth/login', DEMO.citizen2)).accessToken;
    expect((await api('POST', `/api/v1/appeals/${kept.id}/retention-extension`, { until, reason: 'Чужое' }, stranger)).status).toBe(404);
    const extended = await ok('POST', `/api/v1/appeals/${kept.number}/retention-extension`, { until, reason: 'Судебный спор' }, tokens.citizen);
    expect(extended).toEqual({ appealId: kept.id, number: kept.number, retentionExtendedUntil: until });

    await setNow(retentionEnds);
    const anonymised = await eventually(plain.id, (c) => c.subject === 'Обезличено');
    expect(anonymised).toMatchObject({ subject: 'Обезличено', text: 'Обезличено', contact: null, extraFields: {} });
    expect(anonymised.messages.every((m: any) => m.text === '')).toBe(true);
    // The file goes too: its row at once, its stored object at the next housekeeping round.
    expect(anonymised.attachments).toEqual([]);
    expect((await api('GET', `/api/v1/attachments/${scan.id}`, undefined, tokens.citizen)).status).toBe(404);
    await ok('POST', '/api/v1/test/housekeeping');
    expect(existsSync(stored)).toBe(false);
    await fewTicks();
    const stillKept = await card(kept.id);
    expect(stillKept).toMatchObject({ subject: 'Сохранить', contact });
    expect((await api('POST', `/api/v1/appeals/${plain.id}/retention-extension`, { until, reason: 'Поздно' }, tokens.citizen)).status).toBe(409);

    // Past the date the citizen gave, the kept one goes too.
    await setNow(new Date(Date.parse(`${until}T12:00:00Z`) + DAY));
    await eventually(kept.id, (c) => c.subject === 'Обезличено');

    const records = (await db.query(`SELECT appeal_id, number, mode, actor, retention_years, closed_at FROM retention_destructions WHERE appeal_id = ANY($1) ORDER BY id`, [[plain.id, kept.id]])).rows;
    expect(records).toEqual([
      expect.objectContaining({ appeal_id: plain.id, number: String(plain.number), mode: 'anonymised', actor: 'system:retention', retention_years: 3 }),
      expect.objectContaining({ appeal_id: kept.id, mode: 'anonymised' }),
    ]);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'appeal.anonymised'`, [plain.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'appeal.retention_extended'`, [kept.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM appeals WHERE id = $1 AND contact_encrypted IS NULL AND anonymised_at IS NOT NULL`, [plain.id])).toBe(1);
    // Its audit rows keep no personal data (masked, each value's digest kept), and the chain still verifies.
    const trail = (await db.query(`SELECT ip, user_agent, redacted, salt FROM audit_log WHERE entity_type = 'appeal' AND entity_id = $1`, [plain.id])).rows;
    expect(trail.filter((r) => r.redacted?.ip && r.redacted?.user_agent).length).toBeGreaterThan(0);
    expect(trail.filter((r) => r.ip !== null || r.user_agent !== null)).toEqual([]);
    expect(trail.filter((r) => r.redacted && r.salt !== null)).toEqual([]);
    expect((await api('POST', '/api/v1/test/audit/seal')).status).toBe(200);
    expect(await ok('GET', '/api/v1/audit/verify', undefined, tokens.admin)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('every tick and every retention day is claimed by one process, and the claims are recorded', async () => {
    const ticks = (await db!.query(`SELECT job, count(*)::int AS n, count(finished_at)::int AS finished FROM scheduler_ticks GROUP BY job ORDER BY job`)).rows;
    expect(ticks.map((t) => t.job)).toEqual(['retention', 'sla']);
    for (const t of ticks) expect(t.finished).toBeGreaterThanOrEqual(t.n - 1);
  });
});
