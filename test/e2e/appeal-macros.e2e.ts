import { Client } from 'pg';
import { signedIn } from './support/api';
import { appealInput, category } from './support/factories';
import { addSupervisor } from './support/cli';
import type { RunningServer } from './support/server';
import { call, type Signed as Client_, type StaffCast, startStaffCast, stopStaffCast } from './support/staff-cast';

jest.setTimeout(180_000);

/**
 * Issue 15/16: macros — one click on the card runs staff actions and adds an internal note.
 * Admins define them (each change audited before → after), each for every department or one;
 * applying one runs every step through the transition runner in one transaction: all or nothing.
 */
describe('appeal macros: admin CRUD, allowed per department, applied all or nothing', () => {
  let cast: StaffCast | undefined;
  let server: RunningServer;
  let db: Client;
  let citizen: Client_;
  let operator: Client_;
  let outsider: Client_;
  let supervisor: Client_;
  let admin: Client_;
  let tech: { id: string };
  let finance: { id: string };

  const techAppeal = async (): Promise<{ id: string; number: number; status: string; categoryId: string }> => {
    const filed = await call(citizen, 'POST', '/api/v1/appeals', await appealInput({ type: 'complaint', categoryId: (await category('tech')).id }));
    expect(filed.status).toBe(201);
    return filed.body;
  };
  const history = async (appealId: string) =>
    (await db.query<{ event: string; to_status: string; comment: string | null; actor_id: string | null }>('SELECT event, to_status, comment, actor_id FROM appeal_history WHERE appeal_id = $1 ORDER BY created_at, id', [appealId])).rows;
  const notes = async (appealId: string) => (await db.query<{ body: string; internal: boolean }>('SELECT body, internal FROM appeal_messages WHERE appeal_id = $1 ORDER BY created_at', [appealId])).rows;
  const auditOf = async (entityId: string, prefix: string) =>
    (await db.query<{ action: string; details: Record<string, unknown>; changes: Record<string, { from: unknown; to: unknown }> | null }>(
      `SELECT action, details, changes FROM audit_log WHERE entity_id = $1 AND action LIKE $2 ORDER BY id`,
      [entityId, `${prefix}%`],
    )).rows;

  beforeAll(async () => {
    cast = await startStaffCast();
    ({ server, citizen, operator, outsider, supervisor, admin } = cast);
    const departments = (await call(admin, 'GET', '/api/v1/admin/departments')).body as { id: string; code: string }[];
    tech = departments.find((d) => d.code === 'tech-support')!;
    finance = departments.find((d) => d.code === 'finance')!;
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
  }, 90_000);

  afterAll(async () => {
    await db?.end();
    await stopStaffCast(cast);
  });

  it('an admin defines, changes and deletes macros, each change audited before → after; staff cannot define them; bad input names its fields', async () => {
    const created = await call(admin, 'POST', '/api/v1/admin/macros', { title: 'Заметка', note: 'Проверено', departmentId: tech.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Заметка', note: 'Проверено', departmentId: tech.id, active: true, steps: [], documents: [], documentsDueInDays: null });

    for (const who of [operator, supervisor]) {
      expect((await call(who, 'POST', '/api/v1/admin/macros', { title: 'X', note: 'Y' })).status).toBe(403);
      expect((await call(who, 'PUT', `/api/v1/admin/macros/${created.body.id}`, { title: 'X', note: 'Y' })).status).toBe(403);
      expect((await call(who, 'DELETE', `/api/v1/admin/macros/${created.body.id}`)).status).toBe(403);
    }
    expect((await call(operator, 'GET', '/api/v1/admin/macros')).status).toBe(403);
    // A supervisor (here of technical support only) reads the macros of their subtree and the common ones, not another department's.
    const foreign = await call(admin, 'POST', '/api/v1/admin/macros', { title: 'Чужой', note: 'Финансы', departmentId: finance.id });
    const techSupervisor = await signedIn(addSupervisor(server, 'tech-support'));
    const read = await call(techSupervisor, 'GET', '/api/v1/admin/macros');
    expect(read.status).toBe(200);
    const readIds = (read.body as { id: string }[]).map((m) => m.id);
    expect(readIds).toContain(created.body.id);
    expect(readIds).not.toContain(foreign.body.id);
    // The root's supervisor reads every department's.
    expect(((await call(supervisor, 'GET', '/api/v1/admin/macros')).body as { id: string }[]).map((m) => m.id)).toContain(foreign.body.id);
    expect((await call(admin, 'DELETE', `/api/v1/admin/macros/${foreign.body.id}`)).status).toBe(204);

    const empty = await call(admin, 'POST', '/api/v1/admin/macros', { title: 'Пусто' });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'steps', code: 'macro_empty' })]);
    const noDocuments = await call(admin, 'POST', '/api/v1/admin/macros', { title: 'Документы', steps: ['request-documents'] });
    expect(noDocuments.status).toBe(422);
    expect(noDocuments.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['documents', 'documentsDueInDays']);
    const badStep = await call(admin, 'POST', '/api/v1/admin/macros', { title: 'X', steps: ['answer'], documentsDueInDays: 0 });
    expect(badStep.status).toBe(422);
    expect(badStep.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['documentsDueInDays', 'steps']);
    const unknownDepartment = await call(admin, 'POST', '/api/v1/admin/macros', { title: 'X', note: 'Y', departmentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownDepartment.status).toBe(422);
    expect(unknownDepartment.body.errors[0]).toMatchObject({ field: 'departmentId', code: 'invalid_department' });

    const changed = await call(admin, 'PUT', `/api/v1/admin/macros/${created.body.id}`, { title: 'Заметка', note: 'Проверено дважды', departmentId: finance.id, steps: ['take'] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ note: 'Проверено дважды', departmentId: finance.id, steps: ['take'] });
    expect((await call(admin, 'DELETE', `/api/v1/admin/macros/${created.body.id}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/api/v1/admin/macros/${created.body.id}`)).status).toBe(404);

    const rows = await auditOf(created.body.id, 'appeal_macro.');
    expect(rows.map((r) => r.action)).toEqual(['appeal_macro.create', 'appeal_macro.update', 'appeal_macro.delete']);
    expect(rows[1].changes).toMatchObject({ note: { from: 'Проверено', to: 'Проверено дважды' }, departmentId: { from: tech.id, to: finance.id }, steps: { from: [], to: ['take'] } });
    expect(rows[2].changes).toMatchObject({ title: { from: 'Заметка', to: null } });
  });

  it('applied with one click: its actions in order through the workflow (history, audit), then the note; a retry with the same Idempotency-Key changes nothing more', async () => {
    const macro = (
      await call(admin, 'POST', '/api/v1/admin/macros', {
        title: 'Запросить паспорт',
        departmentId: tech.id,
        steps: ['take', 'request-documents'],
        documents: ['Копия паспорта'],
        documentsDueInDays: 10,
        note: 'Ждём паспорт, затем ответить',
      })
    ).body as { id: string };
    const common = (await call(admin, 'POST', '/api/v1/admin/macros', { title: 'Общий', note: 'Общая заметка' })).body as { id: string };
    const financeOnly = (await call(admin, 'POST', '/api/v1/admin/macros', { title: 'Финансы', steps: ['take'], departmentId: finance.id })).body as { id: string };
    const inactive = (await call(admin, 'POST', '/api/v1/admin/macros', { title: 'Выключен', steps: ['take'], active: false })).body as { id: string };
    const appeal = await techAppeal();

    // The card offers its department's and the common ones, not another department's nor an inactive one.
    const offered = await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}/macros`);
    expect(offered.status).toBe(200);
    const ids = (offered.body as { id: string }[]).map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining([macro.id, common.id]));
    expect(ids).not.toContain(financeOnly.id);
    expect(ids).not.toContain(inactive.id);
    expect((await call(outsider, 'GET', `/api/v1/staff/appeals/${appeal.id}/macros`)).status).toBe(404);
    expect((await call(citizen, 'GET', `/api/v1/staff/appeals/${appeal.id}/macros`)).status).toBe(403);

    // Refused: another department's macro, an inactive one, staff who do not see the appeal, a citizen.
    const foreign = await call(operator, 'POST', `/api/v1/staff/appeals/${appeal.id}/macros/${financeOnly.id}/apply`, {});
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('macro_not_allowed');
    expect((await call(operator, 'POST', `/api/v1/staff/appeals/${appeal.id}/macros/${inactive.id}/apply`, {})).status).toBe(404);
    expect((await call(outsider, 'POST', `/api/v1/staff/appeals/${appeal.id}/macros/${macro.id}/apply`, {})).status).toBe(404);
    expect((await call(citizen, 'POST', `/api/v1/staff/appeals/${appeal.id}/macros/${macro.id}/apply`, {})).status).toBe(403);
    expect((await history(appeal.id)).map((h) => h.event)).toEqual(['submitted']);

    const me = (await call(operator, 'GET', '/api/v1/me')).body as { id: string };
    const applied = await call(operator, 'POST', `/api/v1/staff/appeals/${appeal.number}/macros/${macro.id}/apply`, { expectedVersion: 1 }, { 'Idempotency-Key': `macro-${appeal.id}` });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ id: appeal.id, status: 'awaiting_citizen' });
    const card = (await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body as { assigneeId?: string; assignee?: { id: string } };
    expect(card.assigneeId ?? card.assignee?.id).toBe(me.id);

    const steps = await history(appeal.id);
    expect(steps.map((h) => [h.event, h.to_status])).toEqual([
      ['submitted', 'registered'],
      ['taken', 'in_progress'],
      ['documents_requested', 'awaiting_citizen'],
    ]);
    expect(steps.slice(1).map((h) => h.comment)).toEqual(['Макрос «Запросить паспорт»', 'Макрос «Запросить паспорт»']);
    expect(steps.slice(1).every((h) => h.actor_id === me.id)).toBe(true);
    const thread = await notes(appeal.id);
    expect(thread).toContainEqual({ body: 'Ждём паспорт, затем ответить', internal: true });
    expect(thread.find((m) => !m.internal)?.body).toContain('Копия паспорта');
    // Each step's audit row is the one the action or the note writes, naming the macro that ran it.
    const byMacro = (await auditOf(appeal.id, 'appeal.')).filter((a) => (a.details.macro as { id?: string } | undefined)?.id === macro.id);
    expect(byMacro.map((a) => a.action)).toEqual(['appeal.taken', 'appeal.documents_requested', 'appeal.internal_note']);
    const outbox = await db.query<{ event_type: string }>(`SELECT event_type FROM outbox WHERE aggregate_id = $1 ORDER BY id`, [appeal.id]);
    expect(outbox.rows.map((r) => r.event_type)).toEqual(expect.arrayContaining(['appeal.taken', 'appeal.documents_requested', 'appeal.internal_note']));

    // The retry answers the first response; nothing more is written.
    const retried = await call(operator, 'POST', `/api/v1/staff/appeals/${appeal.number}/macros/${macro.id}/apply`, { expectedVersion: 1 }, { 'Idempotency-Key': `macro-${appeal.id}` });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(applied.body);
    expect(await history(appeal.id)).toHaveLength(3);
    expect((await auditOf(appeal.id, 'appeal.')).filter((a) => (a.details.macro as { id?: string } | undefined)?.id === macro.id)).toHaveLength(3);
  });

  it('all or nothing: a step the status does not admit is a 409 naming the step, and the steps before it are undone', async () => {
    const macro = (await call(admin, 'POST', '/api/v1/admin/macros', { title: 'Себе и взять', steps: ['assign-to-me', 'take'], note: 'Не должно появиться' })).body as { id: string };
    const appeal = await techAppeal();
    const changes = async () => (await auditOf(appeal.id, 'appeal.')).filter((a) => a.action !== 'appeal.viewed');
    const auditBefore = await changes();
    const refused = await call(operator, 'POST', `/api/v1/staff/appeals/${appeal.id}/macros/${macro.id}/apply`, {}, { 'Accept-Language': 'en' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ step: 'take', currentStatus: 'in_progress' });
    expect(refused.body.title).toContain('"take"');
    // The assignment the first step made is rolled back with the rest.
    const card = (await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body as { status: string; assigneeId?: string | null; assignee?: unknown };
    expect(card.status).toBe('registered');
    expect(card.assigneeId ?? card.assignee ?? null).toBeNull();
    expect((await history(appeal.id)).map((h) => h.event)).toEqual(['submitted']);
    expect(await notes(appeal.id)).toEqual([]);
    // Reading the card is logged; no change is.
    expect(await changes()).toEqual(auditBefore);

    // A stale version is refused before anything runs.
    const stale = await call(operator, 'POST', `/api/v1/staff/appeals/${appeal.id}/macros/${macro.id}/apply`, { expectedVersion: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 1 });
  });

  it('set-priority and set-category: their values kept on the macro and checked when saved; applied as the reclassify action (history, audit before → after), the note after; a category of another type refuses the whole macro', async () => {
    const knowledge = await category('knowledge');
    const gratitude = await category('gratitude-quality');
    // Checked when saved: each step needs its value; the category must exist and be active; the priority must be one.
    const missing = await call(admin, 'POST', '/api/v1/admin/macros', { title: 'X', steps: ['set-priority', 'set-category'] });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['priority', 'isNotEmpty'],
      ['categoryId', 'isNotEmpty'],
    ]);
    const unknown = await call(admin, 'POST', '/api/v1/admin/macros', { title: 'X', steps: ['set-category'], categoryId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'categoryId', code: 'unknown_category' })]);
    const badPriority = await call(admin, 'POST', '/api/v1/admin/macros', { title: 'X', steps: ['set-priority'], priority: 'urgent' });
    expect(badPriority.status).toBe(422);
    expect(badPriority.body.errors.map((e: { field: string }) => e.field)).toEqual(['priority']);

    const created = await call(admin, 'POST', '/api/v1/admin/macros', {
      title: 'База знаний, срочно',
      departmentId: tech.id,
      steps: ['take', 'set-priority', 'set-category'],
      priority: 'high',
      categoryId: knowledge.id,
      note: 'Переклассифицировано макросом',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ steps: ['take', 'set-priority', 'set-category'], priority: 'high', categoryId: knowledge.id });
    // A value without its step is not kept; the change is audited before → after.
    const changed = await call(admin, 'PUT', `/api/v1/admin/macros/${created.body.id}`, { ...created.body, id: undefined, steps: ['take', 'set-category'], priority: 'low' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ steps: ['take', 'set-category'], priority: null, categoryId: knowledge.id });
    expect((await auditOf(created.body.id, 'appeal_macro.update'))[0].changes).toMatchObject({ priority: { from: 'high', to: null } });
    const macro = (
      await call(admin, 'PUT', `/api/v1/admin/macros/${created.body.id}`, { ...created.body, id: undefined })
    ).body as { id: string };

    const appeal = await techAppeal();
    const before = (await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body as { dueAt: string; departmentId: string };
    const applied = await call(operator, 'POST', `/api/v1/staff/appeals/${appeal.id}/macros/${macro.id}/apply`, {});
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ status: 'in_progress', priority: 'high', categoryId: knowledge.id, subcategoryId: null, dueAt: before.dueAt, departmentId: before.departmentId });
    expect((await history(appeal.id)).map((h) => [h.event, h.comment])).toEqual([
      ['submitted', null],
      ['taken', 'Макрос «База знаний, срочно»'],
      ['reclassified', 'Макрос «База знаний, срочно»'],
      ['reclassified', 'Макрос «База знаний, срочно»'],
    ]);
    expect(await notes(appeal.id)).toContainEqual({ body: 'Переклассифицировано макросом', internal: true });
    const byMacro = (await auditOf(appeal.id, 'appeal.')).filter((a) => (a.details.macro as { id?: string } | undefined)?.id === macro.id);
    expect(byMacro.map((a) => [a.action, a.changes])).toEqual([
      ['appeal.taken', null],
      ['appeal.reclassified', { priority: { from: 'normal', to: 'high' } }],
      ['appeal.reclassified', { categoryId: { from: appeal.categoryId, to: knowledge.id } }],
      ['appeal.internal_note', null],
    ]);

    // A category the appeal's type does not take: 422 naming the step; the take before it is undone.
    const wrongType = (await call(admin, 'POST', '/api/v1/admin/macros', { title: 'Благодарность', steps: ['take', 'set-category'], categoryId: gratitude.id, note: 'Не должно появиться' })).body as { id: string };
    const other = await techAppeal();
    const refused = await call(operator, 'POST', `/api/v1/staff/appeals/${other.id}/macros/${wrongType.id}/apply`, {});
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ step: 'set-category', errors: [expect.objectContaining({ field: 'categoryId', code: 'category_type_mismatch' })] });
    expect((await call(operator, 'GET', `/api/v1/staff/appeals/${other.id}`)).body).toMatchObject({ status: 'registered', categoryId: other.categoryId });
    expect((await history(other.id)).map((h) => h.event)).toEqual(['submitted']);
    expect(await notes(other.id)).toEqual([]);
  });
});
