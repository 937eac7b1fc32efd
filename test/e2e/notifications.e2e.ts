import { Client } from 'pg';
import { DEMO } from './support/api';
import { call, eventually, solvedCaptcha, startMessagingServer } from './support/identity';

/**
 * E-mail notices of the workflow, read from a real SMTP server: the citizen hears of a redirect,
 * an extension and an answer; the department head hears of an overdue appeal. A notice goes
 * once per recipient even when its event is delivered again.
 */
describe('notifications: workflow notices by e-mail', () => {
  let env: Awaited<ReturnType<typeof startMessagingServer>>;
  let base: string;
  const tokens: Record<'citizen' | 'operator' | 'supervisor', string> = {} as never;
  let categories: Record<string, string> = {};

  const ok = async (method: string, path: string, body: unknown, token: string): Promise<any> => {
    const res = await call(base, method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const file = async (subject: string) =>
    ok('POST', '/api/v1/appeals', { type: 'question', categoryId: categories.tech, subject, text: 'Не могу войти в личный кабинет.' }, tokens.citizen);
  const mailsTo = (address: string, containing: string) => env.smtp.mails.filter((m) => m.to.includes(address) && m.text.includes(containing));
  /** The mails of one notice kind, by its subject (texts-ru.ts): a citizen also gets a receipt and every status change. */
  const mailsOfKind = (address: string, subject: string) => env.smtp.mails.filter((m) => m.to.includes(address) && m.subject === subject);
  /** The step's time as the notice writes it (Moscow time). */
  const AT = String.raw`\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}`;

  beforeAll(async () => {
    env = await startMessagingServer({ CLOCK_CONTROL: 'true', SLA_TICK_SECONDS: '1' });
    base = env.base;
    for (const [who, creds] of [['citizen', DEMO.citizen], ['operator', DEMO.operator], ['supervisor', DEMO.supervisor]] as const) {
      tokens[who] = (await call(base, 'POST', '/api/v1/auth/login', creds)).body.accessToken;
    }
    const tree = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string; children: { code: string; id: string }[] }[];
    categories = Object.fromEntries(tree.flatMap((t) => [t, ...t.children]).map((c) => [c.code, c.id]));
  }, 120_000);

  afterAll(async () => env?.stop());

  it('tells the citizen of a redirect, with the new department', async () => {
    const appeal = await file('Перенаправление');
    const departments: { id: string; code: string }[] = await ok('GET', '/api/v1/staff/departments', undefined, tokens.operator);
    const finance = departments.find((d) => d.code === 'finance')!;
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/redirect`, { departmentId: finance.id, reason: 'Вопрос о платеже' }, tokens.operator);
    const mail = await eventually(() => mailsOfKind(DEMO.citizen.login, `Обращение № ${appeal.number} передано в другой отдел`)[0]);
    expect(mail.text).toMatch(new RegExp(`Ваше обращение № ${appeal.number} «Перенаправление» ${AT} передано на рассмотрение: Финансовый отдел\\.`));
    expect(mail.text).toMatch(/Причина: [^\n]*Вопрос о платеже\./);
  });

  it('tells the citizen of an extension with the new date, and of the answer', async () => {
    const appeal = await file('Продление');
    const extended = await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/extend`, { reason: 'Нужен запрос' }, tokens.operator);
    const date = new Date(Date.parse(extended.dueAt) + 3 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('.');
    const extension = await eventually(() => mailsOfKind(DEMO.citizen.login, `Срок рассмотрения обращения № ${appeal.number} продлён`)[0]);
    expect(extension.text).toMatch(new RegExp(`Срок рассмотрения вашего обращения № ${appeal.number} «Продление» продлён ${AT} до ${date.replace(/\./g, '\\.')}\\.`));
    expect(extension.text).toContain('Причина: Нужен запрос.');
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, tokens.operator);
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/answer`, { result: 'done', resultCode: 1, text: 'Доступ восстановлен.' }, tokens.operator);
    const answer = await eventually(() => mailsOfKind(DEMO.citizen.login, `Ответ на обращение № ${appeal.number}`)[0]);
    expect(answer.text).toContain('дан ответ');
    expect(answer.text).toContain('Статус: Решено.');
  });

  it('an appeal filed without an account: the address given with it gets the notices quoted in full and the answer itself; the use of the address is audited', async () => {
    const email = `anon-${Date.now()}@example.ru`;
    const filed = await call(base, 'POST', '/api/v1/public/appeals', {
      type: 'question',
      categoryId: categories.tech,
      subject: 'Без кабинета',
      text: 'Не работает форма оплаты на сайте.',
      surname: 'Смирнов',
      email,
      captcha: await solvedCaptcha(base),
    });
    expect(filed.status).toBe(201);
    const number: number = filed.body.number;
    const card = await ok('GET', `/api/v1/staff/appeals/${number}`, undefined, tokens.operator);

    // An extension: no thread to read, so the mail itself gives the reason.
    await ok('POST', `/api/v1/staff/appeals/${card.id}/actions/extend`, { reason: 'Нужен запрос в банк' }, tokens.operator);
    const extension = await eventually(() => mailsOfKind(email, `Срок рассмотрения обращения № ${number} продлён`)[0]);
    expect(extension.text).toContain('Причина: Нужен запрос в банк');
    expect(extension.text).toContain('по номеру обращения и коду доступа');
    expect(extension.text).not.toContain('личном кабинете');

    // Its author cannot add materials: a documents request would stop the appeal for good.
    await ok('POST', `/api/v1/staff/appeals/${card.id}/actions/take`, {}, tokens.operator);
    const dueOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const refused = await call(base, 'POST', `/api/v1/staff/appeals/${card.id}/actions/request-documents`, { documents: ['Квитанция'], dueOn }, tokens.operator);
    expect(refused.status).toBe(409);
    expect(refused.body.allowedActions).not.toContain('request-documents');

    // Nor can it go back to its author for clarification.
    const clarification = await call(base, 'POST', `/api/v1/staff/appeals/${card.id}/answer`, { result: 'clarification_needed', resultCode: 1, text: 'Уточните адрес.' }, tokens.operator);
    expect(clarification.status).toBe(422);
    expect(clarification.body.errors).toEqual([expect.objectContaining({ field: 'result', code: 'clarification_unavailable' })]);

    // The answer itself (text and executor), since this author has no cabinet to download it from.
    await ok('POST', `/api/v1/staff/appeals/${card.id}/answer`, { result: 'done', resultCode: 1, text: 'Форма оплаты исправлена 20 ноября.' }, tokens.operator);
    const answer = await eventually(() => mailsOfKind(email, `Ответ на обращение № ${number}`)[0]);
    expect(answer.text).toContain('Форма оплаты исправлена 20 ноября.');
    expect(answer.text).toMatch(/Исполнитель: \S+/);

    // Decrypting the address for each notice is a personal-data access on the audit trail (no actor: the
    // system): the receipt, the extension, the status change when it was taken, the answer.
    const auditor = (await call(base, 'POST', '/api/v1/auth/login', DEMO.auditor)).body.accessToken;
    const audit = await ok('GET', `/api/v1/audit?entityType=appeal&entityId=${card.id}&action=personal_data.use`, undefined, auditor);
    const uses = audit.items as { actorId: string | null; details: { purpose: string; eventType: string } }[];
    expect(uses.map((u) => [u.actorId, u.details.purpose, u.details.eventType]).sort()).toEqual([
      [null, 'notification', 'appeal.answered'],
      [null, 'notification', 'appeal.extended'],
      [null, 'notification', 'appeal.submitted'],
      [null, 'notification', 'appeal.taken'],
    ]);
  });

  it('tells the department head of an overdue appeal; a redelivered event mails nobody twice', async () => {
    const appeal = await file('Просрочка');
    await ok('PUT', '/api/v1/test/clock', { offsetMs: 60 * 86_400_000 }, tokens.supervisor);
    const overdueSubject = `Просрочено обращение № ${appeal.number}`;
    const head = await eventually(() => mailsOfKind(DEMO.supervisor.login, overdueSubject)[0], 20_000);
    expect(head.text).toContain(`Обращение № ${appeal.number} «Просрочка» (Отдел технической поддержки) не рассмотрено в срок`);
    // The citizen gets no staff notice: of this appeal, only the receipt.
    expect(mailsTo(DEMO.citizen.login, `№ ${appeal.number}`).map((m) => m.subject)).toEqual([`Обращение № ${appeal.number} зарегистрировано`]);

    const db = new Client({ connectionString: env.server.databaseUrl });
    await db.connect();
    const overdueLog = `SELECT recipient_id, channel, kind FROM notification_deliveries WHERE appeal_id = $1 AND event_type = 'appeal.overdue' ORDER BY recipient_id, channel`;
    try {
      const logged = (await db.query(overdueLog, [appeal.id])).rows;
      // Deliver the overdue event again, as a retry after a crash would: no second mail.
      await db.query(`UPDATE outbox SET dispatched_at = NULL WHERE aggregate_id = $1 AND event_type = 'appeal.overdue'`, [appeal.id]);
      const deadline = Date.now() + 10_000;
      while (!(await db.query(`SELECT 1 FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.overdue' AND dispatched_at IS NOT NULL`, [appeal.id])).rowCount) {
        if (Date.now() > deadline) throw new Error('the event was not dispatched again');
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 1500));
      expect(mailsOfKind(DEMO.supervisor.login, overdueSubject)).toHaveLength(1);
      const overdueMailsTo = env.smtp.mails.filter((m) => m.subject === overdueSubject).flatMap((m) => m.to);
      expect(new Set(overdueMailsTo).size).toBe(overdueMailsTo.length);
      // One record per recipient × channel, the head's e-mail among them, and nothing added by the redelivery.
      expect(logged).toContainEqual(expect.objectContaining({ channel: 'email', kind: 'overdue' }));
      expect(logged.every((r) => r.kind === 'overdue')).toBe(true);
      expect((await db.query(overdueLog, [appeal.id])).rows).toEqual(logged);
    } finally {
      await db.end();
    }
  });
});
