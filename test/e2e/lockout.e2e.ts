import { Client } from 'pg';
import { DEMO } from './support/api';
import { call } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';

/** Brute force against sign-in is stopped per account (423) and per IP (429), with Retry-After. */
describe('lockout (POST /auth/login)', () => {
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    server = await startServer({ LOCKOUT_ACCOUNT_FAILURES: '5', LOCKOUT_IP_FAILURES: '12', STAFF_IP_ALLOWLIST: 'role:supervisor=10.0.0.0/8', TRUST_PROXY: 'true' });
    base = server.baseUrl;
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
  });

  const login = (login: string, password: string) => call(base, 'POST', '/api/v1/auth/login', { login, password });

  it('locks an account for a minute after 5 wrong passwords, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login(DEMO.citizen2.login, `Wrong#Pass${i}x`)).status).toBe(401);
    const locked = await login(DEMO.citizen2.login, DEMO.citizen2.password);
    expect(locked.status).toBe(423);
    expect(locked.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(locked.body.code).toBe('account_locked');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Other accounts are not affected.
    expect((await login(DEMO.citizen.login, DEMO.citizen.password)).status).toBe(200);
  });

  it('refuses staff outside their IP allow-list (STAFF_IP_ALLOWLIST)', async () => {
    const res = await login(DEMO.supervisor.login, DEMO.supervisor.password);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ip_not_allowed');
    expect((await login(DEMO.operator.login, DEMO.operator.password)).status).toBe(200);
  });

  it('checks STAFF_IP_ALLOWLIST on every request, not only at sign-in', async () => {
    // TRUST_PROXY lets the test name the client address (X-Forwarded-For).
    const inside = { 'x-forwarded-for': '10.20.30.40' };
    const signedIn = await call(base, 'POST', '/api/v1/auth/login', { login: DEMO.supervisor.login, password: DEMO.supervisor.password }, undefined, inside);
    expect(signedIn.status).toBe(200);
    const token = signedIn.body.accessToken as string;
    expect((await call(base, 'GET', '/api/v1/me', undefined, token, inside)).status).toBe(200);
    // The same token from an address outside the list is refused.
    const outside = await call(base, 'GET', '/api/v1/me', undefined, token, { 'x-forwarded-for': '192.0.2.7' });
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('ip_not_allowed');
    // An account no entry names keeps working from anywhere.
    const operator = (await login(DEMO.operator.login, DEMO.operator.password)).body.accessToken as string;
    expect((await call(base, 'GET', '/api/v1/me', undefined, operator, { 'x-forwarded-for': '192.0.2.7' })).status).toBe(200);
  });

  // Ageing a password is done in the database beside the server.
  it('makes staff change an expired password before anything else', async () => {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE users SET password_changed_at = now() - interval '91 days' WHERE email_normalized = $1`, [DEMO.operator.login]);
    } finally {
      await db.end();
    }
    const expired = await login(DEMO.operator.login, DEMO.operator.password);
    expect(expired.status).toBe(403);
    expect(expired.body.code).toBe('password_expired');
    expect(expired.body.title).toContain('/api/v1/auth/password/expired');
    const change = (newPassword: string) =>
      call(base, 'POST', '/api/v1/auth/password/expired', { login: DEMO.operator.login, currentPassword: DEMO.operator.password, newPassword });
    const weak = await change('Password#2026');
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].field).toBe('newPassword');
    expect((await change('Rk7$wqPz!3Lm')).status).toBe(204);
    expect((await login(DEMO.operator.login, 'Rk7$wqPz!3Lm')).status).toBe(200);
  });

  it('locks the client IP after repeated failures across many logins (credential stuffing)', async () => {
    // 5 failures so far from this IP (previous test); 7 more reach the limit of 12.
    for (let i = 0; i < 7; i++) expect((await login(`nobody${i}@example.ru`, 'Wrong#Pass1x')).status).toBe(401);
    const blocked = await login(DEMO.citizen.login, DEMO.citizen.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_failures');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits sign-in requests per IP per minute (AUTH_RATE_LIMIT_PER_MINUTE) with 429 and Retry-After, right passwords included', async () => {
    const limited = await startServer({ AUTH_RATE_LIMIT_PER_MINUTE: '4' });
    try {
      const attempt = () => call(limited.baseUrl, 'POST', '/api/v1/auth/login', DEMO.citizen);
      for (let i = 0; i < 4; i++) expect((await attempt()).status).toBe(200);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('rate_limited');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    } finally {
      await stopRunning(limited);
    }
  }, 120_000);
});
