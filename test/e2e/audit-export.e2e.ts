import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BASE_URL, DEMO } from './support/api';
import { call } from './support/identity';

/** The audit viewer's server side: the IP filter, and exports as CSV and PDF with before → after (issue 16, part B). */
describe('audit export (GET /audit/export) and the IP filter', () => {
  let base: string;
  let db: Client;
  let admin: string;
  let auditor: string;
  let deptId: string;

  const signIn = async (who: { login: string; password: string }, headers: Record<string, string> = {}) =>
    (await call(base, 'POST', '/api/v1/auth/login', who, undefined, headers)).body.accessToken as string;
  const download = async (path: string, token?: string) => {
    const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    base = BASE_URL();
    db = new Client({ connectionString: process.env.OTKLIK_DATABASE_URL });
    await db.connect();
    admin = await signIn(DEMO.admin);
    auditor = await signIn(DEMO.auditor);
    // A configuration change to find: a department renamed, before → after.
    const created = await call(base, 'POST', '/api/v1/admin/departments', { code: `ax-${randomUUID().slice(0, 8)}`, nameRu: 'До', nameEn: 'Before', parentId: null }, admin);
    deptId = created.body.id;
    expect((await call(base, 'PATCH', `/api/v1/admin/departments/${deptId}`, { nameRu: '=После' }, admin)).status).toBe(200);
  });

  afterAll(async () => db?.end());

  it('exports the filtered trail as CSV with before → after and audits the export', async () => {
    const csv = await download(`/api/v1/audit/export?format=csv&entityType=department&entityId=${deptId}`, auditor);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\ufeff№,Время (UTC),Роль,Кто')).toBe(true);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('department.update');
    expect(lines[1]).toContain("nameRu: До → =После");
    expect(lines[2]).toContain('department.create');
    const [row] = (await db.query<{ actor_role: string; details: { format: string; rows: number; filters: Record<string, string> } }>(
      `SELECT actor_role, details FROM audit_log WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1`,
    )).rows;
    expect(row).toMatchObject({ actor_role: 'auditor', details: { format: 'csv', rows: 2, filters: { entityType: 'department', entityId: deptId } } });
  });

  it('exports a PDF in English when asked', async () => {
    const res = await fetch(`${base}/api/v1/audit/export?format=pdf&action=department.`, { headers: { authorization: `Bearer ${admin}`, 'accept-language': 'en' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(1000);
  });

  it('filters by IP', async () => {
    const list = await call(base, 'GET', '/api/v1/audit?action=department.update&limit=1', undefined, auditor);
    const ip = list.body.items[0].ip as string;
    expect(ip).toEqual(expect.any(String));
    const same = await call(base, 'GET', `/api/v1/audit?ip=${encodeURIComponent(ip)}&limit=5`, undefined, auditor);
    expect(same.body.items.length).toBeGreaterThan(0);
    expect(same.body.items.every((e: { ip: string }) => e.ip === ip)).toBe(true);
    expect((await call(base, 'GET', '/api/v1/audit?ip=192.0.2.250', undefined, auditor)).body.items).toEqual([]);
  });

  it('only auditors and admins export; bad filters are 422 problems', async () => {
    for (const who of [DEMO.operator, DEMO.supervisor, DEMO.citizen]) {
      expect((await download('/api/v1/audit/export', await signIn(who))).status).toBe(403);
    }
    expect((await download('/api/v1/audit/export')).status).toBe(401);
    for (const q of ['format=xlsx', 'ip=not-an-ip', 'from=2026-02-30', 'actorId=nope', 'limit=0']) {
      const res = await call(base, 'GET', `/api/v1/audit/export?${q}`, undefined, auditor);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });
});
