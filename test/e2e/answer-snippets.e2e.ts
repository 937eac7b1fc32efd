import { Client } from 'pg';
import { signedIn } from './support/api';
import { appealInput, category } from './support/factories';
import { addSupervisor } from './support/cli';
import type { RunningServer } from './support/server';
import { call, type Signed as Client_, type StaffCast, startStaffCast, stopStaffCast } from './support/staff-cast';

/**
 * Issue 15: snippets — text an operator inserts at the cursor of an answer. Admins keep them
 * (each change audited before → after); a snippet is for every department or one, and the card
 * of an appeal offers only those its department may use.
 */
describe('answer snippets: admin CRUD, audited, allowed per department', () => {
  let cast: StaffCast | undefined;
  let server: RunningServer;
  let citizen: Client_;
  let operator: Client_;
  let outsider: Client_;
  let supervisor: Client_;
  /** Supervisor of technical support only (the demo supervisor heads the root: every department is theirs). */
  let techSupervisor: Client_;
  let admin: Client_;

  beforeAll(async () => {
    cast = await startStaffCast();
    ({ server, citizen, operator, outsider, supervisor, admin } = cast);
    techSupervisor = await signedIn(addSupervisor(server, 'tech-support'));
  }, 90_000);

  afterAll(() => stopStaffCast(cast));

  it('created, changed and deleted by an admin, each change in the audit log; the card gets its department’s and the common ones', async () => {
    const departments = (await call(admin, 'GET', '/api/v1/admin/departments')).body as { id: string; code: string }[];
    const tech = departments.find((d) => d.code === 'tech-support')!;
    const finance = departments.find((d) => d.code === 'finance')!;

    const common = await call(admin, 'POST', '/api/v1/admin/snippets', { title: 'Срок', body: 'Ответ будет дан до {{dueOn}}.' });
    expect(common.status).toBe(201);
    expect(common.body).toMatchObject({ title: 'Срок', departmentId: null, active: true });
    const own = await call(admin, 'POST', '/api/v1/admin/snippets', { title: 'Поддержка', body: 'Обращение № {{number}} в технической поддержке.', departmentId: tech.id });
    const foreign = await call(admin, 'POST', '/api/v1/admin/snippets', { title: 'Финансы', body: 'Платёж проверен.', departmentId: finance.id });
    const inactive = await call(admin, 'POST', '/api/v1/admin/snippets', { title: 'Старый', body: 'Устарело.', active: false });
    expect([own.status, foreign.status, inactive.status]).toEqual([201, 201, 201]);

    // Bad input: field errors; an unknown department names the field.
    const bad = await call(admin, 'POST', '/api/v1/admin/snippets', { title: ' ', body: '' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body', 'title']);
    const unknownDepartment = await call(admin, 'POST', '/api/v1/admin/snippets', { title: 'X', body: 'Y', departmentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownDepartment.status).toBe(422);
    expect(unknownDepartment.body.errors[0]).toMatchObject({ field: 'departmentId', code: 'invalid_department' });
    // Not the supervisors' or operators' to keep.
    expect((await call(supervisor, 'POST', '/api/v1/admin/snippets', { title: 'X', body: 'Y' })).status).toBe(403);
    expect((await call(operator, 'GET', '/api/v1/admin/snippets')).status).toBe(403);
    // A supervisor reads (never changes) the common ones and their subtree's, not another department's.
    const read = await call(techSupervisor, 'GET', '/api/v1/admin/snippets');
    expect(read.status).toBe(200);
    const readIds = (read.body as { id: string }[]).map((s) => s.id);
    expect(readIds).toEqual(expect.arrayContaining([common.body.id, own.body.id, inactive.body.id]));
    expect(readIds).not.toContain(foreign.body.id);
    for (const who of [supervisor, techSupervisor]) {
      expect((await call(who, 'PUT', `/api/v1/admin/snippets/${own.body.id}`, { title: 'X', body: 'Y', departmentId: tech.id })).status).toBe(403);
      expect((await call(who, 'DELETE', `/api/v1/admin/snippets/${own.body.id}`)).status).toBe(403);
    }
    // The root's supervisor reads every department's.
    expect(((await call(supervisor, 'GET', '/api/v1/admin/snippets')).body as { id: string }[]).map((s) => s.id)).toContain(foreign.body.id);

    // The card of a technical-support appeal: its department's and the common ones, filled in; not finance's, not the inactive one.
    const techCategory = await category('tech');
    const filed = await call(citizen, 'POST', '/api/v1/appeals', await appealInput({ type: 'complaint', categoryId: techCategory.id }));
    const appeal = filed.body as { id: string; number: number };
    const offered = await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}/snippets`);
    expect(offered.status).toBe(200);
    const titles = (offered.body as { title: string; text: string }[]).map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['Срок', 'Поддержка']));
    expect(titles).not.toContain('Финансы');
    expect(titles).not.toContain('Старый');
    expect((offered.body as { title: string; text: string }[]).find((s) => s.title === 'Поддержка')!.text).toBe(`Обращение № ${appeal.number} в технической поддержке.`);
    // Staff outside the appeal's department do not see its card, nor its snippets.
    expect((await call(outsider, 'GET', `/api/v1/staff/appeals/${appeal.id}/snippets`)).status).toBe(404);
    expect((await call(citizen, 'GET', `/api/v1/staff/appeals/${appeal.id}/snippets`)).status).toBe(403);

    // Changed: moved to finance, the technical-support card no longer offers it.
    const moved = await call(admin, 'PUT', `/api/v1/admin/snippets/${own.body.id}`, { title: 'Поддержка', body: 'Другой текст.', departmentId: finance.id });
    expect(moved.status).toBe(200);
    expect(((await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}/snippets`)).body as { title: string }[]).map((s) => s.title)).not.toContain('Поддержка');
    expect((await call(admin, 'DELETE', `/api/v1/admin/snippets/${own.body.id}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/api/v1/admin/snippets/${own.body.id}`)).status).toBe(404);
    expect(((await call(admin, 'GET', '/api/v1/admin/snippets')).body as { id: string }[]).map((s) => s.id)).not.toContain(own.body.id);

    // Each change is one audit row with what changed, before → after.
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ action: string; changes: Record<string, { from: unknown; to: unknown }> }>(
        `SELECT action, changes FROM audit_log WHERE entity_type = 'answer_snippet' AND entity_id = $1 ORDER BY id`,
        [own.body.id],
      );
      expect(rows.map((r) => r.action)).toEqual(['answer_snippet.create', 'answer_snippet.update', 'answer_snippet.delete']);
      expect(rows[1].changes).toMatchObject({ body: { from: 'Обращение № {{number}} в технической поддержке.', to: 'Другой текст.' }, departmentId: { from: tech.id, to: finance.id } });
      expect(rows[2].changes).toMatchObject({ title: { from: 'Поддержка', to: null } });
    } finally {
      await db.end();
    }
  });
});
