import { Client } from 'pg';
import { DEMO } from './support/api';
import { call, eventually, registerCitizen, startMessagingServer } from './support/identity';

type Started = Awaited<ReturnType<typeof startMessagingServer>>;
type Template = {
  kind: string;
  channel: string;
  locale: string;
  hasSubject: boolean;
  placeholders: string[];
  builtIn: { subject: string | null; body: string };
  override: { subject: string | null; body: string; version: number } | null;
};

/**
 * Notification templates (issue 16): an admin's text for a notice kind × channel × language is
 * what the citizen gets — by e-mail at a real SMTP server and by SMS at the local HTTP gateway,
 * both started here — escaped in the HTML part; only the kind's placeholders are accepted (422
 * naming the stranger); DELETE brings the built-in text back; the preview renders sample facts;
 * every change is audited before → after; only admins may read or change them.
 */
describe('notification templates (/admin/notification-templates)', () => {
  let m: Started;
  let db: Client;
  let admin: string;
  let citizen: { token: string; phone: string; email: string };
  let techId: string;

  const path = (kind: string, channel: string, lang: string) => `/api/v1/admin/notification-templates/${kind}/${channel}/${lang}`;
  const file = async (subject: string) => {
    const res = await call(m.base, 'POST', '/api/v1/appeals', { type: 'question', categoryId: techId, subject, text: 'Не открывается страница оплаты.' }, citizen.token);
    if (res.status !== 201) throw new Error(`file: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; number: number };
  };
  const mailFor = (number: number) => eventually(() => m.smtp.mails.find((mail) => mail.to.some((to) => to.includes(citizen.email)) && mail.text.includes(String(number))), 15_000);
  const smsFor = (number: number) => eventually(() => m.sms.messages.find((s) => s.to === citizen.phone && s.text.includes(String(number)))?.text, 15_000);
  const auditOf = async (action: string, entityId: string) =>
    (await db.query<{ changes: Record<string, { from: unknown; to: unknown }>; actor_role: string }>('SELECT changes, actor_role FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id DESC LIMIT 1', [action, entityId])).rows[0];

  beforeAll(async () => {
    m = await startMessagingServer();
    db = new Client({ connectionString: m.server.databaseUrl });
    await db.connect();
    admin = (await call(m.base, 'POST', '/api/v1/auth/login', DEMO.admin)).body.accessToken;
    const registered = await registerCitizen(m.base, m.sms);
    citizen = { token: registered.accessToken, phone: registered.data.phone, email: registered.data.email };
    const tree = (await call(m.base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string; children: { code: string; id: string }[] }[];
    techId = tree.flatMap((t) => [t, ...t.children]).find((c) => c.code === 'tech')!.id;
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await m?.stop();
  });

  it('lists every kind × channel × language with the built-in text as a template and its placeholders', async () => {
    const res = await call(m.base, 'GET', '/api/v1/admin/notification-templates', undefined, admin);
    expect(res.status).toBe(200);
    const list = res.body as Template[];
    const kinds = new Set(list.map((t) => t.kind));
    expect(list).toHaveLength(kinds.size * 4 * 2);
    const email = list.find((t) => t.kind === 'registered' && t.channel === 'email' && t.locale === 'ru')!;
    expect(email).toMatchObject({ hasSubject: true, override: null, builtIn: { subject: 'Обращение {{no}} зарегистрировано' } });
    expect(email.placeholders).toEqual(expect.arrayContaining(['no', 'subject', 'due', 'department']));
    expect(email.placeholders).not.toContain('reason');
    const sms = list.find((t) => t.kind === 'registered' && t.channel === 'sms' && t.locale === 'en')!;
    expect(sms).toMatchObject({ hasSubject: false, builtIn: { subject: null } });
    expect(sms.builtIn.body).toMatch(/^Your appeal \{\{no\}\} was received/);
    expect(sms.placeholders).toContain('link');
    expect(sms.placeholders).not.toContain('subject');
  });

  it('an override is what the citizen gets by e-mail (escaped in HTML) and SMS; DELETE brings the built-in text back; each change audited', async () => {
    const mail = await call(m.base, 'PUT', path('registered', 'email', 'ru'), { subject: 'Принято: {{no}}', body: 'Здравствуйте!\nОбращение {{no}} «{{ subject }}» принято, срок — {{due}}. <b>Спасибо</b>' }, admin);
    expect(mail.status).toBe(200);
    expect(mail.body.override).toMatchObject({ subject: 'Принято: {{no}}', version: 1 });
    const text = await call(m.base, 'PUT', path('registered', 'sms', 'ru'), { body: 'Otklik: обращение {{no}} принято, ответ до {{due}}. {{link}}' }, admin);
    expect(text.status).toBe(200);
    const again = await call(m.base, 'PUT', path('registered', 'sms', 'ru'), { body: 'Otklik: обращение {{no}} принято, ответ до {{due}}.' }, admin);
    expect(again.body.override.version).toBe(2);
    const updated = await auditOf('notification_template.update', 'registered/sms/ru');
    expect(updated.actor_role).toBe('admin');
    expect(updated.changes).toMatchObject({ version: { from: 1, to: 2 }, body: { from: 'Otklik: обращение {{no}} принято, ответ до {{due}}. {{link}}', to: 'Otklik: обращение {{no}} принято, ответ до {{due}}.' } });
    expect((await auditOf('notification_template.update', 'registered/email/ru')).changes).toMatchObject({ subject: { from: null, to: 'Принято: {{no}}' } });

    const appeal = await file('Оплата <i>не проходит</i>');
    const received = await mailFor(appeal.number);
    expect(received.subject).toBe(`Принято: № ${appeal.number}`);
    expect(received.text).toContain(`Здравствуйте!\nОбращение № ${appeal.number} «Оплата <i>не проходит</i>» принято, срок — `);
    expect(received.html).toContain(`Обращение № ${appeal.number} «Оплата &lt;i&gt;не проходит&lt;/i&gt;» принято`);
    expect(received.html).toContain('&lt;b&gt;Спасибо&lt;/b&gt;');
    expect(received.html).not.toMatch(/<i>|<b>/);
    // The frame stays: the link to the cabinet.
    expect(received.text).toContain(`/cabinet/appeals/${appeal.number}`);
    expect(await smsFor(appeal.number)).toMatch(new RegExp(`^Otklik: обращение № ${appeal.number} принято, ответ до \\d{2}\\.\\d{2}\\.\\d{4}\\.$`));

    // Back to the built-in texts.
    expect((await call(m.base, 'DELETE', path('registered', 'email', 'ru'), undefined, admin)).status).toBe(204);
    expect((await call(m.base, 'DELETE', path('registered', 'sms', 'ru'), undefined, admin)).status).toBe(204);
    expect((await call(m.base, 'DELETE', path('registered', 'sms', 'ru'), undefined, admin)).status).toBe(404);
    expect((await auditOf('notification_template.reset', 'registered/email/ru')).changes).toMatchObject({ subject: { from: 'Принято: {{no}}', to: null } });
    const listed = (await call(m.base, 'GET', '/api/v1/admin/notification-templates', undefined, admin)).body as Template[];
    expect(listed.find((t) => t.kind === 'registered' && t.channel === 'email' && t.locale === 'ru')!.override).toBeNull();
    const next = await file('Снова оплата');
    expect((await mailFor(next.number)).subject).toBe(`Обращение № ${next.number} зарегистрировано`);
    expect(await smsFor(next.number)).toMatch(new RegExp(`^Ваше обращение № ${next.number} получено`));
  }, 60_000);

  it('refuses what a notice cannot carry: an unknown placeholder (422 naming it), a subject missing or on SMS, an SMS too long, an unknown kind', async () => {
    const unknown = await call(m.base, 'PUT', path('registered', 'email', 'ru'), { subject: 'Обращение {{no}}', body: 'Паспорт: {{passport}}, ИНН {{ inn }}' }, admin, { 'Accept-Language': 'en' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown_placeholder', unknownPlaceholders: ['passport', 'inn'], errors: [{ field: 'body', code: 'unknown_placeholder' }] });
    expect(unknown.body.title).toContain('passport, inn');
    // A fact of another kind is not this kind's: a receipt has no reason.
    const reason = await call(m.base, 'PUT', path('registered', 'sms', 'ru'), { body: '{{no}}: {{reason}}' }, admin);
    expect(reason.status).toBe(422);
    expect(reason.body.unknownPlaceholders).toEqual(['reason']);
    // The citizen's subject never goes by SMS.
    expect((await call(m.base, 'PUT', path('registered', 'sms', 'ru'), { body: '{{no}} {{subject}}' }, admin)).body.unknownPlaceholders).toEqual(['subject']);
    const noSubject = await call(m.base, 'PUT', path('registered', 'email', 'ru'), { body: 'Текст' }, admin);
    expect(noSubject.status).toBe(422);
    expect(noSubject.body.errors).toEqual([expect.objectContaining({ field: 'subject', code: 'required' })]);
    const smsSubject = await call(m.base, 'PUT', path('registered', 'sms', 'ru'), { subject: 'Тема', body: 'Текст' }, admin);
    expect(smsSubject.status).toBe(422);
    expect(smsSubject.body.errors).toEqual([expect.objectContaining({ field: 'subject', code: 'subject_not_allowed' })]);
    const long = await call(m.base, 'PUT', path('registered', 'sms', 'ru'), { body: `Обращение {{no}}. ${'Очень длинный текст. '.repeat(8)}` }, admin);
    expect(long.status).toBe(422);
    expect(long.body).toMatchObject({ code: 'sms_too_long', sms: { encoding: 'UCS-2', segments: 3, maxSegments: 2 } });
    expect((await call(m.base, 'PUT', path('no_such_kind', 'email', 'ru'), { subject: 'x', body: 'y' }, admin)).status).toBe(404);
    expect((await call(m.base, 'PUT', path('registered', 'fax', 'ru'), { subject: 'x', body: 'y' }, admin)).status).toBe(404);
    // Nothing of the refused saves stayed.
    const listed = (await call(m.base, 'GET', '/api/v1/admin/notification-templates', undefined, admin)).body as Template[];
    expect(listed.filter((t) => t.kind === 'registered' && t.override)).toEqual([]);
  });

  it('previews a draft or the text in use with sample facts, escaped, with the SMS size', async () => {
    const draft = await call(m.base, 'POST', '/api/v1/admin/notification-templates/preview', { kind: 'extended', channel: 'email', locale: 'ru', subject: 'Продлено: {{no}}', body: 'Причина: {{reason}} <script>x</script>' }, admin);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ channel: 'email', subject: 'Продлено: № 10012345', sms: null });
    expect(draft.body.text).toContain('Причина: Требуется ответ другого органа. <script>x</script>');
    expect(draft.body.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(draft.body.html).not.toContain('<script>');

    const builtIn = await call(m.base, 'POST', '/api/v1/admin/notification-templates/preview', { kind: 'registered', channel: 'sms', locale: 'ru' }, admin);
    expect(builtIn.status).toBe(200);
    expect(builtIn.body.text).toMatch(/^Ваше обращение № 10012345 получено/);
    expect(builtIn.body.sms).toMatchObject({ encoding: 'UCS-2', maxSegments: 2 });
    expect(builtIn.body.sms.segments).toBeLessThanOrEqual(2);

    const wrong = await call(m.base, 'POST', '/api/v1/admin/notification-templates/preview', { kind: 'registered', channel: 'push', locale: 'en', subject: '{{no}}', body: '{{subject}}' }, admin);
    expect(wrong.status).toBe(422);
    expect(wrong.body.unknownPlaceholders).toEqual(['subject']);
  });

  it('only admins read or change them', async () => {
    const operator = (await call(m.base, 'POST', '/api/v1/auth/login', DEMO.operator)).body.accessToken;
    const supervisor = (await call(m.base, 'POST', '/api/v1/auth/login', DEMO.supervisor)).body.accessToken;
    for (const token of [operator, supervisor, citizen.token]) {
      expect((await call(m.base, 'GET', '/api/v1/admin/notification-templates', undefined, token)).status).toBe(403);
      expect((await call(m.base, 'PUT', path('registered', 'email', 'ru'), { subject: 'x', body: 'y' }, token)).status).toBe(403);
      expect((await call(m.base, 'DELETE', path('registered', 'email', 'ru'), undefined, token)).status).toBe(403);
      expect((await call(m.base, 'POST', '/api/v1/admin/notification-templates/preview', { kind: 'registered', channel: 'sms', locale: 'ru' }, token)).status).toBe(403);
    }
    expect((await call(m.base, 'GET', '/api/v1/admin/notification-templates')).status).toBe(401);
  });
});
