import { Client } from 'pg';
import { DEMO } from './support/api';
import { call } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';

/**
 * Settings kept in memory by every process (categories, SLA policies, …) follow a change at once,
 * whoever made it: here an operator's SQL beside the server, as another instance or the CLI would.
 * Without the announcement at commit the server would keep its copy for CATALOG_CACHE_MS (30 s).
 */
describe('settings changed elsewhere reach the server at once', () => {
  let server: RunningServer;
  let db: Client;
  let citizen: string;
  let operator: string;
  let categoryId: string;

  beforeAll(async () => {
    server = await startServer();
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    citizen = (await call(server.baseUrl, 'POST', '/api/v1/auth/login', { login: DEMO.citizen.login, password: DEMO.citizen.password })).body.accessToken;
    operator = (await call(server.baseUrl, 'POST', '/api/v1/auth/login', { login: DEMO.operator.login, password: DEMO.operator.password })).body.accessToken;
    const categories = (await call(server.baseUrl, 'GET', '/api/v1/catalog/categories')).body as { id: string; code: string }[];
    categoryId = categories.find((c) => c.code === 'tech')!.id;
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    if (server) await stopRunning(server);
  });

  const file = () => call(server.baseUrl, 'POST', '/api/v1/appeals', { type: 'question', categoryId, subject: 'Кэш настроек', text: 'Проверка настроек.' }, citizen);

  /** Polls until `check` holds, for at most 3 s (a tenth of the cache's lifetime). */
  const within3s = async (check: () => Promise<boolean>): Promise<boolean> => {
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };

  it('a category retired by SQL is refused at once, and filed again once reinstated', async () => {
    expect((await file()).status).toBe(201); // the server now holds the category in memory
    await db.query('UPDATE categories SET active = false WHERE id = $1', [categoryId]);
    try {
      expect(await within3s(async () => (await file()).status === 422)).toBe(true);
      const refused = await file();
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'categoryId', code: 'unknown_category' })]);
    } finally {
      await db.query('UPDATE categories SET active = true WHERE id = $1', [categoryId]);
    }
    expect(await within3s(async () => (await file()).status === 201)).toBe(true);
  });

  it('an SLA policy changed by SQL sets the next deadline at once', async () => {
    const dueOf = async () => Date.parse((await file()).body.dueAt);
    const before = await dueOf();
    const { rows } = await db.query<{ resolution_amount: number }>(`SELECT resolution_amount FROM sla_policies WHERE type = 'question' AND category_id IS NULL`);
    await db.query(`UPDATE sla_policies SET resolution_amount = resolution_amount + 20 WHERE type = 'question' AND category_id IS NULL`);
    try {
      // Twenty more working days: at least four weeks later.
      expect(await within3s(async () => (await dueOf()) - before >= 28 * 86_400_000)).toBe(true);
    } finally {
      await db.query(`UPDATE sla_policies SET resolution_amount = $1 WHERE type = 'question' AND category_id IS NULL`, [rows[0].resolution_amount]);
    }
  });

  it("a department renamed by SQL is named so on the queue's rows at once", async () => {
    const firstRow = async () => {
      const page = await call(server.baseUrl, 'GET', '/api/v1/staff/appeals?limit=1', undefined, operator);
      expect(page.status).toBe(200);
      return page.body.items[0] as { department: { id: string; nameRu: string; nameEn: string } | null };
    };
    const { department } = await firstRow(); // the server now holds the departments in memory
    expect(department).toEqual({ id: expect.any(String), nameRu: expect.any(String), nameEn: expect.any(String) });
    const renamed = `${department!.nameRu} (переименован)`;
    await db.query('UPDATE departments SET name_ru = $2 WHERE id = $1', [department!.id, renamed]);
    try {
      expect(await within3s(async () => (await firstRow()).department?.nameRu === renamed)).toBe(true);
    } finally {
      await db.query('UPDATE departments SET name_ru = $2 WHERE id = $1', [department!.id, department!.nameRu]);
    }
    expect(await within3s(async () => (await firstRow()).department?.nameRu === department!.nameRu)).toBe(true);
  });

  it("a citizen renamed by SQL is named so on the queue's rows at once", async () => {
    const filed = await file();
    expect(filed.status).toBe(201);
    const rowOf = async () => {
      const page = await call(server.baseUrl, 'GET', `/api/v1/staff/appeals?q=${filed.body.number}&limit=1`, undefined, operator);
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      return page.body.items[0] as { id: string; citizenMasked: string | null };
    };
    const before = await rowOf(); // the server now remembers the citizen's name
    expect(before.id).toBe(filed.body.id);
    const { rows } = await db.query<{ full_name: string }>('SELECT full_name FROM users WHERE email = $1', [DEMO.citizen.login]);
    expect(before.citizenMasked).toBe(`${rows[0].full_name[0]}***${rows[0].full_name.split(' ').slice(1).map((part) => ` ${part[0]}.`).join('')}`);
    await db.query('UPDATE users SET full_name = $2 WHERE email = $1', [DEMO.citizen.login, 'Яковлева Юлия Эдуардовна']);
    try {
      expect(await within3s(async () => (await rowOf()).citizenMasked === 'Я*** Ю. Э.')).toBe(true);
    } finally {
      await db.query('UPDATE users SET full_name = $2 WHERE email = $1', [DEMO.citizen.login, rows[0].full_name]);
    }
    expect(await within3s(async () => (await rowOf()).citizenMasked === before.citizenMasked)).toBe(true);
  });
});
