import { Client } from 'pg';
import { DEMO } from './support/api';
import { call, Reply } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';

/**
 * Retention for admins (issue 16, operations): the rule in force (RETENTION_YEARS / RETENTION_MODE
 * until an admin changes it, audited before → after), read by admins and auditors, changed by
 * admins only; the retention run applies the changed rule, and what it destroyed shows in the
 * read-only destruction records — the appeal's number, when, how, by which rule, no personal data.
 * A server of its own: it moves its clock past the retention period.
 */
jest.setTimeout(180_000);

const DAY = 86_400_000;
let server: RunningServer;
let db: Client;
const tokens: Record<string, string> = {};

const api = (method: string, path: string, who?: string, body?: unknown): Promise<Reply> => call(server.baseUrl, method, path, body, who ? tokens[who] : undefined);
const ok = async (method: string, path: string, who?: string, body?: unknown) => {
  const res = await api(method, path, who, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

beforeAll(async () => {
  server = await startServer({ CLOCK_CONTROL: 'true', SLA_TICK_SECONDS: '1', RETENTION_YEARS: '5', RETENTION_MODE: 'anonymise' });
  db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  for (const who of ['admin', 'auditor', 'supervisor', 'operator', 'citizen'] as const) tokens[who] = (await ok('POST', '/api/v1/auth/login', undefined, DEMO[who])).accessToken;
});

afterAll(async () => {
  await db?.end();
  if (server) await stopRunning(server);
});

describe('/admin/retention', () => {
  it('the rule comes from the configuration until an admin changes it; admins and auditors read it, only admins change it (audited before → after)', async () => {
    const initial = await ok('GET', '/api/v1/admin/retention/settings', 'admin');
    expect(initial).toEqual({ years: 5, mode: 'anonymise', source: 'configuration', configured: { years: 5, mode: 'anonymise' }, updatedAt: null });
    expect(await ok('GET', '/api/v1/admin/retention/settings', 'auditor')).toEqual(initial);
    for (const who of ['supervisor', 'operator', 'citizen']) expect((await api('GET', '/api/v1/admin/retention/settings', who)).status).toBe(403);
    for (const who of ['auditor', 'supervisor', 'operator', 'citizen']) expect((await api('PUT', '/api/v1/admin/retention/settings', who, { years: 2, mode: 'anonymise' })).status).toBe(403);

    const bad = await api('PUT', '/api/v1/admin/retention/settings', 'admin', { years: 0, mode: 'shred' });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['mode', 'years']);

    const changed = await ok('PUT', '/api/v1/admin/retention/settings', 'admin', { years: 2, mode: 'anonymise' });
    expect(changed).toMatchObject({ years: 2, mode: 'anonymise', source: 'admin', configured: { years: 5, mode: 'anonymise' } });
    expect(changed.updatedAt).not.toBeNull();
    expect(await ok('GET', '/api/v1/admin/retention/settings', 'auditor')).toEqual(changed);
    const audit = await db.query(`SELECT actor_role, changes FROM audit_log WHERE action = 'retention_settings.update' ORDER BY id`);
    expect(audit.rows).toEqual([{ actor_role: 'admin', changes: { years: { from: 5, to: 2 } } }]);
  });

  it('the retention run applies the changed rule, and the destroyed appeal appears in the destruction records (read-only, no personal data)', async () => {
    const tree = await ok('GET', '/api/v1/catalog/categories');
    const general = tree.flatMap((t: any) => [t, ...t.children]).find((c: any) => c.code === 'general');
    const subject = 'Личные сведения: Иванов, ул. Ленина, 1';
    const appeal = await ok('POST', '/api/v1/appeals', 'citizen', { type: 'question', categoryId: general.id, subject, text: 'Мой телефон +79990001122', contact: { phone: '+79990001122' } });
    await ok('POST', `/api/v1/appeals/${appeal.id}/actions/withdraw`, 'citizen', {});
    const closedAt = Date.parse((await ok('GET', `/api/v1/appeals/${appeal.id}`, 'citizen')).closedAt);
    // Two years (the admin's rule), not five (the configuration's), after closing.
    await ok('PUT', '/api/v1/test/clock', undefined, { offsetMs: closedAt + 2 * 365.25 * DAY + 2 * DAY - Date.now() });

    const deadline = Date.now() + 30_000;
    let record: any;
    while (!record) {
      const page = await ok('GET', '/api/v1/admin/retention/destructions', 'auditor');
      record = page.items.find((d: { appealId: string }) => d.appealId === appeal.id);
      if (!record && Date.now() > deadline) throw new Error('the retention run did not destroy the appeal');
      if (!record) await new Promise((r) => setTimeout(r, 300));
    }
    expect(record).toEqual({
      id: expect.stringMatching(/^\d+$/),
      appealId: appeal.id,
      number: appeal.number,
      closedAt: new Date(closedAt).toISOString(),
      destroyedAt: expect.any(String),
      mode: 'anonymised',
      actor: 'system:retention',
      retentionYears: 2,
    });
    expect((await ok('GET', `/api/v1/appeals/${appeal.id}`, 'citizen')).subject).toBe('Обезличено');

    const page = await api('GET', '/api/v1/admin/retention/destructions?limit=1', 'admin');
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain('Ленина');
    expect(JSON.stringify(page.body)).not.toContain('79990001122');
    for (const who of ['supervisor', 'operator', 'citizen']) expect((await api('GET', '/api/v1/admin/retention/destructions', who)).status).toBe(403);
    const forged = await api('GET', `/api/v1/admin/retention/destructions?cursor=${Buffer.from(JSON.stringify(['x; DROP'])).toString('base64url')}`, 'admin');
    expect(forged.status).toBe(422);
    expect(forged.body.errors[0]).toMatchObject({ field: 'cursor', code: 'invalid_cursor' });
  });
});
