import { DEMO } from './support/api';
import { call, codeIn, eventually, registerCitizen, startMessagingServer, STRONG_PASSWORD, totpFor } from './support/identity';

/** Second factor at sign-in: SMS code, TOTP (enrolled through the API), backup codes, staff e-mail codes. */
describe('MFA (POST /auth/login → /auth/mfa, /me/mfa/*)', () => {
  let env: Awaited<ReturnType<typeof startMessagingServer>>;
  let sms: typeof env.sms;
  let smtp: typeof env.smtp;
  let base: string;

  beforeAll(async () => {
    env = await startMessagingServer({ STAFF_MFA: 'required' });
    ({ sms, smtp, base } = env);
  }, 120_000);

  afterAll(async () => env?.stop());

  const login = (email: string, password = STRONG_PASSWORD, ua = 'otklik-e2e') =>
    call(base, 'POST', '/api/v1/auth/login', { login: email, password }, undefined, { 'user-agent': ua });

  it('signs in with password + SMS code', async () => {
    const { data, accessToken } = await registerCitizen(base, sms);
    expect((await call(base, 'POST', '/api/v1/me/mfa/sms', undefined, accessToken)).status).toBe(204);
    const first = await login(data.email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String), methods: ['sms'], codeSentTo: null });
    const before = sms.messages.length;
    const sent = await call(base, 'POST', '/api/v1/auth/mfa/sms', { mfaToken: first.body.mfaToken });
    expect(sent.status).toBe(202);
    expect(sent.body.codeSentTo).toMatch(/\*\*\*/);
    const text = await eventually(() => sms.messages.slice(before).find((m) => m.to === data.phone)?.text);
    const code = codeIn(text);
    const wrong = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: first.body.mfaToken, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('mfa_code_invalid');
    const ok = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: first.body.mfaToken, code });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toEqual(expect.any(String));
    // Single use: the same SMS code does not sign in twice.
    expect((await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: first.body.mfaToken, code })).status).toBe(401);
    // …and the spent mfaToken sends no further SMS.
    const sentBefore = sms.messages.length;
    const resend = await call(base, 'POST', '/api/v1/auth/mfa/sms', { mfaToken: first.body.mfaToken });
    expect(resend.status).toBe(401);
    expect(resend.body.code).toBe('mfa_token_invalid');
    expect(sms.messages.length).toBe(sentBefore);
  });

  it('enrols TOTP, signs in with TOTP and with a backup code (once), and turns MFA off with the password', async () => {
    const { data, accessToken } = await registerCitizen(base, sms);
    const enrol = await call(base, 'POST', '/api/v1/me/mfa/totp', undefined, accessToken);
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Otklik:/);
    expect(enrol.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const totp = totpFor(enrol.body.otpauthUri);
    const badConfirm = await call(base, 'POST', '/api/v1/me/mfa/totp/confirm', { code: '12345' }, accessToken);
    expect(badConfirm.status).toBe(422);
    const confirmed = await call(base, 'POST', '/api/v1/me/mfa/totp/confirm', { code: totp.generate() }, accessToken);
    expect(confirmed.status).toBe(200);
    const backupCodes: string[] = confirmed.body.backupCodes;
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);

    const first = await login(data.email);
    expect(first.body).toMatchObject({ mfaRequired: true, methods: ['totp', 'backup_code'] });
    expect(first.body.accessToken).toBeUndefined();
    const code = totp.generate();
    const signedIn = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: first.body.mfaToken, code });
    expect(signedIn.status).toBe(200);
    // A TOTP code is accepted once (replay of an observed code fails).
    const second = await login(data.email);
    expect((await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: second.body.mfaToken, code })).status).toBe(401);

    // Nor by two sign-ins racing with one fresh code (the next time step's, still accepted): one wins.
    const racing = await Promise.all([login(data.email), login(data.email)]);
    const fresh = totp.generate({ timestamp: Date.now() + 30_000 });
    const raced = await Promise.all(racing.map((r) => call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: r.body.mfaToken, code: fresh })));
    expect(raced.map((r) => r.status).sort()).toEqual([200, 401]);

    const backup = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: second.body.mfaToken, code: backupCodes[0] });
    expect(backup.status).toBe(200);
    const third = await login(data.email);
    const reused = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: third.body.mfaToken, code: backupCodes[0] });
    expect(reused.status).toBe(401);
    expect((await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: third.body.mfaToken, code: backupCodes[1] })).status).toBe(200);

    const token = signedIn.body.accessToken;
    const wrongPassword = await call(base, 'DELETE', '/api/v1/me/mfa', { password: 'Wrong#Pass123' }, token);
    expect(wrongPassword.status).toBe(422);
    expect(wrongPassword.body.errors[0]).toMatchObject({ field: 'password', code: 'password_incorrect' });
    expect((await call(base, 'DELETE', '/api/v1/me/mfa', { password: STRONG_PASSWORD }, token)).status).toBe(204);
    const plain = await login(data.email);
    expect(plain.body.accessToken).toEqual(expect.any(String));
  });

  it('refuses a forged or expired MFA token', async () => {
    const res = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: 'eyJhbGciOiJIUzI1NiJ9.e30.x', code: '123456' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('mfa_token_invalid');
  });

  it('with STAFF_MFA=required, staff without a factor get a code by e-mail and must enrol TOTP with it before they get a session', async () => {
    const first = await login(DEMO.operator.login, DEMO.operator.password);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mfaRequired: true, methods: ['email'], codeSentTo: expect.stringMatching(/\*\*\*@/), enrolment: 'totp' });
    const mail = await eventually(() => smtp.mails.find((m) => m.to.includes(DEMO.operator.login) && /Код входа/.test(m.text)));
    const code = codeIn(mail.text);
    // The e-mail code alone no longer signs in: no e-mail codes forever.
    const plain = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: first.body.mfaToken, code });
    expect(plain.status).toBe(403);
    expect(plain.body.code).toBe('mfa_enrolment_required');

    const wrongMail = await call(base, 'POST', '/api/v1/auth/mfa/enrolment', { mfaToken: first.body.mfaToken, code: code === '000000' ? '111111' : '000000' });
    expect(wrongMail.status).toBe(401);
    expect(wrongMail.body.code).toBe('mfa_code_invalid');
    const begun = await call(base, 'POST', '/api/v1/auth/mfa/enrolment', { mfaToken: first.body.mfaToken, code });
    expect(begun.status).toBe(200);
    expect(begun.body).toEqual({ enrolmentToken: expect.any(String), otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\/Otklik:/), qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(begun.headers.get('cache-control')).toBe('no-store');
    // The mfaToken was spent by the enrolment step.
    expect((await call(base, 'POST', '/api/v1/auth/mfa/enrolment', { mfaToken: first.body.mfaToken, code })).status).toBe(401);

    const totp = totpFor(begun.body.otpauthUri);
    const wrongTotp = await call(base, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { enrolmentToken: begun.body.enrolmentToken, code: '000000' });
    expect(wrongTotp.status).toBe(422);
    const confirmed = await call(base, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { enrolmentToken: begun.body.enrolmentToken, code: totp.generate() });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer' });
    expect(confirmed.body.backupCodes).toHaveLength(10);
    expect(confirmed.headers.get('cache-control')).toBe('no-store');
    expect((await call(base, 'GET', '/api/v1/me', undefined, confirmed.body.accessToken)).body.role).toBe('operator');
    // Spent: the enrolment token does not start a second session.
    expect((await call(base, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { enrolmentToken: begun.body.enrolmentToken, code: totp.generate() })).status).toBe(401);

    // From now on the operator signs in with the app (or a backup code), and no mail is sent.
    const mailsBefore = smtp.mails.length;
    const next = await login(DEMO.operator.login, DEMO.operator.password);
    expect(next.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String), methods: ['totp', 'backup_code'], codeSentTo: null });
    const backup = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: next.body.mfaToken, code: confirmed.body.backupCodes[0] });
    expect(backup.status).toBe(200);
    expect(smtp.mails.slice(mailsBefore).filter((m) => /Код входа/.test(m.text))).toEqual([]);
  });

  it('an mfaToken completes one sign-in only, also when two completions race', async () => {
    const { data, accessToken } = await registerCitizen(base, sms);
    const enrol = await call(base, 'POST', '/api/v1/me/mfa/totp', undefined, accessToken);
    const confirmed = await call(base, 'POST', '/api/v1/me/mfa/totp/confirm', { code: totpFor(enrol.body.otpauthUri).generate() }, accessToken);
    const [b1, b2, b3, b4, b5] = confirmed.body.backupCodes as string[];

    const first = await login(data.email);
    const ok = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: first.body.mfaToken, code: b1 });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const replay = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: first.body.mfaToken, code: b2 });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
    expect(replay.body.code).toBe('mfa_token_invalid');
    // The replay was refused before the code was looked at: b2 still works with a fresh sign-in.
    const second = await login(data.email);
    expect((await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: second.body.mfaToken, code: b2 })).status).toBe(200);

    // Two parallel completions with one token (each with a valid code): exactly one gets a session.
    const third = await login(data.email);
    const raced = await Promise.all([b3, b4].map((code) => call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: third.body.mfaToken, code })));
    expect(raced.map((r) => r.status).sort()).toEqual([200, 401]);
    const loser = raced.find((r) => r.status === 401)!;
    expect(loser.body.code).toBe('mfa_token_invalid');
    expect(loser.body.accessToken).toBeUndefined();
    expect((await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: third.body.mfaToken, code: b5 })).status).toBe(401);
  });

  it('tells the user by e-mail about a sign-in from a new device', async () => {
    const { data } = await registerCitizen(base, sms);
    expect((await login(data.email, STRONG_PASSWORD, 'Firefox on a new laptop')).status).toBe(200);
    const mail = await eventually(() => smtp.mails.find((m) => m.to.includes(data.email as string) && m.text.includes('Firefox on a new laptop')));
    expect(mail.text).toMatch(/Если это были не вы/);
  });
});
