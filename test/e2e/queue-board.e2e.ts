import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { BASE_URL, DEMO, raw, signedIn } from './support/api';
import { cliOnServer } from './support/cli';

/**
 * Bull Board (issue 16, operations): with Redis an admin opens a session (a short-lived HttpOnly,
 * SameSite=Strict cookie scoped to the board, audited) and the board answers; without the cookie
 * — an operator with a bearer token, a forged cookie — it is a 403. In the embedded mode there is
 * no board: the API says so and a session is refused with 409. The cookie lives no longer than
 * the session that opened it: a revoked session or a locked admin is turned away at once.
 */
const redis = !!process.env.REDIS_URL;
const BOARD = '/api/v1/admin/queue-board';

describe('Bull Board (/admin/queue-board)', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: process.env.OTKLIK_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => db?.end());

  it('says whether the board is there; only admins ask', async () => {
    const admin = await signedIn(DEMO.admin);
    const info = await raw('/api/v1/admin/queues/board', { token: admin.token });
    expect(info).toMatchObject({ status: 200, body: { available: redis, url: redis ? `${BOARD}/` : null } });
    for (const who of [DEMO.operator, DEMO.supervisor, DEMO.auditor, DEMO.citizen]) {
      const token = (await signedIn(who)).token;
      expect((await raw('/api/v1/admin/queues/board', { token })).status).toBe(403);
      expect((await raw('/api/v1/admin/queues/board/session', { method: 'POST', token })).status).toBe(403);
    }
  });

  const redisCase = 'with Redis: the admin\u2019s cookie opens the board; no cookie or a forged one is a 403';
  const embeddedCase = 'embedded mode: no board, and no session for it';
  it(redis ? redisCase : embeddedCase, async () => (redis ? withRedis() : embedded()));

  async function withRedis(): Promise<void> {
    const admin = await signedIn(DEMO.admin);
    const requestId = `board-${Date.now()}`;
    const opened = await raw('/api/v1/admin/queues/board/session', { method: 'POST', token: admin.token, headers: { 'x-request-id': requestId } });
    expect(opened.status).toBe(200);
    const setCookie = opened.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^otklik_queue_board=[\\w-]+\\.[\\w-]+; Path=${BOARD}; Max-Age=600; HttpOnly; SameSite=Strict`));
    const cookie = setCookie.split(';')[0];
    const audit = (await db.query(`SELECT action, actor_role FROM audit_log WHERE request_id = $1`, [requestId])).rows;
    expect(audit).toEqual([{ action: 'queue_board.session_opened', actor_role: 'admin' }]);

    const page = await fetch(`${BASE_URL()}${BOARD}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const queues = await fetch(`${BASE_URL()}${BOARD}/api/queues`, { headers: { cookie } });
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['domain-events', 'sla-scheduler', 'audit-chain']));

    const operator = await signedIn(DEMO.operator);
    const attempts: Record<string, string>[] = [{ authorization: `Bearer ${operator.token}` }, { authorization: `Bearer ${admin.token}` }, {}, { cookie: `${cookie.slice(0, -3)}abc` }];
    for (const headers of attempts) {
      const refused = await fetch(`${BASE_URL()}${BOARD}/api/queues`, { headers });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
  }

  const loseCase = 'with Redis: a revoked session or a locked admin loses the board at once, not when the cookie expires';
  const loseEmbedded = 'embedded mode: no board to lose';
  it(redis ? loseCase : loseEmbedded, async () => (redis ? losesBoard() : embedded()));

  /** A board cookie for a fresh sign-in of `who`; the sign-in's tokens with it. */
  async function boardFor(who: { login: string; password: string }): Promise<{ cookie: string; accessToken: string; refreshToken: string }> {
    const login = await raw('/api/v1/auth/login', { method: 'POST', body: JSON.stringify(who) });
    expect(login.status).toBe(200);
    const opened = await raw('/api/v1/admin/queues/board/session', { method: 'POST', token: login.body.accessToken });
    expect(opened.status).toBe(200);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(`${BASE_URL()}${BOARD}/api/queues`, { headers: { cookie } })).status).toBe(200);
    return { cookie, accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
  }
  const boardStatus = async (cookie: string) => (await fetch(`${BASE_URL()}${BOARD}/api/queues`, { headers: { cookie } })).status;

  async function losesBoard(): Promise<void> {
    // Signed out: the session the cookie came from is revoked, and with it the board; another session's cookie still works.
    const [signedOut, other] = [await boardFor(DEMO.admin), await boardFor(DEMO.admin)];
    expect((await raw('/api/v1/auth/logout', { method: 'POST', body: JSON.stringify({ refreshToken: signedOut.refreshToken }) })).status).toBeLessThan(300);
    expect(await boardStatus(signedOut.cookie)).toBe(403);
    expect(await boardStatus(other.cookie)).toBe(200);

    // Locked by another admin: every session of the account ends, the board at once.
    const second = { login: `board-admin-${randomUUID().slice(0, 8)}@example.ru`, password: 'Board#Admin2026' };
    const created = cliOnServer(['user:create', '--role', 'admin', '--email', second.login, '--password', second.password, '--name', 'Второй администратор']);
    if (created.status !== 0) throw new Error(`cli: ${created.out}`);
    const locked = await boardFor(second);
    const me = await raw('/api/v1/me', { token: locked.accessToken });
    const admin = await signedIn(DEMO.admin);
    expect((await raw(`/api/v1/admin/staff/${me.body.id}/lock`, { method: 'POST', token: admin.token, body: JSON.stringify({}) })).status).toBe(200);
    expect(await boardStatus(locked.cookie)).toBe(403);
    expect(await boardStatus(other.cookie)).toBe(200);
  }

  async function embedded(): Promise<void> {
    const admin = await signedIn(DEMO.admin);
    const refused = await raw('/api/v1/admin/queues/board/session', { method: 'POST', token: admin.token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('queue_board_unavailable');
    expect((await fetch(`${BASE_URL()}${BOARD}/`)).status).toBe(404);
  }
});
