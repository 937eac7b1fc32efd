import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEMO } from './support/api';
import { call, eventually, startMessagingServer, STRONG_PASSWORD, totpFor } from './support/identity';

/**
 * Staff accounts administered over the API (issue 16, part B): invitation by e-mail (a real SMTP
 * server), the link that sets the password and enrols TOTP, lock with the sessions ending at once,
 * unlock, second-factor and password resets, sessions, the per-account IP allow-list (checked at
 * sign-in and on every request), supervisors reading their subtree, and the audit rows.
 * TRUST_PROXY lets a request name its client address (X-Forwarded-For), so the allow-list is tested
 * from addresses other than the loopback.
 */
describe('staff accounts (/admin/staff, /auth/account-link)', () => {
  let env: Awaited<ReturnType<typeof startMessagingServer>>;
  let base: string;
  let db: Client;
  let admin: string;
  let adminId: string;
  let supervisor: string;
  let departments: { id: string; code: string }[];

  const signIn = async (who: { login: string; password: string }) => {
    const res = await call(base, 'POST', '/api/v1/auth/login', who);
    if (!res.body?.accessToken) throw new Error(`${who.login}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const linkIn = (text: string) => {
    const match = /\/account-link#([A-Za-z0-9_-]{20,})/.exec(text);
    if (!match) throw new Error(`no link in: ${text}`);
    return match[1];
  };
  const mailTo = (email: string, subject: RegExp, after = 0) => eventually(() => env.smtp.mails.slice(after).find((m) => m.to.includes(email) && subject.test(m.subject ?? m.text)));
  const auditOf = async (action: string, entityId: string) =>
    (await db.query<{ actor_id: string | null; changes: Record<string, { from: unknown; to: unknown }> | null; details: Record<string, unknown> }>(
      'SELECT actor_id, changes, details FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id',
      [action, entityId],
    )).rows;

  /** Invites an operator of tech-support and accepts the invitation with TOTP; returns what the operator holds. */
  const invitedOperator = async (extra: Record<string, unknown> = {}) => {
    const email = `op.${randomUUID().slice(0, 8)}@body.example.ru`;
    const mailsBefore = env.smtp.mails.length;
    const created = await call(base, 'POST', '/api/v1/admin/staff', { email, fullName: 'Белова Ирина Петровна', role: 'operator', departmentId: dept('tech-support'), position: 'Специалист', ...extra }, admin);
    expect(created.status).toBe(201);
    const mail = await mailTo(email, /Приглашение/, mailsBefore);
    const accepted = await call(base, 'POST', '/api/v1/auth/account-link', { token: linkIn(mail.text), newPassword: STRONG_PASSWORD });
    expect(accepted.status).toBe(200);
    const totp = totpFor(accepted.body.enrolment.otpauthUri);
    const confirmed = await call(base, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { enrolmentToken: accepted.body.enrolment.enrolmentToken, code: totp.generate() });
    expect(confirmed.status).toBe(200);
    return { id: created.body.id as string, email, totp, accessToken: confirmed.body.accessToken as string };
  };
  const dept = (code: string) => departments.find((d) => d.code === code)!.id;

  beforeAll(async () => {
    env = await startMessagingServer({ TRUST_PROXY: 'true' });
    base = env.base;
    db = new Client({ connectionString: env.server.databaseUrl });
    await db.connect();
    admin = await signIn(DEMO.admin);
    supervisor = await signIn(DEMO.supervisor);
    adminId = (await call(base, 'GET', '/api/v1/me', undefined, admin)).body.id;
    departments = (await call(base, 'GET', '/api/v1/admin/departments', undefined, admin)).body;
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await env?.stop();
  });

  it('invites an operator by e-mail; the one-time link sets the password and enrols TOTP, then signs in', async () => {
    const email = `new.${randomUUID().slice(0, 8)}@body.example.ru`;
    const created = await call(base, 'POST', '/api/v1/admin/staff', { email, fullName: 'Новикова Дарья Олеговна', role: 'operator', departmentId: dept('finance') }, admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'operator', departmentId: dept('finance'), status: 'invited', mfaEnrolled: false, sessions: [], lastSignInAt: null });
    expect(Date.parse(created.body.invitationExpiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const [row] = await auditOf('staff.create', created.body.id);
    expect(row.actor_id).toBe(adminId);
    expect(row.changes).toMatchObject({ role: { from: null, to: 'operator' }, departmentId: { from: null, to: dept('finance') } });
    // The e-mail is personal data: the trail shows that it was set, masked.
    expect(row.changes!.email).toEqual({ from: null, to: expect.stringMatching(/^n\*\*\*/) });

    // No password yet: the account cannot sign in.
    expect((await call(base, 'POST', '/api/v1/auth/login', { login: email, password: STRONG_PASSWORD })).status).toBe(401);

    const mail = await mailTo(email, /Приглашение/);
    expect(mail.text).toMatch(/https?:\/\/[^ ]+\/account-link#/);
    const token = linkIn(mail.text);
    // The token is kept only as a hash.
    expect((await db.query('SELECT 1 FROM account_links WHERE token_hash = $1', [token])).rowCount).toBe(0);

    // A weak password is refused field by field, and the link stays usable.
    const weak = await call(base, 'POST', '/api/v1/auth/account-link', { token, newPassword: 'qwerty' });
    expect(weak.status).toBe(422);
    expect(weak.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(weak.body.errors[0].field).toBe('newPassword');

    const accepted = await call(base, 'POST', '/api/v1/auth/account-link', { token, newPassword: STRONG_PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body.email).toBe(email);
    expect(accepted.body.enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Otklik:/);
    // Single use.
    const again = await call(base, 'POST', '/api/v1/auth/account-link', { token, newPassword: STRONG_PASSWORD });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('account_link_invalid');

    const totp = totpFor(accepted.body.enrolment.otpauthUri);
    const confirmed = await call(base, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { enrolmentToken: accepted.body.enrolment.enrolmentToken, code: totp.generate() });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.backupCodes).toHaveLength(10);
    const me = await call(base, 'GET', '/api/v1/me', undefined, confirmed.body.accessToken);
    expect(me.body).toMatchObject({ email, role: 'operator' });

    const detail = await call(base, 'GET', `/api/v1/admin/staff/${created.body.id}`, undefined, admin);
    expect(detail.body).toMatchObject({ status: 'active', mfaEnrolled: true, invitationExpiresAt: null });
    expect(detail.body.sessions).toHaveLength(1);
    expect(Date.parse(detail.body.lastSignInAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await auditOf('auth.invitation_accepted', created.body.id))[0].actor_id).toBe(created.body.id);

    // Accepted: no more invitations.
    expect((await call(base, 'POST', `/api/v1/admin/staff/${created.body.id}/invitation`, undefined, admin)).body.code).toBe('invitation_already_accepted');
  });

  it('an expired or superseded invitation link is refused', async () => {
    const email = `late.${randomUUID().slice(0, 8)}@body.example.ru`;
    const created = await call(base, 'POST', '/api/v1/admin/staff', { email, fullName: 'Зайцев Олег', role: 'auditor' }, admin);
    expect(created.status).toBe(201);
    const first = linkIn((await mailTo(email, /Приглашение/)).text);
    const before = env.smtp.mails.length;
    const resent = await call(base, 'POST', `/api/v1/admin/staff/${created.body.id}/invitation`, undefined, admin);
    expect(resent.status).toBe(200);
    expect(resent.body.mailed).toBe(true);
    const second = linkIn((await mailTo(email, /Приглашение/, before)).text);
    expect((await call(base, 'POST', '/api/v1/auth/account-link', { token: first, newPassword: STRONG_PASSWORD })).status).toBe(410);
    await db.query(`UPDATE account_links SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`, [created.body.id]);
    expect((await call(base, 'POST', '/api/v1/auth/account-link', { token: second, newPassword: STRONG_PASSWORD })).status).toBe(410);
    expect((await call(base, 'POST', '/api/v1/auth/account-link', { token: 'x'.repeat(43), newPassword: STRONG_PASSWORD })).status).toBe(410);
  });

  it('locking ends the open session at once and refuses sign-in; unlocking lets the operator back in', async () => {
    const op = await invitedOperator();
    expect((await call(base, 'GET', '/api/v1/staff/appeals', undefined, op.accessToken)).status).toBe(200);

    const locked = await call(base, 'POST', `/api/v1/admin/staff/${op.id}/lock`, { reason: 'увольнение' }, admin);
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ status: 'locked', lockReason: 'admin', sessions: [] });
    // The very next call with the old access token is refused.
    const refused = await call(base, 'GET', '/api/v1/me', undefined, op.accessToken);
    expect(refused.status).toBe(401);
    const login = await call(base, 'POST', '/api/v1/auth/login', { login: op.email, password: STRONG_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('account_locked_pending_review');
    const [row] = await auditOf('staff.lock', op.id);
    expect(row.actor_id).toBe(adminId);
    expect(row.changes!.lockedAt.from).toBeNull();
    expect(row.changes!.lockedAt.to).toEqual(expect.any(String));
    expect(row.details).toMatchObject({ reason: 'увольнение', sessionsEnded: 1 });
    // Locking again changes nothing (and writes nothing).
    expect((await call(base, 'POST', `/api/v1/admin/staff/${op.id}/lock`, {}, admin)).status).toBe(200);
    expect(await auditOf('staff.lock', op.id)).toHaveLength(1);

    const unlocked = await call(base, 'POST', `/api/v1/admin/staff/${op.id}/unlock`, undefined, admin);
    expect(unlocked.body).toMatchObject({ status: 'active', lockedAt: null });
    expect((await auditOf('staff.unlock', op.id))[0].changes).toMatchObject({ lockReason: { from: 'admin', to: null } });
    const back = await call(base, 'POST', '/api/v1/auth/login', { login: op.email, password: STRONG_PASSWORD });
    expect(back.body).toMatchObject({ mfaRequired: true, methods: ['totp', 'backup_code'] });
    const signedIn = await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: back.body.mfaToken, code: op.totp.generate() });
    expect(signedIn.status).toBe(200);
  });

  it('an admin lists a staff member\u2019s sessions and ends one; ends all with a second-factor reset', async () => {
    const op = await invitedOperator();
    const detail = await call(base, 'GET', `/api/v1/admin/staff/${op.id}`, undefined, admin);
    const [session] = detail.body.sessions;
    expect(session).toMatchObject({ id: expect.any(String), ip: expect.any(String), current: false });
    expect((await call(base, 'DELETE', `/api/v1/admin/staff/${op.id}/sessions/${session.id}`, undefined, admin)).status).toBe(204);
    expect((await call(base, 'GET', '/api/v1/me', undefined, op.accessToken)).status).toBe(401);
    expect((await call(base, 'DELETE', `/api/v1/admin/staff/${op.id}/sessions/${session.id}`, undefined, admin)).status).toBe(404);
    expect((await auditOf('staff.session_revoked', op.id))[0].changes).toEqual({ activeSessions: { from: 1, to: 0 } });

    const login = await call(base, 'POST', '/api/v1/auth/login', { login: op.email, password: STRONG_PASSWORD });
    const token = (await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: login.body.mfaToken, code: op.totp.generate({ timestamp: Date.now() + 30_000 }) })).body.accessToken;
    expect((await call(base, 'GET', '/api/v1/me', undefined, token)).status).toBe(200);
    const reset = await call(base, 'POST', `/api/v1/admin/staff/${op.id}/reset-mfa`, undefined, admin);
    expect(reset.body).toMatchObject({ mfaEnrolled: false, sessions: [] });
    expect((await call(base, 'GET', '/api/v1/me', undefined, token)).status).toBe(401);
    expect((await auditOf('staff.mfa_reset', op.id))[0].changes).toEqual({ mfaMethod: { from: 'totp', to: null } });
    // Without a second factor (STAFF_MFA optional here) the password alone signs in again.
    expect((await call(base, 'POST', '/api/v1/auth/login', { login: op.email, password: STRONG_PASSWORD })).body.accessToken).toEqual(expect.any(String));
  });

  it('an admin\u2019s password reset e-mails a one-time link; the new password works, the old one does not', async () => {
    const op = await invitedOperator();
    const before = env.smtp.mails.length;
    const sent = await call(base, 'POST', `/api/v1/admin/staff/${op.id}/reset-password`, undefined, admin);
    expect(sent.status).toBe(200);
    expect(sent.body.mailed).toBe(true);
    const [row] = await auditOf('staff.password_reset_sent', op.id);
    expect(row.changes!.passwordResetExpiresAt.from).toBeNull();
    const token = linkIn((await mailTo(op.email, /Смена пароля/, before)).text);
    const newPassword = 'Zp4&nMv8#rLc';
    const accepted = await call(base, 'POST', '/api/v1/auth/account-link', { token, newPassword });
    expect(accepted.status).toBe(200);
    // TOTP is enrolled already: nothing more to do.
    expect(accepted.body.enrolment).toBeNull();
    // Setting the password ended the sessions.
    expect((await call(base, 'GET', '/api/v1/me', undefined, op.accessToken)).status).toBe(401);
    expect((await call(base, 'POST', '/api/v1/auth/login', { login: op.email, password: STRONG_PASSWORD })).status).toBe(401);
    expect((await call(base, 'POST', '/api/v1/auth/login', { login: op.email, password: newPassword })).body.mfaRequired).toBe(true);
  });

  it('the per-account IP allow-list is checked at sign-in and on every request', async () => {
    const op = await invitedOperator();
    const patched = await call(base, 'PATCH', `/api/v1/admin/staff/${op.id}`, { ipAllowList: ['10.9.9.0/24', '10.9.9.7'] }, admin);
    expect(patched.status).toBe(200);
    expect(patched.body.ipAllowList).toEqual(['10.9.9.0/24', '10.9.9.7']);
    // The change ended the sessions (the old token carried no list).
    expect((await call(base, 'GET', '/api/v1/me', undefined, op.accessToken)).status).toBe(401);
    expect((await auditOf('staff.update', op.id))[0].changes).toEqual({ ipAllowList: { from: [], to: ['10.9.9.0/24', '10.9.9.7'] } });

    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const outside = await call(base, 'POST', '/api/v1/auth/login', { login: op.email, password: STRONG_PASSWORD }, undefined, from('192.0.2.10'));
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('ip_not_allowed');
    const inside = await call(base, 'POST', '/api/v1/auth/login', { login: op.email, password: STRONG_PASSWORD }, undefined, from('10.9.9.20'));
    const token = (await call(base, 'POST', '/api/v1/auth/mfa', { mfaToken: inside.body.mfaToken, code: op.totp.generate() }, undefined, from('10.9.9.20'))).body.accessToken;
    expect((await call(base, 'GET', '/api/v1/me', undefined, token, from('10.9.9.20'))).status).toBe(200);
    // The same token from another address is refused.
    const elsewhere = await call(base, 'GET', '/api/v1/me', undefined, token, from('192.0.2.10'));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('ip_not_allowed');

    const bad = await call(base, 'PATCH', `/api/v1/admin/staff/${op.id}`, { ipAllowList: ['10.0.0.0/33', 'example.ru', '10.1.1.1'] }, admin);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(['ipAllowList[0]:invalid_network', 'ipAllowList[1]:invalid_network']);
  });

  it('changing the role or department ends the sessions; placement rules are checked', async () => {
    const op = await invitedOperator();
    const moved = await call(base, 'PATCH', `/api/v1/admin/staff/${op.id}`, { role: 'supervisor', departmentId: dept('finance'), position: 'Начальник отдела' }, admin);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ role: 'supervisor', departmentId: dept('finance'), position: 'Начальник отдела' });
    expect((await call(base, 'GET', '/api/v1/me', undefined, op.accessToken)).status).toBe(401);
    expect((await auditOf('staff.update', op.id))[0].changes).toMatchObject({ role: { from: 'operator', to: 'supervisor' }, departmentId: { from: dept('tech-support'), to: dept('finance') } });

    const noDepartment = await call(base, 'PATCH', `/api/v1/admin/staff/${op.id}`, { departmentId: null }, admin);
    expect(noDepartment.status).toBe(422);
    expect(noDepartment.body.errors[0]).toMatchObject({ field: 'departmentId', code: 'required' });
    const adminWithDepartment = await call(base, 'POST', '/api/v1/admin/staff', { email: `a.${randomUUID().slice(0, 8)}@body.example.ru`, fullName: 'А', role: 'admin', departmentId: dept('finance') }, admin);
    expect(adminWithDepartment.body.errors[0]).toMatchObject({ field: 'departmentId', code: 'department_not_allowed' });
    const unknown = await call(base, 'POST', '/api/v1/admin/staff', { email: `b.${randomUUID().slice(0, 8)}@body.example.ru`, fullName: 'Б', role: 'operator', departmentId: randomUUID() }, admin);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'departmentId', code: 'invalid_department' });
    const taken = await call(base, 'POST', '/api/v1/admin/staff', { email: DEMO.operator.login.toUpperCase(), fullName: 'В', role: 'operator', departmentId: dept('finance') }, admin);
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ field: 'email', code: 'taken' });
    const citizen = await call(base, 'POST', '/api/v1/admin/staff', { email: `c.${randomUUID().slice(0, 8)}@body.example.ru`, fullName: 'Г', role: 'citizen' }, admin);
    expect(citizen.status).toBe(422);
    expect((await call(base, 'POST', `/api/v1/admin/staff/${adminId}/lock`, {}, admin)).body.code).toBe('own_account');
    expect((await call(base, 'PATCH', `/api/v1/admin/staff/${adminId}`, { role: 'auditor' }, admin)).body.code).toBe('own_account');
  });

  it('lists and searches; supervisors read their subtree only; other roles are refused', async () => {
    const found = await call(base, 'GET', `/api/v1/admin/staff?q=${encodeURIComponent('сидоров')}`, undefined, admin);
    expect(found.status).toBe(200);
    expect(found.body.items.map((s: { email: string }) => s.email)).toEqual([DEMO.operator.login]);
    const page = await call(base, 'GET', '/api/v1/admin/staff?limit=2', undefined, admin);
    expect(page.body.items).toHaveLength(2);
    const next = await call(base, 'GET', `/api/v1/admin/staff?limit=2&cursor=${page.body.nextCursor}`, undefined, admin);
    expect(next.body.items[0].fullName >= page.body.items[1].fullName).toBe(true);
    expect(next.body.items.map((s: { id: string }) => s.id)).not.toContain(page.body.items[1].id);
    const admins = await call(base, 'GET', '/api/v1/admin/staff?role=admin', undefined, admin);
    expect(admins.body.items.every((s: { role: string }) => s.role === 'admin')).toBe(true);
    // No citizens among staff.
    expect((await call(base, 'GET', `/api/v1/admin/staff?q=${encodeURIComponent(DEMO.citizen.login)}`, undefined, admin)).body.items).toEqual([]);

    const supervised = await call(base, 'GET', '/api/v1/admin/staff?limit=100', undefined, supervisor);
    expect(supervised.status).toBe(200);
    const roles = new Set(supervised.body.items.map((s: { role: string }) => s.role));
    expect(roles.has('operator')).toBe(true);
    expect(roles.has('admin') || roles.has('auditor')).toBe(false);
    expect((await call(base, 'GET', `/api/v1/admin/staff/${adminId}`, undefined, supervisor)).status).toBe(404);
    const opId = found.body.items[0].id;
    expect((await call(base, 'GET', `/api/v1/admin/staff/${opId}`, undefined, supervisor)).status).toBe(200);
    expect((await call(base, 'POST', `/api/v1/admin/staff/${opId}/lock`, {}, supervisor)).status).toBe(403);
    for (const who of [DEMO.operator, DEMO.auditor, DEMO.citizen]) {
      const token = await signIn(who);
      expect((await call(base, 'GET', '/api/v1/admin/staff', undefined, token)).status).toBe(403);
    }
    expect((await call(base, 'GET', '/api/v1/admin/staff')).status).toBe(401);
  });

  it('refuses hostile input with problem+json, never a 500', async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/api/v1/admin/staff', { email: 'not-an-email', fullName: 'X', role: 'operator' }],
      ['POST', '/api/v1/admin/staff', { email: 'x@y.ru', fullName: 'X', role: 'operator', isAdmin: true }],
      ['POST', '/api/v1/admin/staff', { email: 'x@y.ru', fullName: 'X\u0000', role: 'operator', departmentId: randomUUID() }],
      ['POST', '/api/v1/admin/staff', { email: 'x@y.ru', fullName: 'X', role: 'operator', ipAllowList: [{ a: 1 }] }],
      ['GET', '/api/v1/admin/staff?cursor=%E0%A4%A', undefined],
      ['GET', '/api/v1/admin/staff?cursor=bm90LWpzb24', undefined],
      ['GET', '/api/v1/admin/staff?status=deleted', undefined],
      ['GET', '/api/v1/admin/staff/not-a-uuid', undefined],
      ['POST', '/api/v1/auth/account-link', { token: 'x'.repeat(300), newPassword: STRONG_PASSWORD }],
      ['POST', '/api/v1/auth/account-link', { token: ['a'], newPassword: STRONG_PASSWORD }],
    ];
    for (const [method, path, body] of cases) {
      const res = await call(base, method, path, body, admin);
      expect([400, 404, 410, 422]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    expect((await call(base, 'POST', `/api/v1/admin/staff/${randomUUID()}/lock`, {}, admin)).status).toBe(404);
    // Null where a value is required, on a real account: 422, nothing changed.
    const [someone] = (await call(base, 'GET', '/api/v1/admin/staff?role=operator&limit=1', undefined, admin)).body.items;
    for (const body of [{ ipAllowList: null }, { fullName: null }, { role: null }, { ipAllowList: ['10.0.0.0/8', null] }]) {
      const res = await call(base, 'PATCH', `/api/v1/admin/staff/${someone.id}`, body, admin);
      expect(res.status).toBe(422);
    }
    expect((await call(base, 'GET', `/api/v1/admin/staff/${someone.id}`, undefined, admin)).body).toMatchObject({ fullName: someone.fullName, role: 'operator', ipAllowList: someone.ipAllowList });
  });
});
