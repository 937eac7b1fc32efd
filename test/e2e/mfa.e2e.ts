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

  it('with STAFF_MFA=required, staff without a factor get a code by e-mail', async () => {
    const first = await login(DEMO.operator.login, DEMO.operator.password);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mfaRequired: true, methods: ['email'], codeSentTo: expect.stringMatching(/\*\*\*@/) });
    const mail = await eventually(() => smtp.mails.find((m) => m.to.includes(DEMO.operator.login) && /Код входа/.test(m.text)));
    const ok = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: first.body.mfaToken, code: codeIn(mail.text) });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toEqual(expect.any(String));
  });

  it('tells the user by e-mail about a sign-in from a new device', async () => {
    const { data } = await registerCitizen(base, sms);
    expect((await login(data.email, STRONG_PASSWORD, 'Firefox on a new laptop')).status).toBe(200);
    const mail = await eventually(() => smtp.mails.find((m) => m.to.includes(data.email as string) && m.text.includes('Firefox on a new laptop')));
    expect(mail.text).toMatch(/Если это были не вы/);
  });
});
