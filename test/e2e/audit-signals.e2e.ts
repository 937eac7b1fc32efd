import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEMO } from './support/api';
import { png } from './support/files';
import { call, Reply } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';

/**
 * Suspicious-activity signals and the personal-data access log, on a server of their own: the
 * thresholds are configured (ten failed sign-ins lock the account, three exports an hour are
 * "bulk"), the per-account back-off is out of the way, and X-Forwarded-For (TRUST_PROXY) lets a
 * test sign in from other networks.
 */
describe('audit signals, alerts and the personal-data access log', () => {
  let server: RunningServer;
  let base: string;
  const tokens: Record<string, string> = {};

  const as = (who: string) => tokens[who];
  const api = (method: string, path: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<Reply> => call(base, method, path, body, token, headers);
  const signIn = async (who: { login: string; password: string }, ip = '127.0.0.1'): Promise<string> => {
    const res = await api('POST', '/api/v1/auth/login', who, undefined, { 'x-forwarded-for': ip });
    if (res.status !== 200) throw new Error(`login ${who.login}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const until = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const alerts = async (query = '') => (await api('GET', `/api/v1/audit/alerts?limit=100${query}`, undefined, as('auditor'))).body.items as any[];

  beforeAll(async () => {
    server = await startServer({
      TRUST_PROXY: 'true',
      LOCKOUT_ACCOUNT_FAILURES: '1000',
      LOCKOUT_IP_FAILURES: '100000',
      AUDIT_FAILED_SIGNINS_LOCK: '10',
      AUDIT_BULK_EXPORT_COUNT: '3',
      AUDIT_SEAL_INTERVAL_MS: '250',
    });
    base = server.baseUrl;
    for (const who of ['citizen', 'operator', 'admin', 'auditor'] as const) tokens[who] = await signIn(DEMO[who]);
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
  });

  it('ten failed sign-ins raise an alert and, with AUDIT_FAILED_SIGNINS_LOCK=10, lock the account until an admin unlocks it', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 9; i++) expect((await api('POST', '/api/v1/auth/login', { login: DEMO.citizen2.login, password: `Wrong#Pass${i}x` }, undefined, { 'x-forwarded-for': ip })).status).toBe(401);
    expect((await alerts('&kind=failed_sign_ins')).length).toBe(0);
    expect((await api('POST', '/api/v1/auth/login', { login: DEMO.citizen2.login, password: 'Wrong#Pass9x' }, undefined, { 'x-forwarded-for': ip })).status).toBe(401);

    const [alert] = await alerts('&kind=failed_sign_ins&status=open');
    expect(alert).toMatchObject({ kind: 'failed_sign_ins', status: 'open', accountLocked: true, occurrences: 1, resolution: null });
    expect(alert.details).toMatchObject({ failures: 10, lastIp: ip });

    // Admins are told through the notifications module (in-app, and their other channels).
    const notice = await until(async () => {
      const feed = (await api('GET', '/api/v1/me/notifications?kind=security_alert', undefined, as('admin'))).body.items as any[];
      return feed.find((n) => n.title.includes('неудачные попытки входа') || n.title.includes('failed sign-ins'));
    });
    expect(notice).toMatchObject({ kind: 'security_alert', appealId: null, link: expect.stringMatching(/\/audit\/alerts$/) });
    expect(notice.body).toMatch(/заблокирована до проверки|locked pending review/);
    expect((await api('GET', '/api/v1/me/notifications?kind=security_alert', undefined, as('operator'))).body.items).toEqual([]);
    // Only admins get it, so only they find it among their preferences (an operator may not set it).
    const kindsOf = async (who: string) => ((await api('GET', '/api/v1/me/notification-preferences', undefined, as(who))).body.kinds as { kind: string }[]).map((k) => k.kind);
    expect(await kindsOf('admin')).toContain('security_alert');
    expect(await kindsOf('operator')).not.toContain('security_alert');
    const refused = await api('PUT', '/api/v1/me/notification-preferences', { kinds: [{ kind: 'security_alert', channels: { email: false } }] }, as('operator'));
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'kinds.0.kind', code: 'kind_not_for_audience' });

    // Every failure is an audit row of its own, with the client's address.
    const rows = (await api('GET', `/api/v1/audit?action=auth.login_failed&entityId=${alert.subjectUserId}&limit=100`, undefined, as('auditor'))).body.items;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ actorRole: 'anonymous', ip, details: { reason: 'wrong_password' } });

    // The right password is refused while the account is locked pending review.
    const locked = await api('POST', '/api/v1/auth/login', DEMO.citizen2);
    expect(locked.status).toBe(403);
    expect(locked.body.code).toBe('account_locked_pending_review');

    // An auditor reviews but does not administer accounts; an admin resolves and unlocks.
    const byAuditor = await api('POST', `/api/v1/audit/alerts/${alert.id}/resolve`, { resolution: 'false_positive', unlock: true }, as('auditor'));
    expect(byAuditor.status).toBe(403);
    const resolved = await api('POST', `/api/v1/audit/alerts/${alert.id}/resolve`, { resolution: 'false_positive', note: 'Забыл пароль', unlock: true }, as('admin'));
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'false_positive', resolutionNote: 'Забыл пароль', resolvedAt: expect.any(String) });
    expect((await api('POST', `/api/v1/audit/alerts/${alert.id}/resolve`, { resolution: 'confirmed' }, as('admin'))).status).toBe(409);
    expect((await api('POST', '/api/v1/auth/login', DEMO.citizen2)).status).toBe(200);

    const audit = (await api('GET', `/api/v1/audit?action=audit_alert.resolve&entityId=${alert.id}`, undefined, as('auditor'))).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRole: 'admin', actorName: expect.any(String), details: { unlocked: true }, changes: { resolution: { from: null, to: 'false_positive' } } });
    expect((await alerts('&status=resolved&kind=failed_sign_ins')).map((a) => a.id)).toContain(alert.id);
  });

  it('ten failed sign-ins of a login with no account raise the alert too, counted per login by its keyed hash; the answers are those of a wrong password', async () => {
    const login = `nobody-${randomUUID()}@Example.ru`;
    const ip = '198.51.100.9';
    const attempt = (i: number) => api('POST', '/api/v1/auth/login', { login, password: `Wrong#Pass${i}x` }, undefined, { 'x-forwarded-for': ip });
    const wrongPassword = await api('POST', '/api/v1/auth/login', { login: DEMO.supervisor.login, password: 'Wrong#Pass0x' }, undefined, { 'x-forwarded-for': ip });
    const unknownAlerts = async () => (await alerts('&kind=failed_sign_ins')).filter((a) => a.subjectUserId === null);
    for (let i = 0; i < 9; i++) {
      const res = await attempt(i);
      // Nothing tells a guesser whether the account exists.
      expect({ status: res.status, code: res.body.code, type: res.body.type }).toEqual({ status: wrongPassword.status, code: wrongPassword.body.code, type: wrongPassword.body.type });
    }
    expect(await unknownAlerts()).toHaveLength(0);
    // The login is counted case-insensitively, as sign-in normalises it.
    const tenth = await api('POST', '/api/v1/auth/login', { login: login.toLowerCase(), password: 'Wrong#Pass9x' }, undefined, { 'x-forwarded-for': ip });
    expect(tenth.status).toBe(wrongPassword.status);

    const [alert] = await unknownAlerts();
    expect(alert).toMatchObject({ kind: 'failed_sign_ins', status: 'open', subjectUserId: null, accountLocked: false, details: { failures: 10, windowMinutes: 15, unknownLogin: true, loginHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const rows = (await api('GET', `/api/v1/audit?action=auth.login_failed&entityType=login&entityId=${alert.details.loginHash}&limit=100`, undefined, as('auditor'))).body.items;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ actorRole: 'anonymous', entityType: 'login', details: { reason: 'unknown_login' } });
    // No personal data in clear: the login is in neither the alert nor the audit rows.
    const local = login.split('@')[0].toLowerCase();
    expect(JSON.stringify([alert, rows]).toLowerCase()).not.toContain(local);
    // Another unknown login is another subject.
    await api('POST', '/api/v1/auth/login', { login: `other-${randomUUID()}@example.ru`, password: 'Wrong#Pass0x' }, undefined, { 'x-forwarded-for': ip });
    expect(await unknownAlerts()).toHaveLength(1);
  });

  it('fifty reveals of contact details in five minutes by one operator raise an alert; the citizen sees the reveal in their access log', async () => {
    const categories = (await api('GET', '/api/v1/catalog/categories')).body as any[];
    const tech = categories.find((c) => c.code === 'tech');
    const cabinet = tech.children.find((c: any) => c.code === 'tech-cabinet');
    const filed = await api(
      'POST',
      '/api/v1/appeals',
      { type: 'question', categoryId: tech.id, subcategoryId: cabinet.id, subject: 'Контакт', text: 'Прошу перезвонить.', contact: { phone: '+79990003344' } },
      as('citizen'),
    );
    expect(filed.status).toBe(201);
    for (let i = 0; i < 49; i++) {
      expect((await api('POST', `/api/v1/staff/appeals/${filed.body.id}/reveal-contact`, { reason: `Звонок ${i}` }, as('operator'))).status).toBe(200);
    }
    expect((await alerts('&kind=mass_reveal')).length).toBe(0);
    expect((await api('POST', `/api/v1/staff/appeals/${filed.body.id}/reveal-contact`, { reason: 'Звонок 49' }, as('operator'))).status).toBe(200);
    const [alert] = await alerts('&kind=mass_reveal&status=open');
    expect(alert).toMatchObject({ kind: 'mass_reveal', accountLocked: false, details: { reveals: 50, windowMinutes: 5 } });
    const operatorId = (await api('GET', '/api/v1/me', undefined, as('operator'))).body.id;
    expect(alert.subjectUserId).toBe(operatorId);

    // The citizen: which department and position, when, what — no staff name by default.
    const mine = await api('GET', '/api/v1/me/personal-data-access?limit=5', undefined, as('citizen'));
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(5);
    expect(mine.body.nextCursor).toEqual(expect.any(String));
    expect(mine.body.items[0]).toEqual({
      occurredAt: expect.any(String),
      action: 'personal_data.view',
      kind: 'reveal',
      appealNumber: String(filed.body.number),
      fields: ['phone'],
      departmentName: expect.any(String),
      position: expect.any(String),
      staffName: null,
    });
    const next = await api('GET', `/api/v1/me/personal-data-access?limit=100&cursor=${mine.body.nextCursor}`, undefined, as('citizen'));
    expect(next.body.items).toHaveLength(45);
    expect((await api('GET', '/api/v1/me/personal-data-access', undefined, as('operator'))).status).toBe(403);

    // Auditors: who, when and why.
    const citizenId = (await api('GET', '/api/v1/me', undefined, as('citizen'))).body.id;
    const log = await api('GET', `/api/v1/audit/personal-data-access/${citizenId}?limit=1`, undefined, as('auditor'));
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({ action: 'personal_data.view', actorId: operatorId, actorRole: 'operator', actorName: expect.any(String), reason: 'Звонок 49', fields: ['phone'] });
    expect(log.body.items[0].departmentName).toBe(mine.body.items[0].departmentName);
    expect((await api('GET', `/api/v1/audit/personal-data-access/${citizenId}`, undefined, as('operator'))).status).toBe(403);
  }, 60_000);

  it("a staff download of a file of the citizen's appeal shows in the citizen's access log", async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await png())], { type: 'image/png' }), 'passport.png');
    const uploaded = (await (await fetch(`${base}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${as('citizen')}` }, body: form })).json()) as { id: string };
    const categories = (await api('GET', '/api/v1/catalog/categories')).body as any[];
    const tech = categories.find((c) => c.code === 'tech');
    const filed = await api('POST', '/api/v1/appeals', { type: 'question', categoryId: tech.id, subcategoryId: tech.children[0].id, subject: 'Скан', text: 'Прилагаю.', attachmentIds: [uploaded.id] }, as('citizen'));
    expect(filed.status).toBe(201);
    expect((await fetch(`${base}/api/v1/attachments/${uploaded.id}`, { headers: { authorization: `Bearer ${as('operator')}` } })).status).toBe(200);
    // The citizen's own download is no access by somebody else.
    expect((await fetch(`${base}/api/v1/attachments/${uploaded.id}`, { headers: { authorization: `Bearer ${as('citizen')}` } })).status).toBe(200);
    const [latest] = (await api('GET', '/api/v1/me/personal-data-access?limit=1', undefined, as('citizen'))).body.items;
    expect(latest).toMatchObject({ action: 'attachment.download', appealNumber: String(filed.body.number), staffName: null, position: expect.any(String) });
  });

  it("a staff member opening an appeal card is a view of the citizen's personal data: one row in the access log, lists are not", async () => {
    const categories = (await api('GET', '/api/v1/catalog/categories')).body as any[];
    const tech = categories.find((c) => c.code === 'tech');
    const filed = await api('POST', '/api/v1/appeals', { type: 'question', categoryId: tech.id, subcategoryId: tech.children[0].id, subject: 'Карточка', text: 'Прошу ответить.', contact: { email: 'card-view@example.ru' } }, as('citizen'));
    expect(filed.status).toBe(201);
    const citizenId = (await api('GET', '/api/v1/me', undefined, as('citizen'))).body.id as string;
    const operatorId = (await api('GET', '/api/v1/me', undefined, as('operator'))).body.id as string;
    const logOf = async () => (await api('GET', `/api/v1/audit/personal-data-access/${citizenId}?limit=100`, undefined, as('auditor'))).body.items as any[];
    const before = (await logOf()).length;

    // The queue (a list, masked) and the citizen's own card are not accesses by staff.
    expect((await api('GET', '/api/v1/staff/appeals?limit=50', undefined, as('operator'))).status).toBe(200);
    expect((await api('GET', `/api/v1/appeals/${filed.body.id}`, undefined, as('citizen'))).status).toBe(200);
    expect((await logOf()).length).toBe(before);

    // The staff card: one view, by the operator, of this appeal.
    const card = await api('GET', `/api/v1/staff/appeals/${filed.body.id}`, undefined, as('operator'));
    expect(card.status).toBe(200);
    expect(card.body.contact.email).not.toBe('card-view@example.ru');
    const log = await logOf();
    expect(log.length).toBe(before + 1);
    expect(log[0]).toMatchObject({
      action: 'appeal.viewed',
      kind: 'view',
      appealNumber: String(filed.body.number),
      fields: ['subject', 'text', 'contactMasked'],
      actorId: operatorId,
      actorRole: 'operator',
      actorName: expect.any(String),
      reason: null,
    });

    // The citizen sees it: department and position, no staff name.
    const [latest] = (await api('GET', '/api/v1/me/personal-data-access?limit=1', undefined, as('citizen'))).body.items;
    expect(latest).toEqual({
      occurredAt: expect.any(String),
      action: 'appeal.viewed',
      kind: 'view',
      appealNumber: String(filed.body.number),
      fields: ['subject', 'text', 'contactMasked'],
      departmentName: log[0].departmentName,
      position: log[0].actorPosition,
      staffName: null,
    });
    expect(latest.departmentName).toEqual(expect.any(String));

    // The same card through the shared route is a view too; a view is not a reveal (no mass-reveal count).
    expect((await api('GET', `/api/v1/appeals/${filed.body.number}`, undefined, as('operator'))).status).toBe(200);
    expect((await logOf()).length).toBe(before + 2);
    expect((await api('GET', `/api/v1/audit?action=appeal.viewed&entityId=${filed.body.id}`, undefined, as('auditor'))).body.items).toHaveLength(2);
    // The history and the thread name the citizen too: each staff read of them is a view.
    expect((await api('GET', `/api/v1/appeals/${filed.body.id}/messages`, undefined, as('operator'))).status).toBe(200);
    expect((await api('GET', `/api/v1/appeals/${filed.body.id}/history`, undefined, as('operator'))).status).toBe(200);
    expect((await api('GET', `/api/v1/appeals/${filed.body.id}/history`, undefined, as('citizen'))).status).toBe(200);
    expect((await logOf()).slice(0, 2).map((r) => [r.kind, r.fields])).toEqual([
      ['view', ['history']],
      ['view', ['messages']],
    ]);
    expect((await logOf()).length).toBe(before + 4);
  });

  it("an account's appeal filed without a contact shows staff the account's own, masked; the reveal gives it whole and is logged", async () => {
    const categories = (await api('GET', '/api/v1/catalog/categories')).body as any[];
    const tech = categories.find((c) => c.code === 'tech');
    const filed = await api('POST', '/api/v1/appeals', { type: 'question', categoryId: tech.id, subcategoryId: tech.children[0].id, subject: 'Без контакта', text: 'Прошу перезвонить.' }, as('citizen'));
    expect(filed.status).toBe(201);
    const me = (await api('GET', '/api/v1/me', undefined, as('citizen'))).body;
    // The citizen's own card shows only what they gave with the appeal.
    expect((await api('GET', `/api/v1/appeals/${filed.body.id}`, undefined, as('citizen'))).body.contact).toBeNull();

    const card = await api('GET', `/api/v1/staff/appeals/${filed.body.id}`, undefined, as('operator'));
    expect(card.status).toBe(200);
    expect(card.body.contact.email).toMatch(/^\w\*\*\*@/);
    expect(card.body.contact.email).not.toBe(me.email);
    expect(card.body.contact.fullName).not.toBe(me.fullName);
    const logOf = async () => (await api('GET', `/api/v1/audit/personal-data-access/${me.id}?limit=5`, undefined, as('auditor'))).body.items as any[];
    expect((await logOf())[0]).toMatchObject({ action: 'appeal.viewed', appealNumber: String(filed.body.number), fields: ['subject', 'text', 'contactMasked'] });

    const revealed = await api('POST', `/api/v1/staff/appeals/${filed.body.id}/reveal-contact`, { reason: 'Перезвонить заявителю' }, as('operator'));
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({ fullName: me.fullName, email: me.email });
    expect((await logOf())[0]).toMatchObject({ kind: 'reveal', appealNumber: String(filed.body.number), fields: expect.arrayContaining(['fullName', 'email']), reason: 'Перезвонить заявителю' });
  });

  it('auditors find a citizen by e-mail or a part of the name (not staff), with the e-mail masked; the search is audited, the query is not kept', async () => {
    const citizenId = (await api('GET', '/api/v1/me', undefined, as('citizen'))).body.id as string;
    const byEmail = await api('GET', `/api/v1/audit/citizens?q=${encodeURIComponent(DEMO.citizen.login.toUpperCase())}`, undefined, as('auditor'));
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.items).toEqual([{ id: citizenId, fullName: 'Иванов Иван Иванович', email: 'c***@demo.otklik.local', registeredAt: expect.any(String) }]);
    const byName = await api('GET', `/api/v1/audit/citizens?q=${encodeURIComponent('иван')}`, undefined, as('admin'));
    expect(byName.body.items.map((c: { id: string }) => c.id)).toContain(citizenId);
    // Staff accounts are not citizens; a pattern character is literal.
    expect((await api('GET', `/api/v1/audit/citizens?q=${encodeURIComponent('Сидоров')}`, undefined, as('auditor'))).body.items).toEqual([]);
    expect((await api('GET', `/api/v1/audit/citizens?q=${encodeURIComponent('%%%')}`, undefined, as('auditor'))).body.items).toEqual([]);
    expect((await api('GET', '/api/v1/audit/citizens?q=ab', undefined, as('auditor'))).status).toBe(422);
    expect((await api('GET', '/api/v1/audit/citizens?q=Иванов', undefined, as('operator'))).status).toBe(403);
    const [row] = (await api('GET', '/api/v1/audit?action=personal_data.search&limit=1', undefined, as('auditor'))).body.items;
    expect(row).toMatchObject({ actorRole: 'auditor', details: { by: 'name', matches: 0 } });
    expect(JSON.stringify(row)).not.toContain('%%%');
  });

  it('a staff sign-in from a network the account never used raises an alert; the same /24 does not', async () => {
    await signIn(DEMO.supervisor, '10.20.30.1');
    await signIn(DEMO.supervisor, '10.20.30.99');
    expect((await alerts('&kind=new_network')).length).toBe(0);
    await signIn(DEMO.supervisor, '172.16.5.5');
    const [alert] = await alerts('&kind=new_network');
    expect(alert).toMatchObject({ kind: 'new_network', details: { network: '172.16.5.0/24', ip: '172.16.5.5', knownNetworks: ['10.20.30.0/24'] } });
    // Citizens are not watched for it.
    await signIn(DEMO.citizen2, '203.0.113.50');
    expect((await alerts('&kind=new_network')).length).toBe(1);
  });

  it('bulk exports (AUDIT_BULK_EXPORT_COUNT=3 an hour) raise an alert; each export is audited', async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/api/v1/appeals/export?format=csv`, { headers: { authorization: `Bearer ${as('citizen')}` } })).status).toBe(200);
    const [alert] = await alerts('&kind=bulk_export');
    expect(alert).toMatchObject({ kind: 'bulk_export', details: { exports: 3, format: 'csv' } });
    const rows = (await api('GET', '/api/v1/audit?action=appeal.export', undefined, as('auditor'))).body.items;
    expect(rows).toHaveLength(3);
  });

  it('staff access outside the working hours their department restricts them to raises an alert', async () => {
    const me = (await api('GET', '/api/v1/me', undefined, as('operator'))).body;
    const departmentId = me.department.id as string;
    // A one-hour window six hours from now (Moscow): whatever the time of the run, now is outside it.
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
    const workingHours = { days: [1, 2, 3, 4, 5, 6, 7], from: hh(hour + 6), to: hh(hour + 7), timeZone: 'Europe/Moscow' };
    const badZone = await api('PATCH', `/api/v1/admin/departments/${departmentId}`, { workingHours: { ...workingHours, timeZone: 'Mars/Olympus' } }, as('admin'));
    expect(badZone.status).toBe(422);
    expect(badZone.body.errors[0].field).toBe('workingHours.timeZone');
    const badDays = await api('PATCH', `/api/v1/admin/departments/${departmentId}`, { workingHours: { ...workingHours, days: [0, 8] } }, as('admin'));
    expect(badDays.status).toBe(422);
    const set = await api('PATCH', `/api/v1/admin/departments/${departmentId}`, { workingHours }, as('admin'));
    expect(set.status).toBe(200);
    expect(set.body.workingHours).toEqual(workingHours);
    const change = (await api('GET', `/api/v1/audit?action=department.update&entityId=${departmentId}`, undefined, as('auditor'))).body.items[0];
    expect(change.changes.workingHours).toEqual({ from: null, to: workingHours });

    await signIn(DEMO.operator);
    const [alert] = await alerts('&kind=off_hours');
    expect(alert).toMatchObject({ kind: 'off_hours', subjectUserId: me.id, details: { action: 'auth.login', departmentId, workingHours } });

    expect((await api('PATCH', `/api/v1/admin/departments/${departmentId}`, { workingHours: null }, as('admin'))).body.workingHours).toBeNull();
  });

  it('an audit row names the actor as they were (name, position, department), whatever writes it', async () => {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT a.actor_name, a.actor_position, a.actor_department_id, u.full_name, u.position, u.department_id
           FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'personal_data.view' LIMIT 1`,
      );
      expect(rows[0].actor_name).toBe(rows[0].full_name);
      expect(rows[0].actor_position).toBe(rows[0].position);
      expect(rows[0].actor_department_id).toBe(rows[0].department_id);
      // The appeals journal writes its audit rows set-based, without naming the actor: the trigger fills it.
      const journal = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'appeal.%' AND actor_id IS NOT NULL AND actor_name IS NULL`);
      expect(journal.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('the sealer runs at the configured cadence (AUDIT_SEAL_INTERVAL_MS=250): three rows in a row are each chained within 2 s, not up to 5 s', async () => {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      for (let i = 0; i < 3; i++) {
        const requestId = `cadence-${randomUUID()}`;
        await api('POST', '/api/v1/auth/login', { login: DEMO.citizen.login, password: 'Wrong#Pass0x' }, undefined, { 'x-request-id': requestId });
        const [{ id }] = (await db.query(`SELECT id::text FROM audit_log WHERE request_id = $1`, [requestId])).rows;
        await until(async () => ((await db.query(`SELECT 1 FROM audit_chain WHERE row_id = $1`, [id])).rowCount ? true : undefined), 2_000);
      }
    } finally {
      await db.end();
    }
  });

  it('answers bad input with problem+json', async () => {
    expect((await api('POST', `/api/v1/audit/alerts/${randomUUID()}/resolve`, { resolution: 'confirmed' }, as('admin'))).status).toBe(404);
    const bad = await api('POST', `/api/v1/audit/alerts/${randomUUID()}/resolve`, { resolution: 'maybe' }, as('admin'));
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('resolution');
    expect((await api('GET', '/api/v1/audit/alerts?cursor=bm90LWEtY3Vyc29y', undefined, as('admin'))).status).toBe(422);
    expect((await api('GET', `/api/v1/audit/alerts?cursor=${Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url')}`, undefined, as('admin'))).status).toBe(422);
    expect((await api('GET', `/api/v1/me/personal-data-access?cursor=${Buffer.from(JSON.stringify(['1; DROP'])).toString('base64url')}`, undefined, as('citizen'))).status).toBe(422);
    expect((await api('GET', '/api/v1/audit/personal-data-access/not-a-uuid', undefined, as('auditor'))).status).toBeLessThan(500);
  });
});

/** With the default back-off (5 failures lock sign-in for a minute), refused attempts still count as failed sign-ins. */
describe('failed sign-ins behind the back-off', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ AUDIT_FAILED_SIGNINS_LOCK: '10' });
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
  });

  it('ten attempts, five of them refused by the back-off, raise the alert and lock the account pending review', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await call(server.baseUrl, 'POST', '/api/v1/auth/login', { login: DEMO.citizen2.login, password: `Wrong#Pass${i}x` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423, 423, 423, 423, 423]);
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const reasons = await db.query<{ reason: string; n: number }>(
        `SELECT details->>'reason' AS reason, count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed' GROUP BY 1 ORDER BY 1`,
      );
      expect(reasons.rows).toEqual([
        { reason: 'locked_out', n: 5 },
        { reason: 'wrong_password', n: 5 },
      ]);
      const alert = await db.query(`SELECT kind, account_locked, details->>'failures' AS failures FROM audit_alerts`);
      expect(alert.rows).toEqual([{ kind: 'failed_sign_ins', account_locked: true, failures: '10' }]);
      const user = await db.query(`SELECT locked_at IS NOT NULL AS locked, lock_reason FROM users WHERE email_normalized = $1`, [DEMO.citizen2.login]);
      expect(user.rows).toEqual([{ locked: true, lock_reason: 'failed_sign_ins' }]);

      // A login with no account meets the same back-off and the same answers, and raises the alert too (nothing to lock).
      const unknown: number[] = [];
      for (let i = 0; i < 10; i++) unknown.push((await call(server.baseUrl, 'POST', '/api/v1/auth/login', { login: `ghost-${process.pid}@example.ru`, password: `Wrong#Pass${i}x` })).status);
      expect(unknown).toEqual(statuses);
      const byLogin = await db.query(`SELECT kind, subject_user_id, account_locked, details->>'failures' AS failures FROM audit_alerts WHERE subject_key LIKE 'login:%'`);
      expect(byLogin.rows).toEqual([{ kind: 'failed_sign_ins', subject_user_id: null, account_locked: false, failures: '10' }]);
    } finally {
      await db.end();
    }
  });
});
