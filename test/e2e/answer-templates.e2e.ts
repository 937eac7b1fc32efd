import { DEMO, raw, signedIn } from './support/api';
import { cliOnServer } from './support/cli';

/**
 * Answer templates under /admin: admins manage the global ones and every department's; a
 * supervisor only those of their own department subtree. A global template is visible to a
 * supervisor but not theirs to change (403); another subtree's is not visible at all (404).
 */
describe('answer templates (/admin/answer-templates): who manages which', () => {
  let admin: string;
  /** Supervisor of administration, the root: every demo department is in the subtree. */
  let headSupervisor: string;
  /** Supervisor of the finance department only. */
  let financeSupervisor: string;
  const departments: Record<string, string> = {};

  const send = (token: string, method: string, path: string, body?: unknown) =>
    raw(`/api/v1/admin/answer-templates${path}`, { method, token, body: body === undefined ? undefined : JSON.stringify(body) });
  const template = (departmentId: string | null, title = `Шаблон ${Date.now()}`) => ({ title, body: 'Текст {{number}}', departmentId, active: false });
  const create = async (departmentId: string | null) => {
    const res = await send(admin, 'POST', '', template(departmentId));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    admin = (await signedIn(DEMO.admin)).token;
    headSupervisor = (await signedIn(DEMO.supervisor)).token;
    const email = `finance-head-${Date.now()}@example.ru`;
    const created = cliOnServer(['user:create', '--role', 'supervisor', '--email', email, '--password', 'Finance#Head2026', '--department', 'finance', '--name', 'Руководитель Финансов']);
    if (created.status !== 0) throw new Error(`cli: ${created.out}`);
    financeSupervisor = (await signedIn({ login: email, password: 'Finance#Head2026' })).token;
    const list = await raw('/api/v1/admin/departments', { token: admin });
    for (const d of list.body as { id: string; code: string }[]) departments[d.code] = d.id;
  }, 90_000);

  it('a supervisor cannot create, rewrite or delete a global template; an admin can', async () => {
    const global = await create(null);
    for (const token of [financeSupervisor, headSupervisor]) {
      const created = await send(token, 'POST', '', template(null));
      expect(created.status).toBe(403);
      expect(created.body.code).toBe('answer_template_out_of_scope');
      expect((await send(token, 'PUT', `/${global}`, template(null, 'Переписан'))).status).toBe(403);
      // Nor can it be pulled into their own department.
      expect((await send(token, 'PUT', `/${global}`, template(departments.finance))).status).toBe(403);
      expect((await send(token, 'DELETE', `/${global}`)).status).toBe(403);
    }
    expect((await send(admin, 'PUT', `/${global}`, template(null, 'Переписан администратором'))).status).toBe(200);
    expect((await send(admin, 'DELETE', `/${global}`)).status).toBe(204);
  });

  it("a supervisor cannot touch another department's templates (404, like a missing one) nor create them (422)", async () => {
    const tech = await create(departments['tech-support']);
    const put = await send(financeSupervisor, 'PUT', `/${tech}`, template(departments['tech-support'], 'Чужой'));
    expect(put.status).toBe(404);
    expect(put.headers.get('content-type')).toContain('application/problem+json');
    expect((await send(financeSupervisor, 'DELETE', `/${tech}`)).status).toBe(404);
    const foreign = await send(financeSupervisor, 'POST', '', template(departments['tech-support']));
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0]).toMatchObject({ field: 'departmentId', code: 'invalid_department' });
    // Moving an own template to another department is refused the same way.
    const own = await send(financeSupervisor, 'POST', '', template(departments.finance));
    expect(own.status).toBe(201);
    expect((await send(financeSupervisor, 'PUT', `/${own.body.id}`, template(departments['tech-support']))).status).toBe(422);
    // The template of tech support is unchanged.
    const all = (await send(admin, 'GET', '')).body as { id: string; departmentId: string | null }[];
    expect(all.find((t) => t.id === tech)?.departmentId).toBe(departments['tech-support']);
  });

  it('a supervisor manages the templates of their own department subtree', async () => {
    const own = await send(financeSupervisor, 'POST', '', template(departments.finance, 'Финансы: ответ'));
    expect(own.status).toBe(201);
    expect((await send(financeSupervisor, 'PUT', `/${own.body.id}`, template(departments.finance, 'Финансы: новый ответ'))).status).toBe(200);
    // The head of administration reaches finance, a sub-department.
    expect((await send(headSupervisor, 'PUT', `/${own.body.id}`, template(departments.finance, 'Правка руководителя'))).status).toBe(200);
    expect((await send(financeSupervisor, 'DELETE', `/${own.body.id}`)).status).toBe(204);
  });

  it("lists a supervisor's subtree and the global templates, not other departments'", async () => {
    const global = await create(null);
    const tech = await create(departments['tech-support']);
    const finance = await create(departments.finance);
    const seen = ((await send(financeSupervisor, 'GET', '')).body as { id: string }[]).map((t) => t.id);
    expect(seen).toEqual(expect.arrayContaining([global, finance]));
    expect(seen).not.toContain(tech);
    const head = ((await send(headSupervisor, 'GET', '')).body as { id: string }[]).map((t) => t.id);
    expect(head).toEqual(expect.arrayContaining([global, tech, finance]));
  });
});
