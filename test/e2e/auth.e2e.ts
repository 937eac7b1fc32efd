import { hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { anonymous, DEMO, raw, signedIn, tokensOf } from './support/api';

describe('auth: /api/v1/auth', () => {
  it('signs a citizen in and /me tells who they are', async () => {
    const client = await signedIn(DEMO.citizen);
    const { data, response } = await client.GET('/api/v1/me');
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ email: DEMO.citizen.login, role: 'citizen', department: null });
  });

  it('staff /me names their department', async () => {
    const { data } = await (await signedIn(DEMO.operator)).GET('/api/v1/me');
    expect(data).toMatchObject({ role: 'operator', department: { code: 'tech-support' } });
  });

  it('refuses a wrong password with 401 problem+json and the same answer for an unknown login', async () => {
    const wrong = await raw('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ login: DEMO.citizen.login, password: 'nope-nope' }) });
    const unknown = await raw('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ login: 'ghost@nowhere.ru', password: 'nope-nope' }) });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, code: 'invalid_credentials', title: 'Неверный логин или пароль' });
    }
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole session', async () => {
    const api = anonymous();
    const first = tokensOf((await api.POST('/api/v1/auth/login', { body: DEMO.citizen2 })).data);
    const second = await api.POST('/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.response.status).toBe(200);
    expect(second.data!.refreshToken).not.toBe(first.refreshToken);
    // The spent token comes back (stolen copy): refused, and the family is revoked.
    const reuse = await api.POST('/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse.response.status).toBe(401);
    const afterReuse = await api.POST('/api/v1/auth/refresh', { body: { refreshToken: second.data!.refreshToken } });
    expect(afterReuse.response.status).toBe(401);
  });

  it('logout ends the session of the refresh token', async () => {
    const api = anonymous();
    const tokens = tokensOf((await api.POST('/api/v1/auth/login', { body: DEMO.citizen2 })).data);
    const out = await api.POST('/api/v1/auth/logout', { body: { refreshToken: tokens.refreshToken } });
    expect(out.response.status).toBe(204);
    expect((await api.POST('/api/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).response.status).toBe(401);
  });

  it('rejects missing, forged, alg:none and expired access tokens', async () => {
    expect((await raw('/api/v1/me')).status).toBe(401);
    const forged = await new SignJWT({ role: 'admin', name: 'x', dep: null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-0000-0000-000000000000')
      .setIssuer('otklik')
      .setAudience('otklik-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('not-the-server-key-not-the-server-key'));
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', role: 'admin', iss: 'otklik', aud: 'otklik-api', exp: 9999999999 })}.`;
    const real = await signedIn(DEMO.citizen);
    const [h, p] = real.token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${b64({ ...payload, role: 'admin' })}.${real.token.split('.')[2]}`;
    for (const token of [forged, none, tampered, 'garbage']) {
      const res = await raw('/api/v1/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthorized');
    }
  });

  it('rejects an access token past its expiry, even when signed with the real key', async () => {
    // The test server's master key lives in its DATA_DIR (demo mode); derive the signing key as the API does.
    const master = Buffer.from(readFileSync(join(process.env.OTKLIK_DATA_DIR!, 'master.key'), 'utf8').trim(), 'base64');
    const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'otklik:access-token', 32));
    // Same claims as a token the API issued (same session), only the expiry differs.
    const real = (await signedIn(DEMO.citizen)).token;
    const claims = JSON.parse(Buffer.from(real.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    const sign = (exp: number) =>
      new SignJWT({ ...claims, exp, iat: exp - 900 }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
    const now = Math.floor(Date.now() / 1000);
    const expired = await raw('/api/v1/me', { token: await sign(now - 60) });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('unauthorized');
    // Positive control: the very same token with a future expiry is accepted, so the refusal above is the expiry.
    expect((await raw('/api/v1/me', { token: await sign(now + 300) })).status).toBe(200);
  });

  it('validates the login body (field-level 422, unknown fields refused)', async () => {
    const res = await raw('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ login: '', role: 'admin' }), headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(422);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['login', 'password', 'role']);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'role').code).toBe('unknown_field');
  });
});
