import { call, registerCitizen, startMessagingServer, STRONG_PASSWORD } from './support/identity';

/** The signed-in user's sessions and password change (which ends the other sessions). */
describe('sessions (/me/sessions, /me/password)', () => {
  let env: Awaited<ReturnType<typeof startMessagingServer>>;
  let sms: typeof env.sms;
  let base: string;

  beforeAll(async () => {
    env = await startMessagingServer();
    ({ sms, base } = env);
  }, 120_000);

  afterAll(async () => env?.stop());

  const login = async (email: string, ua: string, password = STRONG_PASSWORD) => {
    const res = await call(base, 'POST', '/api/v1/auth/login', { login: email, password }, undefined, { 'user-agent': ua });
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; refreshToken: string };
  };

  it('lists sessions with the current one flagged, ends one, and ends all others', async () => {
    const { data } = await registerCitizen(base, sms);
    const phone = await login(data.email, 'Phone app');
    const laptop = await login(data.email, 'Laptop browser');
    const list = await call(base, 'GET', '/api/v1/me/sessions', undefined, laptop.accessToken);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(3);
    const current = list.body.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ userAgent: 'Laptop browser', ip: expect.any(String), createdAt: expect.any(String), lastUsedAt: expect.any(String) });
    const phoneSession = list.body.find((s: { userAgent: string }) => s.userAgent === 'Phone app');

    expect((await call(base, 'DELETE', `/api/v1/me/sessions/${phoneSession.id}`, undefined, laptop.accessToken)).status).toBe(204);
    expect((await call(base, 'POST', '/api/v1/auth/refresh', { refreshToken: phone.refreshToken })).status).toBe(401);
    // Its access token stops working at once, not when it expires.
    expect((await call(base, 'GET', '/api/v1/me', undefined, phone.accessToken)).status).toBe(401);
    expect((await call(base, 'DELETE', `/api/v1/me/sessions/${phoneSession.id}`, undefined, laptop.accessToken)).status).toBe(404);
    expect((await call(base, 'GET', '/api/v1/me/sessions', undefined, laptop.accessToken)).body).toHaveLength(2);

    const others = await call(base, 'POST', '/api/v1/me/sessions/revoke-others', undefined, laptop.accessToken);
    expect(others.body).toEqual({ revoked: 1 });
    const left = await call(base, 'GET', '/api/v1/me/sessions', undefined, laptop.accessToken);
    expect(left.body.map((s: { current: boolean }) => s.current)).toEqual([true]);
    expect((await call(base, 'POST', '/api/v1/auth/refresh', { refreshToken: laptop.refreshToken })).status).toBe(200);
  });

  it("cannot end another user's session", async () => {
    const a = await registerCitizen(base, sms);
    const b = await registerCitizen(base, sms);
    const bSessions = await call(base, 'GET', '/api/v1/me/sessions', undefined, b.accessToken);
    expect((await call(base, 'DELETE', `/api/v1/me/sessions/${bSessions.body[0].id}`, undefined, a.accessToken)).status).toBe(404);
    expect((await call(base, 'POST', '/api/v1/auth/refresh', { refreshToken: b.refreshToken })).status).toBe(200);
  });

  it('changes the password under the same policy; other sessions end, this one stays', async () => {
    const { data } = await registerCitizen(base, sms);
    const other = await login(data.email, 'Other device');
    const me = await login(data.email, 'This device');
    const wrong = await call(base, 'POST', '/api/v1/me/password', { currentPassword: 'Wrong#Pass42x', newPassword: 'Nw4$kTq8!pRz' }, me.accessToken);
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword', code: 'password_incorrect' })]);
    const weak = await call(base, 'POST', '/api/v1/me/password', { currentPassword: STRONG_PASSWORD, newPassword: 'Йцукен123!' }, me.accessToken);
    expect(weak.status).toBe(422);
    expect(weak.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'newPassword', code: 'password_sequence' })]));
    const same = await call(base, 'POST', '/api/v1/me/password', { currentPassword: STRONG_PASSWORD, newPassword: STRONG_PASSWORD }, me.accessToken);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'newPassword', code: 'password_reused' })]);
    const ok = await call(base, 'POST', '/api/v1/me/password', { currentPassword: STRONG_PASSWORD, newPassword: 'Nw4$kTq8!pRz' }, me.accessToken);
    expect(ok.status).toBe(204);
    expect((await call(base, 'POST', '/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await call(base, 'GET', '/api/v1/me', undefined, other.accessToken)).status).toBe(401);
    expect((await call(base, 'GET', '/api/v1/me', undefined, me.accessToken)).status).toBe(200);
    expect((await call(base, 'POST', '/api/v1/auth/refresh', { refreshToken: me.refreshToken })).status).toBe(200);
    await login(data.email, 'This device', 'Nw4$kTq8!pRz');
  });
});
