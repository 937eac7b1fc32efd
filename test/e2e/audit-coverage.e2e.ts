import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEMO } from './support/api';
import { png } from './support/files';
import { call, codeIn, eventually, registerCitizen, solvedCaptcha, startMessagingServer, STRONG_PASSWORD, registration, totpFor } from './support/identity';

/**
 * Audit coverage (issue 17): every write operation of the OpenAPI document (POST, PUT, PATCH,
 * DELETE) is called once, validly, as the role it is for, with its own X-Request-Id; the audit log
 * must then hold exactly one row of that request, with the expected action and the right actor
 * (account id and role; anonymous for sign-in steps before an account is known). An operation
 * added to the document without a step here, or outside the reasoned exceptions, fails the test.
 *
 * A dedicated server with real SMS and SMTP sinks (sign-in, registration and recovery codes) and
 * STAFF_MFA=required, so that staff sign in through the enrolment steps those routes cover.
 */

/** Writes that are not audited, and why. Nothing else may be left out. */
const EXCEPTIONS: Record<string, string> = {
  'POST /api/v1/auth/refresh':
    'Rotates the session\u2019s refresh token every ACCESS_TOKEN_TTL (15 min) for every open console: not a sign-in. The sign-in that started the session is audited, and so is a reuse of a spent token (auth.refresh_reuse_detected), which revokes the family.',
  'POST /api/v1/answers/verify': 'Checks an uploaded document against its signature and stores nothing: a public read, like the GETs.',
  'POST /api/v1/public/upload-sessions':
    'Issues a stateless, signed upload-session token after spending a CAPTCHA, and stores nothing; each upload into the session is audited (attachment.upload by anonymous), and the filing that binds them is audited as the appeal\u2019s submission.',
  'POST /api/v1/me/notifications/read': 'Marks items of one\u2019s own feed read: per-user display state (the item keeps read_at), no personal data, no configuration, nobody else affected.',
  'POST /api/v1/me/notifications/read-all': 'As POST /me/notifications/read, for the whole feed.',
  'PUT /api/v1/staff/appeals/{idOrNumber}/presence':
    'The console card\u2019s heartbeat (every 15 s while a card is open): live, expiring state of who is looking at an appeal, in an unlogged table. It changes nothing of the appeal, no setting and no personal data; opening the card is a read like the GET of it.',
  'DELETE /api/v1/staff/appeals/{idOrNumber}/presence': 'As PUT /staff/appeals/{idOrNumber}/presence: the card was left.',
  'POST /api/v1/admin/routing-rules/test': 'The routing tester: runs the saved rules on a sample appeal given in the body and stores nothing; a read.',
  'POST /api/v1/admin/notification-templates/preview': 'Renders a notice with made-up sample facts and the draft text given in the body; stores nothing and reads no appeal: a read.',
  'POST /api/v1/admin/routing-rules/replay': 'Replays a draft rule set given in the body over recent appeals and stores nothing (the draft is not saved); answers appeal numbers and departments only, no personal data.',
};

interface Expected {
  action: string;
  /** Who the row must name: an account id, null for anonymous, or the account the call created (looked up after it). */
  actorId: string | null | (() => Promise<string>);
  actorRole: string;
  /** Fields the row's `changes` must show, before → after (others may be there too). */
  changes?: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Configuration writes: their row must say what changed, before → after (`changes`, non-empty).
 * Not the dead-letter retry: an operation on deliveries, not a setting (details count what it put back).
 */
/**
 * Admin writes that change configuration (their rows carry `changes`). Operational ones change no
 * setting: retrying dead deliveries, sending a webhook's test event or replaying deliveries, running
 * a СЭД export — their rows say what was done in `details`.
 */
const OPERATIONAL = ['/admin/event-deliveries/', '/admin/notification-deliveries/', '/admin/webhooks/{id}/test', '/replay', '/admin/sed-exports', '/admin/queues/board/session'];
const isConfigurationWrite = (op: string): boolean => op.split(' ')[1].startsWith('/api/v1/admin/') && !OPERATIONAL.some((part) => op.includes(part));

describe('audit coverage: every write route writes exactly one audit row with its actor and action', () => {
  let env: Awaited<ReturnType<typeof startMessagingServer>>;
  let base: string;
  let db: Client;
  const covered = new Set<string>();
  const failures: string[] = [];
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const totps: Record<string, ReturnType<typeof totpFor>> = {};

  const write = async (op: string, token: string | undefined, body: unknown, expected: Expected, path?: string, form?: FormData, extraHeaders: Record<string, string> = {}) => {
    const [method, template] = op.split(' ');
    const requestId = `cov-${randomUUID()}`;
    const headers: Record<string, string> = { ...extraHeaders, 'x-request-id': requestId };
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    if (form) res = await fetch(`${base}${path ?? template}`, { method, headers, body: form });
    else {
      if (body !== undefined) headers['content-type'] = 'application/json';
      res = await fetch(`${base}${path ?? template}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    }
    const text = await res.text();
    covered.add(op);
    if (res.status >= 300) {
      failures.push(`${op}: the call itself failed with ${res.status} ${text.slice(0, 300)}`);
      return undefined;
    }
    const { rows } = await db.query<{ action: string; actor_id: string | null; actor_role: string; changes: Record<string, { from: unknown; to: unknown }> | null }>(
      'SELECT action, actor_id, actor_role, changes FROM audit_log WHERE request_id = $1 ORDER BY id',
      [requestId],
    );
    const got = rows.map((r) => `${r.action} by ${r.actor_role}:${r.actor_id ?? '-'}`);
    const actorId = typeof expected.actorId === 'function' ? await expected.actorId() : expected.actorId;
    const want = `${expected.action} by ${expected.actorRole}:${actorId ?? '-'}`;
    if (got.length !== 1 || got[0] !== want) failures.push(`${op}: expected [${want}], got [${got.join(', ')}]`);
    const changes = rows.length === 1 ? rows[0].changes : null;
    if (isConfigurationWrite(op) && (!changes || Object.keys(changes).length === 0)) failures.push(`${op}: a configuration write whose audit row has no changes (before → after): ${JSON.stringify(changes)}`);
    for (const [field, change] of Object.entries(expected.changes ?? {})) {
      const stored = changes?.[field] ? { from: changes[field].from, to: changes[field].to } : undefined; // jsonb orders keys its own way
      if (JSON.stringify(stored) !== JSON.stringify(change)) failures.push(`${op}: changes.${field} should be ${JSON.stringify(change)}, got ${JSON.stringify(changes?.[field])}`);
    }
    return text ? (JSON.parse(text)) : undefined;
  };

  const get = async (path: string, token?: string) => (await call(base, 'GET', path, undefined, token)).body;
  const meId = async (token: string) => (await get('/api/v1/me', token)).id as string;

  /** Staff under STAFF_MFA=required: the first sign-in enrols TOTP with the e-mailed code. */
  const enrolStaff = async (who: keyof typeof DEMO, covering = false) => {
    const { login, password } = DEMO[who];
    const id = (await db.query<{ id: string }>('SELECT id FROM users WHERE email_normalized = $1', [login])).rows[0].id;
    ids[who] = id;
    const first = await call(base, 'POST', '/api/v1/auth/login', { login, password });
    if (!first.body?.mfaToken) throw new Error(`${who}: ${JSON.stringify(first.body)}`);
    const mail = await eventually(() => env.smtp.mails.find((m) => m.to.includes(login) && /Код входа/.test(m.text)));
    const code = codeIn(mail.text);
    let begun: any;
    if (covering) begun = await write('POST /api/v1/auth/mfa/enrolment', undefined, { mfaToken: first.body.mfaToken, code }, { action: 'auth.mfa_enrolment_started', actorId: id, actorRole: who === 'admin' ? 'admin' : 'operator' });
    else begun = (await call(base, 'POST', '/api/v1/auth/mfa/enrolment', { mfaToken: first.body.mfaToken, code })).body;
    const totp = totpFor(begun.otpauthUri);
    totps[who] = totp;
    const body = { enrolmentToken: begun.enrolmentToken, code: totp.generate() };
    // Enrolment and sign-in in one step: its one row is the sign-in, saying what was enrolled (details.mfaEnrolled).
    const done = covering
      ? await write('POST /api/v1/auth/mfa/enrolment/confirm', undefined, body, { action: 'auth.login', actorId: id, actorRole: who === 'admin' ? 'admin' : 'operator' })
      : (await call(base, 'POST', '/api/v1/auth/mfa/enrolment/confirm', body)).body;
    tokens[who] = done.accessToken;
  };

  beforeAll(async () => {
    env = await startMessagingServer({ STAFF_MFA: 'required', AUDIT_BULK_EXPORT_COUNT: '1' });
    base = env.base;
    db = new Client({ connectionString: env.server.databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await env?.stop();
  });

  it('covers every write route', async () => {
    // Staff: the enrolment steps of a first sign-in are themselves covered (as the operator).
    await enrolStaff('operator', true);
    for (const who of ['supervisor', 'admin', 'auditor'] as const) await enrolStaff(who);

    // Identity: registration, sign-in with a second factor, recovery, the own security settings.
    const reg = registration();
    const started = await write('POST /api/v1/auth/register', undefined, { ...reg, captcha: await solvedCaptcha(base) }, { action: 'auth.registration_started', actorId: null, actorRole: 'anonymous' });
    // The resend is limited to one a minute per phone: the first send is moved back in time.
    await db.query(`UPDATE rate_events SET created_at = created_at - interval '2 minutes'`);
    await write('POST /api/v1/auth/register/resend', undefined, { registrationId: started?.registrationId }, { action: 'auth.registration_code_resent', actorId: null, actorRole: 'anonymous' });
    const smsText = await eventually(() => [...env.sms.messages].reverse().find((m) => m.to === reg.phone)?.text);
    const newAccount = async () => (await db.query<{ id: string }>('SELECT id FROM users WHERE email_normalized = $1', [String(reg.email).toLowerCase()])).rows[0]?.id;
    // The registration's one row names the new account and records the sign-in that follows.
    await write('POST /api/v1/auth/register/confirm', undefined, { registrationId: started?.registrationId, code: codeIn(smsText) }, { action: 'user.register', actorId: newAccount, actorRole: 'citizen' });

    const citizen = await registerCitizen(base, env.sms);
    tokens.citizen = citizen.accessToken;
    ids.citizen = await meId(citizen.accessToken);
    await write('POST /api/v1/auth/login', undefined, { login: citizen.data.email, password: STRONG_PASSWORD }, { action: 'auth.login', actorId: ids.citizen, actorRole: 'citizen' });

    // SMS second factor: switched on, then a sign-in sends the code and completes with it.
    await write('POST /api/v1/me/mfa/sms', citizen.accessToken, undefined, { action: 'auth.mfa_enrolled', actorId: ids.citizen, actorRole: 'citizen' });
    const first = (await call(base, 'POST', '/api/v1/auth/login', { login: citizen.data.email, password: STRONG_PASSWORD })).body;
    const before = env.sms.messages.length;
    await write('POST /api/v1/auth/mfa/sms', undefined, { mfaToken: first.mfaToken }, { action: 'auth.mfa_code_sent', actorId: ids.citizen, actorRole: 'citizen' });
    const mfaText = await eventually(() => env.sms.messages.slice(before).find((m) => m.to === citizen.data.phone)?.text);
    const second = await write('POST /api/v1/auth/mfa', undefined, { mfaToken: first.mfaToken, code: codeIn(mfaText) }, { action: 'auth.login', actorId: ids.citizen, actorRole: 'citizen' });
    await write('DELETE /api/v1/me/mfa', second?.accessToken, { password: STRONG_PASSWORD }, { action: 'auth.mfa_disabled', actorId: ids.citizen, actorRole: 'citizen' });

    // TOTP, another citizen.
    const other = await registerCitizen(base, env.sms);
    ids.other = await meId(other.accessToken);
    const totp = await write('POST /api/v1/me/mfa/totp', other.accessToken, undefined, { action: 'auth.mfa_totp_started', actorId: ids.other, actorRole: 'citizen' });
    await write('POST /api/v1/me/mfa/totp/confirm', other.accessToken, { code: totpFor(totp.otpauthUri).generate() }, { action: 'auth.mfa_enrolled', actorId: ids.other, actorRole: 'citizen' });

    // Sessions: the citizen has several by now.
    const sessions = (await get('/api/v1/me/sessions', tokens.citizen)) as { id: string; current: boolean }[];
    const notCurrent = sessions.find((s) => !s.current)!;
    await write('DELETE /api/v1/me/sessions/{id}', tokens.citizen, undefined, { action: 'auth.session_revoked', actorId: ids.citizen, actorRole: 'citizen' }, `/api/v1/me/sessions/${notCurrent.id}`);
    await write('POST /api/v1/me/sessions/revoke-others', tokens.citizen, undefined, { action: 'auth.sessions_revoked', actorId: ids.citizen, actorRole: 'citizen' });
    const newPassword = 'Qw7!zXc9#Lm2';
    await write('POST /api/v1/me/password', tokens.citizen, { currentPassword: STRONG_PASSWORD, newPassword }, { action: 'auth.password_changed', actorId: ids.citizen, actorRole: 'citizen' });
    tokens.citizen = (await call(base, 'POST', '/api/v1/auth/login', { login: citizen.data.email, password: newPassword })).body.accessToken;

    // Recovery by e-mail code.
    await write('POST /api/v1/auth/password/forgot', undefined, { login: other.data.email, channel: 'email' }, { action: 'auth.password_reset_requested', actorId: ids.other, actorRole: 'citizen' });
    const resetMail = await eventually(() => env.smtp.mails.find((m) => m.to.includes(other.data.email as string) && /парол/i.test(m.text)));
    await write('POST /api/v1/auth/password/reset', undefined, { login: other.data.email, code: codeIn(resetMail.text), newPassword: 'Lq9$wTz4!mVe' }, { action: 'auth.password_reset', actorId: ids.other, actorRole: 'citizen' });

    // An expired staff password is changed before anything else.
    ids.office = (await db.query<{ id: string }>('SELECT id FROM users WHERE email_normalized = $1', [DEMO.office.login])).rows[0].id;
    await db.query(`UPDATE users SET password_changed_at = now() - interval '400 days' WHERE id = $1`, [ids.office]);
    await write('POST /api/v1/auth/password/expired', undefined, { login: DEMO.office.login, currentPassword: DEMO.office.password, newPassword: 'Ofc#Pass2027!x' }, { action: 'auth.password_changed', actorId: ids.office, actorRole: 'operator' });

    // Sign-out.
    const spare = (await call(base, 'POST', '/api/v1/auth/login', { login: citizen.data.email, password: newPassword })).body;
    await write('POST /api/v1/auth/logout', undefined, { refreshToken: spare.refreshToken }, { action: 'auth.logout', actorId: ids.citizen, actorRole: 'citizen' });

    // Appeals, the citizen's side.
    const categories = (await get('/api/v1/catalog/categories')) as any[];
    const tech = categories.find((c) => c.code === 'tech');
    const cabinet = tech.children.find((c: any) => c.code === 'tech-cabinet');
    const appealBody = (extra: Record<string, unknown> = {}) => ({ type: 'question', categoryId: tech.id, subcategoryId: cabinet.id, subject: 'Покрытие аудита', text: 'Прошу разъяснить.', contact: { phone: '+79990005566' }, ...extra });
    const c = { actorId: ids.citizen, actorRole: 'citizen' };
    const fileAppeal = async () => (await call(base, 'POST', '/api/v1/appeals', appealBody(), tokens.citizen)).body as { id: string; number: number };
    const draft = await write('POST /api/v1/appeals', tokens.citizen, appealBody({ draft: true }), { action: 'appeal.created', ...c });
    await write('PATCH /api/v1/appeals/{idOrNumber}', tokens.citizen, { subject: 'Правка' }, { action: 'appeal.updated', ...c }, `/api/v1/appeals/${draft?.id}`);
    await write('POST /api/v1/appeals/{idOrNumber}/submit', tokens.citizen, undefined, { action: 'appeal.submitted', ...c }, `/api/v1/appeals/${draft?.id}/submit`);
    const appeal = await fileAppeal();
    await write('POST /api/v1/appeals/{idOrNumber}/messages', tokens.citizen, { text: 'Дополнение' }, { action: 'appeal.message', ...c }, `/api/v1/appeals/${appeal.id}/messages`);
    const uploadForm = async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await png())], { type: 'image/png' }), 'coverage.png');
      return form;
    };
    const uploaded = await write('POST /api/v1/attachments', tokens.citizen, undefined, { action: 'attachment.upload', ...c }, undefined, await uploadForm());
    await write('DELETE /api/v1/attachments/{id}', tokens.citizen, undefined, { action: 'attachment.delete', ...c }, `/api/v1/attachments/${uploaded?.id}`);
    const material = (await (await fetch(`${base}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens.citizen}` }, body: await uploadForm() })).json()) as { id: string };
    await write('POST /api/v1/appeals/{idOrNumber}/materials', tokens.citizen, { attachmentIds: [material.id] }, { action: 'appeal.materials_added', ...c }, `/api/v1/appeals/${appeal.id}/materials`);
    const toWithdraw = await fileAppeal();
    await write('POST /api/v1/appeals/{idOrNumber}/actions/{action}', tokens.citizen, undefined, { action: 'appeal.withdrawn', ...c }, `/api/v1/appeals/${toWithdraw.id}/actions/withdraw`);
    const until = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    await write('POST /api/v1/appeals/{idOrNumber}/retention-extension', tokens.citizen, { until, reason: 'Нужно для суда' }, { action: 'appeal.retention_extended', ...c }, `/api/v1/appeals/${appeal.id}/retention-extension`);

    // The cabinet: the profile (name and channel before → after, masked), a contact change confirmed by the mailed code, templates.
    const newEmail = `coverage.${randomUUID().slice(0, 8)}@example.ru`;
    await write('PATCH /api/v1/me', tokens.citizen, { email: newEmail, preferredAnswerChannel: 'email' }, { action: 'user.profile_update', ...c, changes: { preferredAnswerChannel: { from: 'cabinet', to: 'email' } } });
    const contactCode = await eventually(() => env.smtp.mails.find((m) => m.to.includes(newEmail))?.text);
    await write('POST /api/v1/me/contacts/confirm', tokens.citizen, { kind: 'email', code: codeIn(contactCode) }, { action: 'user.contact_confirmed', ...c });
    const citizenTemplate = await write('POST /api/v1/me/appeal-templates', tokens.citizen, { name: 'Покрытие', fromAppeal: appeal.id }, { action: 'appeal_template.create', ...c, changes: { name: { from: null, to: 'Покрытие' } } });
    await write('DELETE /api/v1/me/appeal-templates/{id}', tokens.citizen, undefined, { action: 'appeal_template.delete', ...c }, `/api/v1/me/appeal-templates/${citizenTemplate?.id}`);

    // Appeals, the staff side (the operator of tech support).
    const o = { actorId: ids.operator, actorRole: 'operator' };
    await write('POST /api/v1/staff/appeals/{idOrNumber}/reveal-contact', tokens.operator, { reason: 'Звонок заявителю' }, { action: 'personal_data.view', ...o }, `/api/v1/staff/appeals/${appeal.id}/reveal-contact`);
    await write('POST /api/v1/staff/appeals/{idOrNumber}/actions/{action}', tokens.operator, undefined, { action: 'appeal.taken', ...o }, `/api/v1/staff/appeals/${appeal.id}/actions/take`);
    const bulk = await fileAppeal();
    // One appeal in the batch: a batch writes one row per appeal it changes.
    await write('POST /api/v1/staff/appeals/bulk-actions', tokens.operator, { ids: [bulk.id], action: 'assign', assigneeId: ids.operator }, { action: 'appeal.assigned', ...o });
    await write('POST /api/v1/staff/appeals/{idOrNumber}/answer', tokens.operator, { result: 'done', resultCode: 1, text: 'Ответ по существу' }, { action: 'appeal.answered', ...o }, `/api/v1/staff/appeals/${appeal.id}/answer`);
    // Saved views of the queue (issue 15): the row says what changed, before → after.
    const viewName = `Мои просроченные ${randomUUID().slice(0, 6)}`;
    const view = await write('POST /api/v1/staff/queue-filters', tokens.operator, { name: viewName, filters: { view: 'overdue', sort: 'number' } }, { action: 'queue_filter.created', ...o, changes: { name: { from: null, to: viewName } } });
    await write('PUT /api/v1/staff/queue-filters/{id}', tokens.operator, { name: 'Просроченные', filters: { view: 'overdue', sort: 'number' } }, { action: 'queue_filter.updated', ...o, changes: { name: { from: viewName, to: 'Просроченные' } } }, `/api/v1/staff/queue-filters/${view?.id}`);
    await write('DELETE /api/v1/staff/queue-filters/{id}', tokens.operator, undefined, { action: 'queue_filter.deleted', ...o }, `/api/v1/staff/queue-filters/${view?.id}`);
    await write('POST /api/v1/appeals/{idOrNumber}/rating', tokens.citizen, { score: 5 }, { action: 'appeal.rated', ...c }, `/api/v1/appeals/${appeal.id}/rating`);
    // Staff intake (issue 18): an appeal received by phone, registered by the operator.
    await write('POST /api/v1/staff/appeals', tokens.operator, { ...appealBody(), contact: undefined, channel: 'phone', receivedAt: new Date().toISOString(), applicant: { fullName: 'Покрытие Аудита', phone: '+79990007788' } }, { action: 'appeal.submitted', ...o });
    // «Объединить»: the duplicate's journal records the link.
    const duplicate = await fileAppeal();
    const mainOfMerge = await fileAppeal();
    await write('POST /api/v1/staff/appeals/{idOrNumber}/merge', tokens.operator, { duplicate: duplicate.id }, { action: 'appeal.merged', ...o }, `/api/v1/staff/appeals/${mainOfMerge.id}/merge`);
    // «Распечатано»: a letter answered by post, marked printed by the operator.
    const letter = (await call(base, 'POST', '/api/v1/staff/appeals', { ...appealBody(), contact: undefined, channel: 'post', answerChannel: 'post', receivedAt: new Date().toISOString(), applicant: { fullName: 'Покрытие Печати', address: 'г. Москва, ул. Печатная, д. 1' } }, tokens.operator)).body;
    await call(base, 'POST', `/api/v1/staff/appeals/${letter.id}/actions/take`, {}, tokens.operator);
    await call(base, 'POST', `/api/v1/staff/appeals/${letter.id}/answer`, { result: 'done', resultCode: 1, text: 'Ответ направлен почтой.' }, tokens.operator);
    await write('POST /api/v1/staff/appeals/{idOrNumber}/answer-printed', tokens.operator, undefined, { action: 'appeal.answer_printed', ...o }, `/api/v1/staff/appeals/${letter.id}/answer-printed`);

    // Unidentified feedback.
    await write('POST /api/v1/public/appeals', undefined, { type: 'suggestion', categoryId: categories.find((x) => x.code === 'general').id, subject: 'Без учётной записи', text: 'Предложение.', surname: 'Петров', email: 'petrov@example.ru', captcha: await solvedCaptcha(base) }, { action: 'appeal.submitted', actorId: null, actorRole: 'anonymous' });
    const uploadSession = (await call(base, 'POST', '/api/v1/public/upload-sessions', { captcha: await solvedCaptcha(base) })).body?.uploadSession as string;
    await write('POST /api/v1/public/attachments', undefined, undefined, { action: 'attachment.upload', actorId: null, actorRole: 'anonymous' }, undefined, await uploadForm(), { 'x-upload-session': uploadSession });

    // Notifications: the own preferences and devices.
    await write('PUT /api/v1/me/notification-preferences', tokens.citizen, { locale: 'en' }, { action: 'notification_preferences.update', ...c });
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const device = await write('POST /api/v1/me/push-subscriptions', tokens.citizen, { endpoint: `https://push.example.com/${randomUUID()}`, p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') }, { action: 'push_subscription.add', ...c });
    await write('DELETE /api/v1/me/push-subscriptions/{id}', tokens.citizen, undefined, { action: 'push_subscription.remove', ...c }, `/api/v1/me/push-subscriptions/${device?.id}`);

    // Configuration (admin).
    const a = { actorId: ids.admin, actorRole: 'admin' };
    // Each configuration write's row says what changed, before → after (the seeded gratitude policy: 30 calendar days).
    await write('PUT /api/v1/admin/sla-policies', tokens.admin, { type: 'gratitude', resolutionUnit: 'calendar_days', resolutionAmount: 25, firstResponseHours: 24, priorityFirstResponseHours: 2, reminderLeadHours: 24 }, {
      action: 'sla_policy.upserted',
      ...a,
      changes: { resolutionAmount: { from: 30, to: 25 } },
    });
    await write('PUT /api/v1/admin/calendar/{year}', tokens.admin, { nonWorking: ['2031-01-01'], working: [] }, { action: 'calendar.loaded', ...a, changes: { nonWorking: { from: null, to: ['2031-01-01'] } } }, '/api/v1/admin/calendar/2031');
    const departments = (await get('/api/v1/admin/departments', tokens.admin)) as { id: string; parentId: string | null; autoAssign: boolean }[];
    const ruleBody = { position: 900, name: 'Покрытие', appealType: null, categoryId: null, subcategoryId: null, region: null, keywords: ['покрытие'], departmentId: departments[0].id, active: false };
    const rule = await write('POST /api/v1/admin/routing-rules', tokens.admin, ruleBody, { action: 'routing_rule.create', ...a, changes: { name: { from: null, to: 'Покрытие' }, keywords: { from: null, to: ['покрытие'] } } });
    await write('PUT /api/v1/admin/routing-rules/{id}', tokens.admin, { ...ruleBody, position: 901, name: 'Покрытие 2', keywords: ['покрытие', 'аудит'] }, {
      action: 'routing_rule.update',
      ...a,
      changes: { position: { from: 900, to: 901 }, name: { from: 'Покрытие', to: 'Покрытие 2' }, keywords: { from: ['покрытие'], to: ['покрытие', 'аудит'] } },
    }, `/api/v1/admin/routing-rules/${rule?.id}`);
    await write('DELETE /api/v1/admin/routing-rules/{id}', tokens.admin, undefined, { action: 'routing_rule.delete', ...a, changes: { name: { from: 'Покрытие 2', to: null } } }, `/api/v1/admin/routing-rules/${rule?.id}`);
    const template = await write('POST /api/v1/admin/answer-templates', tokens.admin, { title: 'Покрытие', body: 'Текст', departmentId: null, active: false }, { action: 'answer_template.create', ...a, changes: { title: { from: null, to: 'Покрытие' } } });
    await write('PUT /api/v1/admin/answer-templates/{id}', tokens.admin, { title: 'Покрытие 2', body: 'Новый текст', departmentId: null, active: true }, {
      action: 'answer_template.update',
      ...a,
      changes: { title: { from: 'Покрытие', to: 'Покрытие 2' }, body: { from: 'Текст', to: 'Новый текст' }, active: { from: false, to: true } },
    }, `/api/v1/admin/answer-templates/${template?.id}`);
    await write('DELETE /api/v1/admin/answer-templates/{id}', tokens.admin, undefined, { action: 'answer_template.delete', ...a, changes: { title: { from: 'Покрытие 2', to: null } } }, `/api/v1/admin/answer-templates/${template?.id}`);
    const snippet = await write('POST /api/v1/admin/snippets', tokens.admin, { title: 'Покрытие', body: 'Фрагмент', departmentId: null, active: false }, { action: 'answer_snippet.create', ...a, changes: { title: { from: null, to: 'Покрытие' } } });
    await write('PUT /api/v1/admin/snippets/{id}', tokens.admin, { title: 'Покрытие 2', body: 'Новый фрагмент', departmentId: null, active: true }, {
      action: 'answer_snippet.update',
      ...a,
      changes: { title: { from: 'Покрытие', to: 'Покрытие 2' }, body: { from: 'Фрагмент', to: 'Новый фрагмент' }, active: { from: false, to: true } },
    }, `/api/v1/admin/snippets/${snippet?.id}`);
    await write('DELETE /api/v1/admin/snippets/{id}', tokens.admin, undefined, { action: 'answer_snippet.delete', ...a, changes: { title: { from: 'Покрытие 2', to: null } } }, `/api/v1/admin/snippets/${snippet?.id}`);
    const macroBody = { title: 'Покрытие', steps: ['take'], note: null, departmentId: null, active: false };
    const macro = await write('POST /api/v1/admin/macros', tokens.admin, macroBody, { action: 'appeal_macro.create', ...a, changes: { title: { from: null, to: 'Покрытие' }, steps: { from: null, to: ['take'] } } });
    await write('PUT /api/v1/admin/macros/{id}', tokens.admin, { ...macroBody, title: 'Покрытие 2', active: true }, {
      action: 'appeal_macro.update',
      ...a,
      changes: { title: { from: 'Покрытие', to: 'Покрытие 2' }, active: { from: false, to: true } },
    }, `/api/v1/admin/macros/${macro?.id}`);
    // Applied: a one-step macro writes the one row of its step (the row names the macro).
    const macroAppeal = await fileAppeal();
    await write('POST /api/v1/staff/appeals/{idOrNumber}/macros/{macroId}/apply', tokens.operator, {}, { action: 'appeal.taken', actorId: ids.operator, actorRole: 'operator' }, `/api/v1/staff/appeals/${macroAppeal.id}/macros/${macro?.id}/apply`);
    await write('DELETE /api/v1/admin/macros/{id}', tokens.admin, undefined, { action: 'appeal_macro.delete', ...a, changes: { title: { from: 'Покрытие 2', to: null } } }, `/api/v1/admin/macros/${macro?.id}`);
    await write('PATCH /api/v1/admin/departments/{id}', tokens.admin, { autoAssign: !departments[0].autoAssign }, { action: 'department.update', ...a, changes: { autoAssign: { from: departments[0].autoAssign, to: !departments[0].autoAssign } } }, `/api/v1/admin/departments/${departments[0].id}`);
    // Notification templates: a save and a return to the built-in text, each with its text before → after.
    await write('PUT /api/v1/admin/notification-templates/{kind}/{channel}/{lang}', tokens.admin, { subject: 'Покрытие {{no}}', body: 'Текст {{no}}' }, {
      action: 'notification_template.update',
      ...a,
      changes: { subject: { from: null, to: 'Покрытие {{no}}' }, body: { from: null, to: 'Текст {{no}}' } },
    }, '/api/v1/admin/notification-templates/queue_new/in_app/en');
    await write('DELETE /api/v1/admin/notification-templates/{kind}/{channel}/{lang}', tokens.admin, undefined, {
      action: 'notification_template.reset',
      ...a,
      changes: { body: { from: 'Текст {{no}}', to: null } },
    }, '/api/v1/admin/notification-templates/queue_new/in_app/en');
    // Webhooks: a public name (never resolved here: its deliveries fail, which nothing below needs).
    const hook = await write('POST /api/v1/admin/webhooks', tokens.admin, { name: 'Покрытие', url: 'https://hooks.example.com/otklik', events: ['appeal.submitted'] }, { action: 'webhook.create', ...a });
    await write('PATCH /api/v1/admin/webhooks/{id}', tokens.admin, { name: 'Покрытие 2' }, { action: 'webhook.update', ...a }, `/api/v1/admin/webhooks/${hook?.id}`);
    await write('POST /api/v1/admin/webhooks/{id}/rotate-secret', tokens.admin, undefined, { action: 'webhook.secret_rotated', ...a }, `/api/v1/admin/webhooks/${hook?.id}/rotate-secret`);
    const test = await write('POST /api/v1/admin/webhooks/{id}/test', tokens.admin, undefined, { action: 'webhook.test_sent', ...a }, `/api/v1/admin/webhooks/${hook?.id}/test`);
    await write('POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay', tokens.admin, undefined, { action: 'webhook.replay', ...a }, `/api/v1/admin/webhooks/${hook?.id}/deliveries/${test?.deliveryId}/replay`);
    await write('POST /api/v1/admin/webhooks/{id}/replay', tokens.admin, { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() }, { action: 'webhook.replay', ...a }, `/api/v1/admin/webhooks/${hook?.id}/replay`);
    await write('DELETE /api/v1/admin/webhooks/{id}', tokens.admin, undefined, { action: 'webhook.delete', ...a }, `/api/v1/admin/webhooks/${hook?.id}`);
    const [someCategory] = (await get('/api/v1/catalog/categories', tokens.admin)) as { id: string }[];
    await write('PATCH /api/v1/admin/categories/{id}/totk-code', tokens.admin, { totkCode: '0003.0011.0120.0709' }, { action: 'category.totk_code', ...a }, `/api/v1/admin/categories/${someCategory.id}/totk-code`);
    const open311Key = await write('POST /api/v1/admin/open311-keys', tokens.admin, { name: 'Покрытие' }, { action: 'open311_key.create', ...a });
    await write('POST /api/v1/admin/open311-keys/{id}/revoke', tokens.admin, undefined, { action: 'open311_key.revoke', ...a }, `/api/v1/admin/open311-keys/${open311Key?.id}/revoke`);
    await write('PUT /api/v1/admin/widget-origins', tokens.admin, { origins: ['https://widget.example.ru'] }, { action: 'widget_origins.replace', ...a });
    const body = departments.find((d) => d.parentId === null)!;
    await write('PUT /api/v1/admin/departments/{id}/widget-origins', tokens.admin, { origins: ['https://body.example.ru'] }, { action: 'widget_origins.replace_body', ...a }, `/api/v1/admin/departments/${body.id}/widget-origins`);
    await write('POST /api/v1/admin/event-deliveries/retry', tokens.admin, { eventIds: ['999999999999'] }, { action: 'event_deliveries.retry', ...a });
    await write('POST /api/v1/admin/event-deliveries/discard', tokens.admin, { eventIds: ['999999999999'] }, { action: 'event_deliveries.discard', ...a });
    // Operations (issue 16): the answer-signing key rotated, the retention rule changed.
    await write('POST /api/v1/admin/signing-keys/rotate', tokens.admin, undefined, { action: 'signing_key.rotate', ...a });
    if (process.env.REDIS_URL) {
      await write('POST /api/v1/admin/queues/board/session', tokens.admin, undefined, { action: 'queue_board.session_opened', ...a });
    } else {
      // The embedded mode has no Bull Board: the session is refused (409) and nothing is written.
      covered.add('POST /api/v1/admin/queues/board/session');
      const refused = await fetch(`${base}/api/v1/admin/queues/board/session`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` } });
      if (refused.status !== 409) failures.push(`POST /api/v1/admin/queues/board/session: expected 409 in the embedded mode, got ${refused.status}`);
    }
    await write('PUT /api/v1/admin/retention/settings', tokens.admin, { years: 74, mode: 'anonymise' }, { action: 'retention_settings.update', ...a, changes: { years: { from: 3, to: 74 } } });
    await write('POST /api/v1/admin/notification-deliveries/retry', tokens.admin, { ids: ['999999999999'] }, { action: 'notification_deliveries.retry', ...a });
    // The catalogue (issue 16): a category, its form (a new schema version), two subcategories put in another order, retired and back.
    const covCategory = await write('POST /api/v1/admin/categories', tokens.admin, { code: 'coverage-plots', nameRu: 'Покрытие', nameEn: 'Coverage' }, {
      action: 'category.create',
      ...a,
      changes: { code: { from: null, to: 'coverage-plots' }, nameRu: { from: null, to: 'Покрытие' } },
    });
    await write('PATCH /api/v1/admin/categories/{id}', tokens.admin, { nameEn: 'Coverage 2' }, { action: 'category.update', ...a, changes: { nameEn: { from: 'Coverage', to: 'Coverage 2' } } }, `/api/v1/admin/categories/${covCategory?.id}`);
    const covSchema = { type: 'object', required: ['plot'], properties: { plot: { type: 'string', title: 'Участок' } } };
    await write('PUT /api/v1/admin/categories/{id}/schema', tokens.admin, { schema: covSchema }, { action: 'category.schema', ...a, changes: { schemaVersion: { from: null, to: 1 } } }, `/api/v1/admin/categories/${covCategory?.id}/schema`);
    const covSubs = [];
    for (const code of ['coverage-plots-a', 'coverage-plots-b']) covSubs.push(await write('POST /api/v1/admin/categories', tokens.admin, { code, nameRu: code, nameEn: code, parentId: covCategory?.id }, { action: 'category.create', ...a }));
    await write('POST /api/v1/admin/categories/reorder', tokens.admin, { parentId: covCategory?.id, ids: [covSubs[1]?.id, covSubs[0]?.id] }, {
      action: 'category.reorder',
      ...a,
      changes: { order: { from: [covSubs[0]?.id, covSubs[1]?.id], to: [covSubs[1]?.id, covSubs[0]?.id] } },
    });
    await write('POST /api/v1/admin/categories/{id}/retire', tokens.admin, undefined, { action: 'category.retire', ...a, changes: { active: { from: true, to: false } } }, `/api/v1/admin/categories/${covCategory?.id}/retire`);
    await write('POST /api/v1/admin/categories/{id}/reinstate', tokens.admin, undefined, { action: 'category.reinstate', ...a, changes: { active: { from: false, to: true } } }, `/api/v1/admin/categories/${covCategory?.id}/reinstate`);
    const xml = '<calendar year="2032"><days><day d="01.01" t="1" h="1"/><day d="02.20" t="2"/></days></calendar>';
    await write('POST /api/v1/admin/calendar/{year}/import', tokens.admin, { format: 'xmlcalendar_xml', content: xml }, {
      action: 'calendar.imported',
      ...a,
      changes: { nonWorking: { from: null, to: ['2032-01-01'] }, shortened: { from: null, to: ['2032-02-20'] } },
    }, '/api/v1/admin/calendar/2032/import');

    // Audit: an export raises a bulk-export alert (AUDIT_BULK_EXPORT_COUNT=1); the auditor resolves it.
    await fetch(`${base}/api/v1/appeals/export?format=csv`, { headers: { authorization: `Bearer ${tokens.citizen}` } });
    const [alert] = (await get('/api/v1/audit/alerts?kind=bulk_export', tokens.auditor)).items;
    await write('POST /api/v1/audit/alerts/{id}/resolve', tokens.auditor, { resolution: 'confirmed' }, { action: 'audit_alert.resolve', actorId: ids.auditor, actorRole: 'auditor' }, `/api/v1/audit/alerts/${alert?.id}/resolve`);
    // The СЭД export (demo mode: DATA_DIR/sed-export): one personal-data export row (after the alert above, as it raises one of its own).
    await write('POST /api/v1/admin/sed-exports', tokens.admin, undefined, { action: 'appeal.export', ...a });

    // Issue 16 B: the department tree and staff accounts (invitation by e-mail, the link, lock, resets, sessions).
    const dept = await write('POST /api/v1/admin/departments', tokens.admin, { code: `cov-${randomUUID().slice(0, 8)}`, nameRu: 'Покрытие', nameEn: 'Coverage', parentId: null }, { action: 'department.create', ...a, changes: { nameRu: { from: null, to: 'Покрытие' } } });
    await write('POST /api/v1/admin/departments/{id}/retire', tokens.admin, undefined, { action: 'department.retire', ...a }, `/api/v1/admin/departments/${dept?.id}/retire`);
    const staffEmail = `cov.staff.${randomUUID().slice(0, 8)}@body.example.ru`;
    const staff = await write('POST /api/v1/admin/staff', tokens.admin, { email: staffEmail, fullName: 'Покрытие Сотрудник', role: 'operator', departmentId: departments[0].id }, { action: 'staff.create', ...a, changes: { role: { from: null, to: 'operator' } } });
    const invite = await eventually(() => env.smtp.mails.find((m) => m.to.includes(staffEmail) && /\/account-link#/.test(m.text)));
    const linkToken = /\/account-link#([A-Za-z0-9_-]+)/.exec(invite.text)![1];
    const accepted = await write('POST /api/v1/auth/account-link', undefined, { token: linkToken, newPassword: STRONG_PASSWORD }, { action: 'auth.invitation_accepted', actorId: staff?.id ?? null, actorRole: 'operator' });
    await call(base, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { enrolmentToken: accepted?.enrolment?.enrolmentToken, code: totpFor(accepted?.enrolment?.otpauthUri ?? 'otpauth://totp/x?secret=AAAA').generate() });
    const [staffSession] = (await get(`/api/v1/admin/staff/${staff?.id}`, tokens.admin)).sessions ?? [];
    await write('DELETE /api/v1/admin/staff/{id}/sessions/{sessionId}', tokens.admin, undefined, { action: 'staff.session_revoked', ...a, changes: { activeSessions: { from: 1, to: 0 } } }, `/api/v1/admin/staff/${staff?.id}/sessions/${staffSession?.id}`);
    await write('PATCH /api/v1/admin/staff/{id}', tokens.admin, { position: 'Ведущий специалист' }, { action: 'staff.update', ...a, changes: { position: { from: null, to: 'Ведущий специалист' } } }, `/api/v1/admin/staff/${staff?.id}`);
    await write('POST /api/v1/admin/staff/{id}/lock', tokens.admin, { reason: 'покрытие' }, { action: 'staff.lock', ...a }, `/api/v1/admin/staff/${staff?.id}/lock`);
    await write('POST /api/v1/admin/staff/{id}/unlock', tokens.admin, undefined, { action: 'staff.unlock', ...a, changes: { lockReason: { from: 'admin', to: null } } }, `/api/v1/admin/staff/${staff?.id}/unlock`);
    await write('POST /api/v1/admin/staff/{id}/reset-mfa', tokens.admin, undefined, { action: 'staff.mfa_reset', ...a, changes: { mfaMethod: { from: 'totp', to: null } } }, `/api/v1/admin/staff/${staff?.id}/reset-mfa`);
    await write('POST /api/v1/admin/staff/{id}/reset-password', tokens.admin, undefined, { action: 'staff.password_reset_sent', ...a }, `/api/v1/admin/staff/${staff?.id}/reset-password`);
    const invited = (await call(base, 'POST', '/api/v1/admin/staff', { email: `cov.invited.${randomUUID().slice(0, 8)}@body.example.ru`, fullName: 'Приглашённый', role: 'auditor' }, tokens.admin)).body;
    await write('POST /api/v1/admin/staff/{id}/invitation', tokens.admin, undefined, { action: 'staff.invitation_sent', ...a }, `/api/v1/admin/staff/${invited?.id}/invitation`);

    expect(failures).toEqual([]);
  }, 180_000);

  it('leaves no write route of the OpenAPI document out, except the listed ones', () => {
    const doc = require('../../shared/api/openapi.json') as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(writes.filter((op) => !covered.has(op) && !EXCEPTIONS[op])).toEqual([]);
    expect(Object.keys(EXCEPTIONS).filter((op) => !writes.includes(op))).toEqual([]);
    expect(Object.keys(EXCEPTIONS).filter((op) => covered.has(op))).toEqual([]);
  });
});
