import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BASE_URL, DEMO, signedIn } from './support/api';
import { category, fileAppeal } from './support/factories';
import { call } from './support/identity';

/**
 * The department tree's administration (issue 16, part B): create, rename, move without cycles,
 * retire only when nothing depends on the department (the 409 says what does), audit rows with
 * before → after, and who may do it.
 */
describe('departments (/admin/departments)', () => {
  let base: string;
  let db: Client;
  let admin: string;
  let supervisor: string;
  let all: { id: string; code: string; parentId: string | null }[];

  const signIn = async (who: { login: string; password: string }) => (await call(base, 'POST', '/api/v1/auth/login', who)).body.accessToken as string;
  const code = () => `d-${randomUUID().slice(0, 8)}`;
  const create = async (parentId: string | null, extra: Record<string, unknown> = {}) => {
    const res = await call(base, 'POST', '/api/v1/admin/departments', { code: code(), nameRu: 'Отдел', nameEn: 'Office', parentId, ...extra }, admin);
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; code: string; parentId: string | null; retiredAt: string | null };
  };
  const changesOf = async (action: string, entityId: string) =>
    (await db.query<{ changes: Record<string, { from: unknown; to: unknown }> }>('SELECT changes FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id DESC LIMIT 1', [action, entityId])).rows[0]?.changes;

  beforeAll(async () => {
    base = BASE_URL();
    db = new Client({ connectionString: process.env.OTKLIK_DATABASE_URL });
    await db.connect();
    admin = await signIn(DEMO.admin);
    supervisor = await signIn(DEMO.supervisor);
    all = (await call(base, 'GET', '/api/v1/admin/departments', undefined, admin)).body;
  });

  afterAll(async () => db?.end());

  const id = (c: string) => all.find((d) => d.code === c)!.id;

  it('creates a department under a parent and audits it', async () => {
    const made = await create(id('administration'), { nameRu: 'Жилищный отдел', nameEn: 'Housing' });
    expect(made).toMatchObject({ parentId: id('administration'), nameRu: 'Жилищный отдел', retiredAt: null, autoAssign: false, approvalRequiredFor: [] });
    expect(await changesOf('department.create', made.id)).toMatchObject({ nameRu: { from: null, to: 'Жилищный отдел' }, parentId: { from: null, to: id('administration') } });
    const listed = (await call(base, 'GET', '/api/v1/admin/departments', undefined, admin)).body as { id: string }[];
    expect(listed.map((d) => d.id)).toContain(made.id);

    const taken = await call(base, 'POST', '/api/v1/admin/departments', { code: made.code, nameRu: 'Х', nameEn: 'X', parentId: null }, admin);
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ field: 'code', code: 'taken' });
    const orphan = await call(base, 'POST', '/api/v1/admin/departments', { code: code(), nameRu: 'Х', nameEn: 'X', parentId: randomUUID() }, admin);
    expect(orphan.status).toBe(422);
    expect(orphan.body.errors[0]).toMatchObject({ field: 'parentId', code: 'invalid_department' });
  });

  it('renames and moves, but never under itself or its own subtree', async () => {
    const top = await create(id('administration'));
    const child = await create(top.id);
    const grandchild = await create(child.id);
    const renamed = await call(base, 'PATCH', `/api/v1/admin/departments/${child.id}`, { nameRu: 'Переименован', nameEn: 'Renamed' }, admin);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ nameRu: 'Переименован', nameEn: 'Renamed' });
    expect(await changesOf('department.update', child.id)).toMatchObject({ nameRu: { to: 'Переименован' }, nameEn: { to: 'Renamed' } });

    for (const parentId of [top.id, grandchild.id]) {
      const cycle = await call(base, 'PATCH', `/api/v1/admin/departments/${top.id}`, { parentId: parentId === top.id ? top.id : grandchild.id }, admin);
      expect(cycle.status).toBe(422);
      expect(cycle.body.errors[0]).toMatchObject({ field: 'parentId', code: 'department_cycle' });
    }
    const moved = await call(base, 'PATCH', `/api/v1/admin/departments/${grandchild.id}`, { parentId: id('finance') }, admin);
    expect(moved.body.parentId).toBe(id('finance'));
    expect(await changesOf('department.update', grandchild.id)).toEqual({ parentId: { from: child.id, to: id('finance') } });
  });

  it('retires only a department nothing depends on, and says what blocks it', async () => {
    const parent = await create(id('administration'));
    const child = await create(parent.id);
    const blocked = await call(base, 'POST', `/api/v1/admin/departments/${parent.id}/retire`, undefined, admin);
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ code: 'department_in_use', openAppeals: 0, activeStaff: 0, liveChildren: 1 });

    // Active staff block too.
    const staff = await call(base, 'POST', '/api/v1/admin/staff', { email: `s.${randomUUID().slice(0, 8)}@body.example.ru`, fullName: 'Сотрудник', role: 'operator', departmentId: child.id }, admin);
    expect(staff.status).toBe(201);
    expect((await call(base, 'POST', `/api/v1/admin/departments/${child.id}/retire`, undefined, admin)).body).toMatchObject({ code: 'department_in_use', activeStaff: 1 });
    // Moved elsewhere, the staff member no longer holds the department.
    expect((await call(base, 'PATCH', `/api/v1/admin/staff/${staff.body.id}`, { departmentId: id('finance') }, admin)).status).toBe(200);

    const retired = await call(base, 'POST', `/api/v1/admin/departments/${child.id}/retire`, undefined, admin);
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).toEqual(expect.any(String));
    expect((await changesOf('department.retire', child.id)).retiredAt.from).toBeNull();
    // Now the parent can go; retiring again changes nothing.
    expect((await call(base, 'POST', `/api/v1/admin/departments/${parent.id}/retire`, undefined, admin)).status).toBe(200);
    expect((await call(base, 'POST', `/api/v1/admin/departments/${parent.id}/retire`, undefined, admin)).status).toBe(200);

    // A retired department takes no staff and no children.
    const intoRetired = await call(base, 'PATCH', `/api/v1/admin/staff/${staff.body.id}`, { departmentId: child.id }, admin);
    expect(intoRetired.body.errors[0]).toMatchObject({ field: 'departmentId', code: 'department_retired' });
    const under = await call(base, 'POST', '/api/v1/admin/departments', { code: code(), nameRu: 'Х', nameEn: 'X', parentId: child.id }, admin);
    expect(under.body.errors[0]).toMatchObject({ field: 'parentId', code: 'department_retired' });

    // Open appeals block: one filed in a category tech-support handles.
    await fileAppeal(await signedIn(DEMO.citizen), { categoryId: (await category('knowledge')).id });
    const busy = await call(base, 'POST', `/api/v1/admin/departments/${id('tech-support')}/retire`, undefined, admin);
    expect(busy.status).toBe(409);
    expect(busy.body.openAppeals).toBeGreaterThan(0);
    expect(busy.body.detail ?? busy.body.title).toMatch(/\d/);
    const pool = await call(base, 'POST', `/api/v1/admin/departments/${id('general-pool')}/retire`, undefined, admin);
    expect(pool.body.code).toBe('department_general_pool');
  });

  it("a supervisor reads only their own department's subtree, and cannot change it", async () => {
    // The demo supervisor heads «Администрация»: a department under it is theirs, a new root is not.
    const inside = await create(id('administration'));
    const outside = await create(null);
    const below = await create(outside.id);
    const res = await call(base, 'GET', '/api/v1/admin/departments', undefined, supervisor);
    expect(res.status).toBe(200);
    const seen = (res.body as { id: string }[]).map((d) => d.id);
    expect(seen).toEqual(expect.arrayContaining([id('administration'), id('tech-support'), inside.id]));
    expect(seen).not.toContain(outside.id);
    expect(seen).not.toContain(below.id);
    // The admin still reads every one.
    const everything = ((await call(base, 'GET', '/api/v1/admin/departments', undefined, admin)).body as { id: string }[]).map((d) => d.id);
    expect(everything).toEqual(expect.arrayContaining([inside.id, outside.id, below.id]));
    // Reading is all: a change of their own department is refused.
    expect((await call(base, 'PATCH', `/api/v1/admin/departments/${inside.id}`, { autoAssign: true }, supervisor)).status).toBe(403);
    for (const d of [below, outside]) expect((await call(base, 'POST', `/api/v1/admin/departments/${d.id}/retire`, undefined, admin)).status).toBe(200);
  });

  it('only admins change the tree; bad input is a 4xx problem', async () => {
    const target = await create(id('administration'));
    for (const token of [supervisor, await signIn(DEMO.operator), await signIn(DEMO.auditor)]) {
      expect((await call(base, 'POST', '/api/v1/admin/departments', { code: code(), nameRu: 'Х', nameEn: 'X', parentId: null }, token)).status).toBe(403);
      expect((await call(base, 'POST', `/api/v1/admin/departments/${target.id}/retire`, undefined, token)).status).toBe(403);
    }
    expect((await call(base, 'POST', `/api/v1/admin/departments/${randomUUID()}/retire`, undefined, admin)).status).toBe(404);
    // Null for a setting that cannot be empty is refused field by field, on a real department.
    for (const body of [{ nameRu: null }, { autoAssign: null }, { approvalRequiredFor: null }, { parentId: target.id }]) {
      const res = await call(base, 'PATCH', `/api/v1/admin/departments/${target.id}`, body, admin);
      expect(res.status).toBe(422);
    }
    for (const body of [{ code: 'Bad Code', nameRu: 'Х', nameEn: 'X', parentId: null }, { code: code(), nameRu: '  ', nameEn: 'X', parentId: null }, { code: code(), nameRu: 'Х', nameEn: 'X', parentId: 'nope' }, { code: code(), nameRu: 'Х\u0000', nameEn: 'X', parentId: null }]) {
      const res = await call(base, 'POST', '/api/v1/admin/departments', body, admin);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });
});
