import { call, codeIn, eventually, registerCitizen, registration, solvedCaptcha, startMessagingServer, STRONG_PASSWORD } from './support/identity';

/** Citizen registration exactly as a citizen app does it: ALTCHA, SMS code, then password recovery by e-mail. */
describe('registration (POST /auth/register, /auth/register/confirm)', () => {
  let env: Awaited<ReturnType<typeof startMessagingServer>>;
  let sms: typeof env.sms;
  let smtp: typeof env.smtp;
  let base: string;

  beforeAll(async () => {
    env = await startMessagingServer({ MAIL_FROM: 'Отклик <no-reply@otklik.test>' });
    ({ sms, smtp, base } = env);
  }, 120_000);

  afterAll(async () => env?.stop());

  const start = async (overrides: Record<string, unknown> = {}) => {
    const data = registration(overrides);
    const res = await call(base, 'POST', '/api/v1/auth/register', { ...data, captcha: await solvedCaptcha(base) });
    return { data, res };
  };
  const fields = (body: { errors?: { field: string; code: string }[] }) => (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

  it('registers a citizen: ALTCHA solved, SMS code confirmed, account active and signed in', async () => {
    const { data, res } = await start();
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ registrationId: expect.any(String), codeSentTo: expect.stringMatching(/^\+7 9\d\d \*\*\*-\*\*-\d\d$/), expiresAt: expect.any(String) });
    const text = await eventually(() => sms.messages.find((m) => m.to === data.phone)?.text);
    const confirmed = await call(base, 'POST', '/api/v1/auth/register/confirm', { registrationId: res.body.registrationId, code: codeIn(text) });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer' });
    const me = await call(base, 'GET', '/api/v1/me', undefined, confirmed.body.accessToken);
    expect(me.body).toMatchObject({ email: data.email, role: 'citizen', fullName: 'Смирнова Ольга Игоревна' });
    const login = await call(base, 'POST', '/api/v1/auth/login', { login: data.email, password: STRONG_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    // The code was single-use: the same registration cannot be confirmed twice.
    const again = await call(base, 'POST', '/api/v1/auth/register/confirm', { registrationId: res.body.registrationId, code: codeIn(text) });
    expect(again.status).toBe(422);
    expect(fields(again.body)).toEqual(['registrationId:registration_expired']);
  });

  it('refuses invalid СНИЛС, ИНН, phone, missing consent and weak passwords, naming each field', async () => {
    const { res } = await start({ snils: '112-233-445 96', inn: '500100732250', phone: '+74951234567', pdConsent: { version: '2026-01', accepted: false }, password: 'Qwerty123!' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(fields(res.body)).toEqual(
      expect.arrayContaining(['snils:snils_invalid', 'inn:inn_invalid', 'phone:phone', 'pdConsent.accepted:consent_required', 'password:password_sequence']),
    );
    const none = await start({ snils: undefined });
    expect(fields(none.res.body)).toContain('snils:snils_or_inn_required');
    const weak = await start({ password: 'Ghbdtn2024!' });
    expect(fields(weak.res.body)).toContain('password:password_weak');
    const classes = await start({ password: 'onlylowercaseletters' });
    expect(fields(classes.res.body)).toContain('password:password_classes');
    const email = await start({ email: 'not an email' });
    expect(fields(email.res.body)).toContain('email:isEmail');
  });

  it('accepts ИНН instead of СНИЛС', async () => {
    const { res } = await start({ snils: undefined, inn: '500100732259' });
    expect(res.status).toBe(202);
  });

  it('refuses a bad, missing or replayed CAPTCHA', async () => {
    const data = registration();
    const bad = await call(base, 'POST', '/api/v1/auth/register', { ...data, captcha: Buffer.from('{"number":1}').toString('base64') });
    expect(bad.status).toBe(422);
    expect(fields(bad.body)).toEqual(['captcha:captcha_invalid']);
    const missing = await call(base, 'POST', '/api/v1/auth/register', data);
    expect(fields(missing.body)).toContain('captcha:required');
    const captcha = await solvedCaptcha(base);
    expect((await call(base, 'POST', '/api/v1/auth/register', { ...data, captcha })).status).toBe(202);
    const replay = await call(base, 'POST', '/api/v1/auth/register', { ...registration(), captcha });
    expect(fields(replay.body)).toEqual(['captcha:captcha_invalid']);
  });

  it('refuses a wrong code, and after 5 wrong attempts also the right one', async () => {
    const { data, res } = await start();
    const text = await eventually(() => sms.messages.find((m) => m.to === data.phone)?.text);
    const right = codeIn(text);
    const wrong = right === '000000' ? '111111' : '000000';
    const first = await call(base, 'POST', '/api/v1/auth/register/confirm', { registrationId: res.body.registrationId, code: wrong });
    expect(first.status).toBe(422);
    expect(fields(first.body)).toEqual(['code:code_invalid']);
    for (let i = 0; i < 4; i++) await call(base, 'POST', '/api/v1/auth/register/confirm', { registrationId: res.body.registrationId, code: wrong });
    const late = await call(base, 'POST', '/api/v1/auth/register/confirm', { registrationId: res.body.registrationId, code: right });
    expect(late.status).toBe(422);
    expect(fields(late.body)).toEqual(['code:code_invalid']);
  });

  it('rate-limits resending the code to one phone (SMS pumping) with 429 and Retry-After', async () => {
    const { res } = await start();
    const resend = await call(base, 'POST', '/api/v1/auth/register/resend', { registrationId: res.body.registrationId });
    expect(resend.status).toBe(429);
    expect(resend.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(resend.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers a taken e-mail or СНИЛС with the same 409, naming neither', async () => {
    const { data } = await registerCitizen(base, sms);
    const byEmail = await start({ email: data.email });
    const bySnils = await start({ snils: data.snils });
    expect(byEmail.res.status).toBe(409);
    expect(bySnils.res.status).toBe(409);
    expect(byEmail.res.body.code).toBe('account_exists');
    expect(bySnils.res.body).toEqual({ ...byEmail.res.body, instance: expect.any(String) });
  });

  it('recovers a forgotten password with the code sent by e-mail; old sessions end', async () => {
    const { data, refreshToken } = await registerCitizen(base, sms);
    const unknown = await call(base, 'POST', '/api/v1/auth/password/forgot', { login: 'nobody-here@example.ru', channel: 'email' });
    expect(unknown.status).toBe(202);
    const forgot = await call(base, 'POST', '/api/v1/auth/password/forgot', { login: data.email, channel: 'email' });
    expect(forgot.status).toBe(202);
    const mail = await eventually(() => smtp.mails.find((m) => m.to.includes(data.email as string) && /парол/i.test(m.text)));
    const code = codeIn(mail.text);
    const weak = await call(base, 'POST', '/api/v1/auth/password/reset', { login: data.email, code, newPassword: 'password1' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors.map((e: { field: string }) => e.field)).toContain('newPassword');
    const newPassword = 'Lq9$wTz4!mVe';
    const reset = await call(base, 'POST', '/api/v1/auth/password/reset', { login: data.email, code, newPassword });
    expect(reset.status).toBe(204);
    const reused = await call(base, 'POST', '/api/v1/auth/password/reset', { login: data.email, code, newPassword: 'Other#Pass9wq' });
    expect(reused.status).toBe(422);
    expect(fields(reused.body)).toEqual(['code:code_invalid']);
    expect((await call(base, 'POST', '/api/v1/auth/refresh', { refreshToken })).status).toBe(401);
    expect((await call(base, 'POST', '/api/v1/auth/login', { login: data.email, password: STRONG_PASSWORD })).status).toBe(401);
    expect((await call(base, 'POST', '/api/v1/auth/login', { login: data.email, password: newPassword })).status).toBe(200);
  });
});
