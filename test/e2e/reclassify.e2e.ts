import { Client } from 'pg';
import { appealInput, category } from './support/factories';
import type { RunningServer } from './support/server';
import { call, type Signed, type StaffCast, startStaffCast, stopStaffCast } from './support/staff-cast';

jest.setTimeout(180_000);

interface Card {
  id: string;
  number: number;
  status: string;
  categoryId: string;
  subcategoryId: string | null;
  priority: string;
  departmentId: string | null;
  assigneeId: string | null;
  dueAt: string | null;
  version: number;
}

/**
 * Issue 15: staff reclassify an open appeal — its category (one of the appeal's type, active) and/or
 * its priority, with an optional note — without re-routing it or touching its deadlines; one
 * history row, its audit row (before → after) and its outbox event; the same values again are a
 * no-op success.
 */
describe('staff action reclassify: category and priority of an open appeal', () => {
  let cast: StaffCast | undefined;
  let server: RunningServer;
  let db: Client;
  let citizen: Signed;
  let operator: Signed;
  let outsider: Signed;
  let supervisor: Signed;

  const file = async (): Promise<Card> => {
    const filed = await call(citizen, 'POST', '/api/v1/appeals', await appealInput({ type: 'complaint', categoryId: (await category('tech')).id, priority: 'normal' }));
    expect(filed.status).toBe(201);
    return filed.body as Card;
  };
  const reclassify = (who: Signed, id: string | number, body: unknown, headers: Record<string, string> = {}) =>
    call(who, 'POST', `/api/v1/staff/appeals/${id}/actions/reclassify`, body, headers);
  const card = async (id: string) => (await call(operator, 'GET', `/api/v1/staff/appeals/${id}`)).body as Card;
  const history = async (id: string) =>
    (await db.query<{ event: string; from_status: string; to_status: string; comment: string | null }>('SELECT event, from_status, to_status, comment FROM appeal_history WHERE appeal_id = $1 ORDER BY created_at, id', [id])).rows;
  const audit = async (id: string) =>
    (await db.query<{ action: string; details: Record<string, any>; changes: Record<string, { from: unknown; to: unknown }> | null }>(
      `SELECT action, details, changes FROM audit_log WHERE entity_id = $1 AND action = 'appeal.reclassified' ORDER BY id`,
      [id],
    )).rows;
  const outbox = async (id: string) =>
    (await db.query<{ event_type: string; payload: Record<string, unknown> }>(`SELECT event_type, payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.reclassified' ORDER BY id`, [id])).rows;

  beforeAll(async () => {
    cast = await startStaffCast();
    ({ server, citizen, operator, outsider, supervisor } = cast);
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
  }, 90_000);

  afterAll(async () => {
    await db?.end();
    await stopStaffCast(cast);
  });

  it('sets the category and the priority: the status, department, assignee and term stay; history, audit (before → after) and outbox written once', async () => {
    const appeal = await file();
    const before = await card(appeal.id);
    const knowledge = await category('knowledge');
    const done = await reclassify(operator, appeal.number, { categoryId: knowledge.id, priority: 'high', comment: 'Это вопрос базы знаний', expectedVersion: before.version });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: appeal.id, status: 'registered', categoryId: knowledge.id, subcategoryId: null, priority: 'high', departmentId: before.departmentId, assigneeId: before.assigneeId, dueAt: before.dueAt });
    // Not re-routed: knowledge belongs to the same department here, but nothing moved the appeal either way.
    const after = await card(appeal.id);
    expect(after).toMatchObject({ status: 'registered', categoryId: knowledge.id, priority: 'high', departmentId: before.departmentId, dueAt: before.dueAt, version: before.version + 1 });

    expect((await history(appeal.id)).map((h) => h.event)).toEqual(['submitted', 'reclassified']);
    expect((await history(appeal.id))[1]).toEqual({ event: 'reclassified', from_status: 'registered', to_status: 'registered', comment: 'Это вопрос базы знаний' });
    const rows = await audit(appeal.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toEqual({ categoryId: { from: before.categoryId, to: knowledge.id }, priority: { from: 'normal', to: 'high' } });
    expect(rows[0].details).toMatchObject({ number: appeal.number, from: 'registered', to: 'registered', before: { categoryId: before.categoryId, priority: 'normal' }, after: { categoryId: knowledge.id, priority: 'high' } });
    const events = await outbox(appeal.id);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ appealId: appeal.id, from: 'registered', to: 'registered', comment: 'Это вопрос базы знаний' });

    // The same values again: a success that changes and records nothing (as mark-important again).
    const again = await reclassify(operator, appeal.id, { categoryId: knowledge.id, priority: 'high' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ categoryId: knowledge.id, priority: 'high', version: before.version + 1 });
    expect(await history(appeal.id)).toHaveLength(2);
    expect(await audit(appeal.id)).toHaveLength(1);
    expect(await outbox(appeal.id)).toHaveLength(1);
  });

  it('one field at a time; a subcategory names its parent; the same parent keeps the subcategory; the default comment says what changed', async () => {
    const appeal = await file();
    const tech = await category('tech');
    const lost = await category('tech-access-lost');
    const sub = await reclassify(operator, appeal.id, { categoryId: lost.id });
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({ categoryId: tech.id, subcategoryId: lost.id, priority: 'normal' });
    // A priority alone; then the parent again — the subcategory stays, so nothing changes.
    const low = await reclassify(supervisor, appeal.id, { priority: 'low' });
    expect(low.status).toBe(200);
    expect(low.body).toMatchObject({ categoryId: tech.id, subcategoryId: lost.id, priority: 'low' });
    expect((await reclassify(operator, appeal.id, { categoryId: tech.id })).body).toMatchObject({ subcategoryId: lost.id });
    const comments = (await history(appeal.id)).filter((h) => h.event === 'reclassified').map((h) => h.comment);
    expect(comments).toEqual(['Категория: Техническая поддержка / Утрата доступа.', 'Приоритет: низкий.']);
    expect((await audit(appeal.id)).map((r) => r.changes)).toEqual([{ subcategoryId: { from: null, to: lost.id } }, { priority: { from: 'normal', to: 'low' } }]);
  });

  it('422 problem+json naming the field: nothing named, an unknown, inactive or wrong-type category, a bad priority; nothing is written', async () => {
    const appeal = await file();
    const inactive = (await db.query<{ id: string }>(`INSERT INTO categories (code, name_ru, name_en, active) VALUES ('reclassify-off', 'Выключена', 'Off', false) RETURNING id`)).rows[0].id;
    const gratitude = await category('gratitude-quality');
    const cases: [unknown, { field: string; code: string }[]][] = [
      [{}, [{ field: 'categoryId', code: 'isNotEmpty' }, { field: 'priority', code: 'isNotEmpty' }]],
      [{ comment: 'только заметка', categoryId: null, priority: null }, [{ field: 'categoryId', code: 'isNotEmpty' }, { field: 'priority', code: 'isNotEmpty' }]],
      [{ categoryId: '00000000-0000-4000-8000-000000000000' }, [{ field: 'categoryId', code: 'unknown_category' }]],
      [{ categoryId: inactive }, [{ field: 'categoryId', code: 'unknown_category' }]],
      [{ categoryId: gratitude.id, priority: 'high' }, [{ field: 'categoryId', code: 'category_type_mismatch' }]],
    ];
    for (const [body, errors] of cases) {
      const refused = await reclassify(operator, appeal.id, body);
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors.map((e: { field: string; code: string }) => ({ field: e.field, code: e.code }))).toEqual(errors);
    }
    for (const body of [{ priority: 'urgent' }, { categoryId: 'not-a-uuid' }, { priority: 3 }]) {
      const refused = await reclassify(operator, appeal.id, body);
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([Object.keys(body)[0]]);
    }
    expect(await card(appeal.id)).toMatchObject({ categoryId: appeal.categoryId, priority: 'normal' });
    expect((await history(appeal.id)).map((h) => h.event)).toEqual(['submitted']);
    expect(await audit(appeal.id)).toEqual([]);
  });

  it('object-level: 404 for staff who do not see it, 403 for a citizen, 409 for a closed appeal, 409 for a stale version', async () => {
    const appeal = await file();
    const body = { priority: 'high' };
    expect((await reclassify(outsider, appeal.id, body)).status).toBe(404);
    expect((await reclassify(citizen, appeal.id, body)).status).toBe(403);
    expect((await call(undefined, 'POST', `/api/v1/staff/appeals/${appeal.id}/actions/reclassify`, body)).status).toBe(401);
    const stale = await reclassify(operator, appeal.id, { ...body, expectedVersion: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');

    expect((await call(citizen, 'POST', `/api/v1/appeals/${appeal.id}/actions/withdraw`, {})).status).toBe(200);
    const closed = await reclassify(operator, appeal.id, body);
    expect(closed.status).toBe(409);
    expect(closed.headers.get('content-type')).toContain('application/problem+json');
    expect(closed.body).toMatchObject({ code: 'invalid_transition', currentStatus: 'withdrawn' });
    expect(await audit(appeal.id)).toEqual([]);
    // The card offers it while open only.
    const open = await file();
    expect(((await call(operator, 'GET', `/api/v1/staff/appeals/${open.id}`)).body as { allowedStaffActions: string[] }).allowedStaffActions).toContain('reclassify');
  });
});
