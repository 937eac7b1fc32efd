import { randomUUID } from 'node:crypto';
import { DEMO, raw } from './support/api';

/**
 * Issue 16, part A, over HTTP: categories and their versioned extra-field forms (filing validates
 * against the current version, an appeal keeps the one it was filed under), routing with the
 * tester and the replay of a draft rule set, and the production calendar imported from
 * xmlcalendar files with the deadline preview. Admins change configuration; supervisors read.
 */
const MSK = (local: string) => new Date(`${local}+03:00`).toISOString();
const suffix = randomUUID().slice(0, 8);

describe('catalogue administration', () => {
  const tokens: Record<'admin' | 'supervisor' | 'operator' | 'citizen', string> = {} as never;
  const departments: Record<string, string> = {};
  let categoryId = '';
  let firstAppeal = { id: '', number: 0 };

  const api = (method: string, path: string, body?: unknown, token?: string) =>
    raw(path, { method, token, body: body === undefined ? undefined : JSON.stringify(body) });
  const ok = async (method: string, path: string, body?: unknown, token?: string): Promise<any> => {
    const res = await api(method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 600)}`);
    return res.body;
  };
  const plotSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['plotNumber'],
    properties: {
      plotNumber: { type: 'string', minLength: 1, maxLength: 40, title: 'Номер участка', description: 'Как в выписке ЕГРН' },
      area: { type: 'number', minimum: 0, title: 'Площадь, м²' },
    },
  };
  const file = (extraFields: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
    api('POST', '/api/v1/appeals', { type: 'complaint', categoryId, subject: `Участок ${suffix}`, text: 'Прошу проверить границы участка.', extraFields, ...overrides }, tokens.citizen);

  beforeAll(async () => {
    for (const [who, creds] of [['admin', DEMO.admin], ['supervisor', DEMO.supervisor], ['operator', DEMO.operator], ['citizen', DEMO.citizen]] as const) {
      tokens[who] = (await ok('POST', '/api/v1/auth/login', creds)).accessToken;
    }
    for (const d of await ok('GET', '/api/v1/admin/departments', undefined, tokens.admin)) departments[d.code] = d.id;
  });

  it('an admin creates a category with an extra-field form; supervisors read it, nobody else changes it', async () => {
    const body = { code: `plots-${suffix}`, nameRu: 'Земельные участки', nameEn: 'Land plots', appealTypes: ['complaint', 'question'], extraFieldsSchema: plotSchema };
    expect((await api('POST', '/api/v1/admin/categories', body, tokens.supervisor)).status).toBe(403);
    expect((await api('POST', '/api/v1/admin/categories', body, tokens.operator)).status).toBe(403);
    expect((await api('POST', '/api/v1/admin/categories', body)).status).toBe(401);
    const res = await api('POST', '/api/v1/admin/categories', body, tokens.admin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: body.code, nameRu: 'Земельные участки', nameEn: 'Land plots', parentId: null, active: true, schemaVersion: 1, departmentId: null, appealTypes: ['complaint', 'question'] });
    categoryId = res.body.id;
    // The same code again is a conflict, not a second category.
    const again = await api('POST', '/api/v1/admin/categories', body, tokens.admin);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('category_code_taken');

    const listed = (await ok('GET', '/api/v1/admin/categories', undefined, tokens.supervisor)).find((c: any) => c.id === categoryId);
    expect(listed).toMatchObject({ schemaVersion: 1, extraFieldsSchema: plotSchema });
    expect(await ok('GET', `/api/v1/admin/categories/${categoryId}/schema-versions`, undefined, tokens.supervisor)).toEqual([
      expect.objectContaining({ version: 1, schema: plotSchema }),
    ]);
    // Citizens' apps see the form with its version.
    const offered = (await ok('GET', '/api/v1/catalog/categories?type=complaint')).find((c: any) => c.id === categoryId);
    expect(offered).toMatchObject({ extraFieldsSchema: plotSchema, schemaVersion: 1 });
    expect((await ok('GET', '/api/v1/catalog/categories?type=suggestion')).some((c: any) => c.id === categoryId)).toBe(false);
  });

  it('refuses a schema it could not run safely, naming what is wrong', async () => {
    const bad = async (schema: unknown, field: string, code: string) => {
      const res = await api('PUT', `/api/v1/admin/categories/${categoryId}/schema`, { schema }, tokens.admin);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    };
    await bad({ type: 'string' }, 'schema.type', 'schema_not_object');
    await bad({ type: 'object', properties: { 'bad name': { type: 'string' } } }, 'schema.properties', 'schema_field_name');
    await bad({ type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } } }, 'schema.properties.a.pattern', 'schema_pattern_not_allowed');
    await bad({ type: 'object', properties: { a: { $ref: 'http://example.com/x.json' } } }, 'schema.properties.a.$ref', 'schema_keyword_not_allowed');
    await bad({ type: 'object', properties: { a: { type: 'no-such-type' } } }, 'schema', 'invalid_schema');
    expect((await api('PUT', `/api/v1/admin/categories/${categoryId}/schema`, { schema: 'x' }, tokens.admin)).status).toBe(422);
    expect((await api('PUT', `/api/v1/admin/categories/${randomUUID()}/schema`, { schema: null }, tokens.admin)).status).toBe(404);
    // Nothing of that was stored.
    expect(await ok('GET', `/api/v1/admin/categories/${categoryId}/schema-versions`, undefined, tokens.admin)).toHaveLength(1);
  });

  it('filing validates the extra fields against the current version; an appeal keeps the version it was filed under', async () => {
    const filed = await file({ plotNumber: '77:01:0004012:123', area: 600 });
    expect(filed.status).toBe(201);
    firstAppeal = { id: filed.body.id, number: filed.body.number };
    const card = await ok('GET', `/api/v1/appeals/${filed.body.id}`, undefined, tokens.citizen);
    expect(card).toMatchObject({ extraFields: { plotNumber: '77:01:0004012:123', area: 600 }, extraFieldsSchemaVersion: 1 });

    const missing = await file({ area: 600 });
    expect(missing.status).toBe(422);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'extraFields.plotNumber', code: 'schema' })]);
    const wrongType = await file({ plotNumber: '1', area: 'large' });
    expect(wrongType.body.errors).toEqual([expect.objectContaining({ field: 'extraFields.area' })]);

    // Version 2 requires the cadastral quarter too.
    const v2 = { ...plotSchema, required: ['plotNumber', 'quarter'], properties: { ...plotSchema.properties, quarter: { type: 'string', enum: ['77:01', '77:02'], title: 'Квартал' } } };
    const changed = await ok('PUT', `/api/v1/admin/categories/${categoryId}/schema`, { schema: v2 }, tokens.admin);
    expect(changed).toMatchObject({ schemaVersion: 2, extraFieldsSchema: v2 });
    // A retry of the same change makes no third version.
    expect(await ok('PUT', `/api/v1/admin/categories/${categoryId}/schema`, { schema: v2 }, tokens.admin)).toMatchObject({ schemaVersion: 2 });
    expect((await ok('GET', `/api/v1/admin/categories/${categoryId}/schema-versions`, undefined, tokens.admin)).map((v: any) => v.version)).toEqual([2, 1]);
    expect((await api('PUT', `/api/v1/admin/categories/${categoryId}/schema`, { schema: v2 }, tokens.supervisor)).status).toBe(403);

    const underV1 = await file({ plotNumber: '77:01:0004012:124' });
    expect(underV1.status).toBe(422);
    expect(underV1.body.errors).toEqual([expect.objectContaining({ field: 'extraFields.quarter' })]);
    const underV2 = await file({ plotNumber: '77:01:0004012:124', quarter: '77:02' });
    expect(underV2.status).toBe(201);
    expect(await ok('GET', `/api/v1/appeals/${underV2.body.id}`, undefined, tokens.citizen)).toMatchObject({ extraFieldsSchemaVersion: 2 });
    // The first appeal still names version 1, whose schema is kept.
    expect(await ok('GET', `/api/v1/appeals/${firstAppeal.id}`, undefined, tokens.citizen)).toMatchObject({ extraFieldsSchemaVersion: 1 });
  });

  it('the tester names the deciding rule; a replay of a draft set reports the moves; the saved rule fills the department queue', async () => {
    const sample = { type: 'complaint', categoryId, subject: 'Границы', text: 'Сосед занял часть участка', extraFields: { plotNumber: '1' } };
    expect(await ok('POST', '/api/v1/admin/routing-rules/test', sample, tokens.supervisor)).toMatchObject({
      decidedBy: 'general_pool',
      departmentId: departments['general-pool'],
      ruleId: null,
    });
    const rule = { position: 500, name: `Участки ${suffix} → техподдержка`, categoryId, departmentId: departments['tech-support'] };
    const saved = (await ok('GET', '/api/v1/admin/routing-rules', undefined, tokens.admin)).map(({ id: _id, ...r }: any) => r);
    const draft = { days: 1, rules: [...saved, rule] };
    expect((await api('POST', '/api/v1/admin/routing-rules/replay', draft, tokens.supervisor)).status).toBe(403);
    const report = await ok('POST', '/api/v1/admin/routing-rules/replay', draft, tokens.admin);
    // The two appeals filed in this category so far would go to tech support instead of the pool; nothing else moves.
    expect(report).toMatchObject({ days: 1, moved: 2, truncated: false, limit: 5000 });
    expect(report.scanned).toBeGreaterThanOrEqual(2);
    expect(report.unchanged).toBe(report.scanned - 2);
    expect(report.moves).toEqual([
      expect.objectContaining({ fromDepartmentId: departments['general-pool'], toDepartmentId: departments['tech-support'], toDepartmentName: 'Отдел технической поддержки', count: 2 }),
    ]);
    expect(report.examples.map((e: any) => e.number)).toContain(firstAppeal.number);
    expect(report.examples[0]).toMatchObject({ ruleName: rule.name, currentDepartmentId: departments['general-pool'] });
    expect(report.cost).toMatch(/appeals_registered/);
    // The draft set as it is saved now moves nothing.
    expect(await ok('POST', '/api/v1/admin/routing-rules/replay', { days: 1, rules: saved }, tokens.admin)).toMatchObject({ moved: 0, moves: [], examples: [] });
    // A draft rule naming a department that does not exist is named by its place in the set.
    const broken = await api('POST', '/api/v1/admin/routing-rules/replay', { days: 1, rules: [...saved, { ...rule, departmentId: randomUUID() }] }, tokens.admin);
    expect(broken.status).toBe(422);
    expect(broken.body.errors).toEqual([expect.objectContaining({ field: `rules.${saved.length}.departmentId`, code: 'invalid_department' })]);
    expect((await api('POST', '/api/v1/admin/routing-rules/replay', { days: 91, rules: [] }, tokens.admin)).status).toBe(422);

    const created = await ok('POST', '/api/v1/admin/routing-rules', rule, tokens.admin);
    expect(await ok('POST', '/api/v1/admin/routing-rules/test', sample, tokens.admin)).toMatchObject({
      decidedBy: 'rule',
      ruleId: created.id,
      ruleName: rule.name,
      departmentId: departments['tech-support'],
      departmentName: 'Отдел технической поддержки',
    });
    const filed = await file({ plotNumber: '77:01:0004012:200', area: 15, quarter: '77:01' });
    expect(filed.status).toBe(201);
    const queue = await ok('GET', `/api/v1/staff/appeals?categoryId=${categoryId}`, undefined, tokens.operator);
    expect(queue.items.map((i: any) => i.id)).toContain(filed.body.id);
    const card = await ok('GET', `/api/v1/staff/appeals/${filed.body.id}`, undefined, tokens.operator);
    expect(card).toMatchObject({ departmentId: departments['tech-support'], extraFields: { plotNumber: '77:01:0004012:200', area: 15, quarter: '77:01' }, extraFieldsSchemaVersion: 2 });
  });

  it('edits, orders and retires categories; a retired one is not offered, its appeals keep it', async () => {
    const sub = await ok('POST', '/api/v1/admin/categories', { code: `plots-${suffix}-borders`, nameRu: 'Границы', nameEn: 'Borders', parentId: categoryId }, tokens.admin);
    expect(sub).toMatchObject({ parentId: categoryId, schemaVersion: null });
    const deep = await api('POST', '/api/v1/admin/categories', { code: `plots-${suffix}-deep`, nameRu: 'Глубже', nameEn: 'Deeper', parentId: sub.id }, tokens.admin);
    expect(deep.status).toBe(422);
    expect(deep.body.errors).toEqual([expect.objectContaining({ field: 'parentId', code: 'invalid_parent' })]);

    const edited = await ok('PATCH', `/api/v1/admin/categories/${categoryId}`, { nameEn: 'Land plots and borders', totkCode: '0003.0011.0120.0709', departmentId: departments.finance }, tokens.admin);
    expect(edited).toMatchObject({ nameEn: 'Land plots and borders', nameRu: 'Земельные участки', totkCode: '0003.0011.0120.0709', departmentId: departments.finance });
    expect((await api('PATCH', `/api/v1/admin/categories/${categoryId}`, { departmentId: randomUUID() }, tokens.admin)).body.errors).toEqual([
      expect.objectContaining({ field: 'departmentId', code: 'invalid_department' }),
    ]);
    expect((await api('PATCH', `/api/v1/admin/categories/${categoryId}`, { code: 'renamed' }, tokens.admin)).status).toBe(422);
    // A name or the priority cannot be cleared.
    for (const body of [{ nameRu: null }, { nameEn: null }, { priority: null }]) expect((await api('PATCH', `/api/v1/admin/categories/${categoryId}`, body, tokens.admin)).status).toBe(422);

    const second = await ok('POST', '/api/v1/admin/categories', { code: `plots-${suffix}-fences`, nameRu: 'Заборы', nameEn: 'Fences', parentId: categoryId }, tokens.admin);
    const reordered = await ok('POST', '/api/v1/admin/categories/reorder', { parentId: categoryId, ids: [second.id, sub.id] }, tokens.admin);
    expect(reordered).toEqual({ parentId: categoryId, ids: [second.id, sub.id] });
    const children = (await ok('GET', '/api/v1/admin/categories', undefined, tokens.admin)).filter((c: any) => c.parentId === categoryId);
    expect(children.map((c: any) => c.id)).toEqual([second.id, sub.id]);
    const partial = await api('POST', '/api/v1/admin/categories/reorder', { parentId: categoryId, ids: [sub.id] }, tokens.admin);
    expect(partial.status).toBe(422);
    expect(partial.body.errors).toEqual([expect.objectContaining({ field: 'ids', code: 'not_the_children' })]);

    expect(await ok('POST', `/api/v1/admin/categories/${categoryId}/retire`, undefined, tokens.admin)).toMatchObject({ active: false });
    expect((await ok('GET', '/api/v1/catalog/categories')).some((c: any) => c.id === categoryId)).toBe(false);
    const refused = await file({ plotNumber: '1', quarter: '77:01' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'categoryId', code: 'unknown_category' })]);
    expect(await ok('GET', `/api/v1/appeals/${firstAppeal.id}`, undefined, tokens.citizen)).toMatchObject({ categoryId, extraFieldsSchemaVersion: 1 });
    // Its subcategory cannot come back while the parent is retired.
    await ok('POST', `/api/v1/admin/categories/${sub.id}/retire`, undefined, tokens.admin);
    expect((await api('POST', `/api/v1/admin/categories/${sub.id}/reinstate`, undefined, tokens.admin)).body.code).toBe('category_parent_retired');
    expect((await api('POST', `/api/v1/admin/categories/${categoryId}/reinstate`, undefined, tokens.supervisor)).status).toBe(403);
    expect(await ok('POST', `/api/v1/admin/categories/${categoryId}/reinstate`, undefined, tokens.admin)).toMatchObject({ active: true });
    expect((await ok('GET', '/api/v1/catalog/categories')).some((c: any) => c.id === categoryId)).toBe(true);
  });

  describe('production calendar', () => {
    // July 2140 has no public holidays. Its first Monday, and the days after it.
    const year = 2140;
    const first = new Date(Date.UTC(year, 6, 1));
    const monday = new Date(first.getTime() + ((8 - first.getUTCDay()) % 7) * 86_400_000);
    const day = (n: number) => new Date(monday.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const dm = (n: number) => `${day(n).slice(5, 7)}.${day(n).slice(8, 10)}`;
    // Tuesday shortened before a Wednesday holiday and a Thursday day off (a transfer).
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="${year}" lang="ru"><holidays><holiday id="1" title="Тестовый праздник"/></holidays>
<days><day d="${dm(1)}" t="2"/><day d="${dm(2)}" t="1" h="1"/><day d="${dm(3)}" t="1"/></days></calendar>`;

    it('an imported xmlcalendar year with a shortened pre-holiday day moves the previewed deadlines', async () => {
      // A question: 5 working days. By the Labour Code July has no holidays: Monday → next Monday.
      const before = await ok('GET', `/api/v1/admin/calendar/preview?from=${encodeURIComponent(MSK(`${day(0)}T10:00:00`))}&type=question`, undefined, tokens.supervisor);
      expect(before).toMatchObject({ type: 'question', resolutionUnit: 'working_days', resolutionAmount: 5, dueAt: MSK(`${day(7)}T23:59:59.999`), nonWorkingDays: [day(5), day(6)] });
      // A category whose policy counts 8 office hours: from Tuesday 10:00 it ends at 18:00 the same day.
      await ok('PUT', '/api/v1/admin/sla-policies', { type: 'question', categoryId, resolutionUnit: 'working_hours', resolutionAmount: 8, firstResponseHours: 24, priorityFirstResponseHours: 2 }, tokens.admin);
      const hoursFrom = `/api/v1/admin/calendar/preview?from=${encodeURIComponent(MSK(`${day(1)}T10:00:00`))}&type=question&categoryId=${categoryId}`;
      expect(await ok('GET', hoursFrom, undefined, tokens.admin)).toMatchObject({ resolutionUnit: 'working_hours', dueAt: MSK(`${day(1)}T18:00:00`) });

      expect((await api('POST', `/api/v1/admin/calendar/${year}/import`, { format: 'xmlcalendar_xml', content: xml }, tokens.supervisor)).status).toBe(403);
      const imported = await ok('POST', `/api/v1/admin/calendar/${year}/import`, { format: 'xmlcalendar_xml', content: xml }, tokens.admin);
      expect(imported).toMatchObject({ year, source: 'official', nonWorking: [day(2), day(3)], holidays: [day(2)], shortened: [day(1)], working: [] });
      expect(await ok('GET', `/api/v1/admin/calendar/${year}`, undefined, tokens.supervisor)).toMatchObject({ shortened: [day(1)], holidays: [day(2)] });

      // Two more days off: the question is due on Wednesday a week later.
      const after = await ok('GET', `/api/v1/admin/calendar/preview?from=${encodeURIComponent(MSK(`${day(0)}T10:00:00`))}&type=question`, undefined, tokens.admin);
      expect(after).toMatchObject({ dueAt: MSK(`${day(9)}T23:59:59.999`), nonWorkingDays: [day(2), day(3), day(5), day(6)] });
      // The shortened Tuesday ends at 17:00: 7 hours that day, the eighth on Friday after the two days off.
      expect(await ok('GET', hoursFrom, undefined, tokens.admin)).toMatchObject({ dueAt: MSK(`${day(4)}T10:00:00`) });
    });

    it('imports the JSON form and refuses a file of another year or of no known format', async () => {
      const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, days: '' }));
      const m = Number(day(2).slice(5, 7));
      months[m - 1].days = `${Number(day(1).slice(8))}*,${Number(day(2).slice(8))},${Number(day(3).slice(8))}+`;
      const json = JSON.stringify({ year: year + 1, months });
      const res = await ok('POST', `/api/v1/admin/calendar/${year + 1}/import`, { format: 'xmlcalendar_json', content: json }, tokens.admin);
      expect(res.year).toBe(year + 1);
      expect(res.shortened).toHaveLength(1);
      // Every weekend the file does not list as a day off is a working day by a transfer.
      expect(res.working.length).toBeGreaterThan(100);
      const mismatch = await api('POST', `/api/v1/admin/calendar/${year + 2}/import`, { format: 'xmlcalendar_xml', content: xml }, tokens.admin);
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.errors).toEqual([expect.objectContaining({ field: 'content', code: 'calendar_year_mismatch' })]);
      const entity = await api('POST', `/api/v1/admin/calendar/${year}/import`, { format: 'xmlcalendar_xml', content: `<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>${xml}` }, tokens.admin);
      expect(entity.body.errors).toEqual([expect.objectContaining({ field: 'content', code: 'calendar_doctype' })]);
      expect((await api('POST', `/api/v1/admin/calendar/${year}/import`, { format: 'ics', content: xml }, tokens.admin)).status).toBe(422);
      expect((await api('GET', `/api/v1/admin/calendar/preview?from=2140-02-30&type=question`, undefined, tokens.admin)).status).toBe(422);
      expect((await api('GET', `/api/v1/admin/calendar/preview?from=2140-02-03&type=question`, undefined, tokens.operator)).status).toBe(403);
    });
  });
});
