import { randomUUID } from 'node:crypto';
import { AppealType, computeDeadlines, ProductionCalendar } from '@otklik/shared/domain';
import { DEMO } from './support/api';
import { pdf } from './support/files';
import { call, randomMobile, registerCitizen, startMessagingServer } from './support/identity';
import { until } from './support/sse';

const DAY = 86_400_000;

/**
 * Intake from other channels (issue 18): an operator registers an appeal that came by phone,
 * e-mail, post or in person — same numbering, routing and deadlines as a citizen's filing, the
 * deadlines counted from the received date — for a citizen found by phone/СНИЛС/e-mail or for an
 * applicant without an account, who gets the receipt by SMS at the local SMS gateway started here.
 * Organisations (ИНН/ОГРН checked) file through their representative. One topic from many citizens
 * in one region raises a recurring-problem signal to supervisors.
 */
describe('staff intake: appeals registered by an operator', () => {
  let t: Awaited<ReturnType<typeof startMessagingServer>>;
  let operator: string;
  let poolOperator: string;
  let citizen: { token: string; phone: string; email: string };
  let categories: Record<string, string>;
  let departments: { pool: string; tech: string };

  const ok = async (method: string, path: string, body: unknown, token: string, headers: Record<string, string> = {}): Promise<any> => {
    const res = await call(t.base, method, path, body, token, headers);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const input = (overrides: Record<string, unknown> = {}) => ({
    channel: 'phone',
    receivedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    type: 'complaint',
    categoryId: categories.knowledge,
    subject: `Звонок ${randomUUID().slice(0, 8)}`,
    text: 'Заявитель сообщил по телефону, что справочник на сайте устарел.',
    applicant: { fullName: 'Петров Пётр Петрович', phone: randomMobile() },
    ...overrides,
  });
  const smsTo = (phone: string) => t.sms.messages.filter((m) => m.to === phone).map((m) => m.text);

  beforeAll(async () => {
    // A recurring problem from three citizens (the default is five) keeps the test short.
    t = await startMessagingServer({ RECURRING_MIN_CITIZENS: '3' });
    operator = (await call(t.base, 'POST', '/api/v1/auth/login', DEMO.operator)).body.accessToken;
    poolOperator = (await call(t.base, 'POST', '/api/v1/auth/login', DEMO.poolOperator)).body.accessToken;
    const registered = await registerCitizen(t.base, t.sms);
    citizen = { token: registered.accessToken, phone: registered.data.phone, email: registered.data.email };
    const tree = (await call(t.base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string; children: { code: string; id: string }[] }[];
    categories = Object.fromEntries(tree.flatMap((c) => [c, ...c.children]).map((c) => [c.code, c.id]));
    const me = async (token: string) => (await ok('GET', '/api/v1/me', undefined, token)).department.id as string;
    departments = { pool: await me(poolOperator), tech: await me(operator) };
  }, 180_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('a phone appeal for a new applicant gets the next number, deadlines from the received date, and the SMS receipt', async () => {
    const before = await ok('POST', '/api/v1/appeals', { type: 'question', categoryId: categories.general, subject: 'Перед звонком', text: 'Вопрос гражданина.' }, citizen.token);
    const receivedAt = new Date(Date.now() - 3 * DAY);
    const body = input({ receivedAt: receivedAt.toISOString() });
    const appeal = await ok('POST', '/api/v1/staff/appeals', body, operator);

    expect(appeal.number).toBe(before.number + 1);
    expect(appeal.status).toBe('registered');
    expect(appeal.applicantKind).toBe('unregistered');
    expect(appeal.departmentId).toBe(departments.tech);
    // The statutory term counts from the day the body received it, not from today's registration.
    const expected = computeDeadlines({ type: AppealType.Complaint, registeredAt: receivedAt, priorityCategory: false, calendar: new ProductionCalendar() });
    expect(appeal.dueAt).toBe(expected.dueAt.toISOString());
    const fromToday = computeDeadlines({ type: AppealType.Complaint, registeredAt: new Date(appeal.registeredAt), priorityCategory: false, calendar: new ProductionCalendar() });
    expect(new Date(appeal.dueAt).getTime()).toBeLessThan(fromToday.dueAt.getTime());

    // The applicant, who has no account, gets the receipt on the phone they called from.
    const sms = await until(() => smsTo(body.applicant.phone).find((text) => text.includes(`№ ${appeal.number}`)), 20_000);
    expect(sms).toMatch(new RegExp(`^Ваше обращение № ${appeal.number} получено.*Статус: Принято`));

    const card = await ok('GET', `/api/v1/staff/appeals/${appeal.id}`, undefined, operator);
    expect(card).toMatchObject({ channel: 'phone', receivedAt: receivedAt.toISOString(), organisation: null });
    // Masked on the card; the full contact only by the logged reveal.
    expect(card.contact).toMatchObject({ fullName: 'Петров П. П.', phone: `+7******${body.applicant.phone.slice(-4)}` });
    const revealed = await ok('POST', `/api/v1/staff/appeals/${appeal.id}/reveal-contact`, { reason: 'Перезвонить заявителю' }, operator);
    expect(revealed).toMatchObject({ fullName: 'Петров Пётр Петрович', phone: body.applicant.phone });
    expect(card.history[0]).toMatchObject({ toStatus: 'registered' });
  });

  it('an applicant without an account gets ONE receipt, on the channel the operator chose, that speaks of no cabinet', async () => {
    const receiptsOf = async (id: string) =>
      until(async () => {
        const list = (await ok('GET', `/api/v1/appeals/${id}/notifications`, undefined, operator)) as { kind: string; channel: string; recipient: string }[];
        const receipts = list.filter((n) => n.kind === 'registered' && n.recipient === 'citizen');
        return receipts.length ? receipts : undefined;
      }, 20_000);

    // Both a phone and an e-mail, the answer (and so the receipt) by e-mail: the e-mail alone.
    const anna = { fullName: 'Смирнова Анна Олеговна', phone: randomMobile(), email: `anna.${randomUUID().slice(0, 8)}@example.ru` };
    const first = await ok('POST', '/api/v1/staff/appeals', input({ channel: 'post', answerChannel: 'email', applicant: anna }), operator);
    const mail = await until(() => t.smtp.mails.find((m) => m.to.includes(anna.email) && (m.subject ?? '').includes(`№ ${first.number}`)), 20_000);
    expect(mail.subject).toBe(`Обращение № ${first.number} зарегистрировано`);
    expect(mail.text).toContain(`Ваше обращение № ${first.number}`);
    // No account, no access code: nothing about a personal cabinet or a link to one, but where to ask.
    expect(mail.text).not.toMatch(/кабинет/i);
    expect(mail.html || '').not.toMatch(/кабинет/i);
    expect(mail.text).toContain('назвав номер обращения');
    expect((await receiptsOf(first.id)).map((n) => n.channel)).toEqual(['email']);
    expect(smsTo(anna.phone)).toEqual([]);

    // Both given, the answer by post: the first contact, the phone, alone.
    const oleg = { fullName: 'Смирнов Олег Иванович', phone: randomMobile(), email: `oleg.${randomUUID().slice(0, 8)}@example.ru`, address: '101000, г. Москва, ул. Покровка, д. 3' };
    const second = await ok('POST', '/api/v1/staff/appeals', input({ applicant: oleg, answerChannel: 'post' }), operator);
    const sms = await until(() => smsTo(oleg.phone).find((text) => text.includes(`№ ${second.number}`)), 20_000);
    // The SMS carries no link to a cabinet the applicant does not have.
    expect(sms).not.toMatch(/https?:/);
    expect((await receiptsOf(second.id)).map((n) => n.channel)).toEqual(['sms']);
    expect(t.smtp.mails.filter((m) => m.to.includes(oleg.email))).toEqual([]);
  });

  it('a known phone finds the citizen: the appeal is theirs, in their cabinet', async () => {
    const appeal = await ok('POST', '/api/v1/staff/appeals', input({ channel: 'in_person', applicant: { fullName: 'Гражданин', phone: citizen.phone } }), operator);
    expect(appeal.applicantKind).toBe('citizen');
    const mine = await ok('GET', `/api/v1/appeals/${appeal.id}`, undefined, citizen.token);
    expect(mine).toMatchObject({ number: appeal.number, channel: 'in_person' });
    // A citizen with an account too gets a postal answer only at an address given: 422, nothing filed.
    const filed = async () => (await ok('GET', '/api/v1/appeals?limit=100', undefined, citizen.token)).items.length as number;
    const before = await filed();
    const noAddress = await call(t.base, 'POST', '/api/v1/staff/appeals', input({ applicant: { fullName: 'Гражданин', phone: citizen.phone }, answerChannel: 'post' }), operator);
    expect(noAddress.status).toBe(422);
    expect(noAddress.body.errors).toEqual([expect.objectContaining({ field: 'answerChannel', code: 'address_required_for_post' })]);
    expect(await filed()).toBe(before);
  });

  it('the received date is neither in the future nor absurdly old, and exists: 422 naming the field', async () => {
    for (const receivedAt of [new Date(Date.now() + 2 * DAY).toISOString(), new Date(Date.now() - 400 * DAY).toISOString(), '2026-02-31']) {
      const res = await call(t.base, 'POST', '/api/v1/staff/appeals', input({ receivedAt }), operator);
      expect({ receivedAt, status: res.status, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ receivedAt, status: 422, fields: ['receivedAt'] });
    }
    const noContact = await call(t.base, 'POST', '/api/v1/staff/appeals', input({ applicant: { fullName: 'Без контактов' } }), operator);
    expect(noContact.status).toBe(422);
    expect(noContact.body.errors).toEqual([expect.objectContaining({ field: 'applicant', code: 'contact_required' })]);
    const badChannel = await call(t.base, 'POST', '/api/v1/staff/appeals', input({ channel: 'account' }), operator);
    expect(badChannel.status).toBe(422);
    expect(badChannel.body.errors.map((e: { field: string }) => e.field)).toEqual(['channel']);
  });

  it('an operator registers only into their own departments or the general pool', async () => {
    // Routed outside the operator's department (finance): it goes to the general pool for triage.
    const routedAway = await ok('POST', '/api/v1/staff/appeals', input({ type: 'question', categoryId: categories.finance }), operator);
    expect(routedAway.departmentId).toBe(departments.pool);
    const pooled = await ok('POST', '/api/v1/staff/appeals', input({ departmentId: departments.pool }), operator);
    expect(pooled.departmentId).toBe(departments.pool);
    const poolQueue = await ok('GET', '/api/v1/staff/appeals?limit=100&sort=registeredAt', undefined, poolOperator);
    expect(poolQueue.items.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([routedAway.id, pooled.id]));
    // Another department's queue is not the operator's to fill.
    const other = await call(t.base, 'POST', '/api/v1/staff/appeals', input({ departmentId: departments.tech }), poolOperator);
    expect(other.status).toBe(403);
    const citizenTries = await call(t.base, 'POST', '/api/v1/staff/appeals', input(), citizen.token);
    expect(citizenTries.status).toBe(403);
  });

  it('a retry with the same Idempotency-Key registers once', async () => {
    const body = input();
    const key = randomUUID();
    const first = await ok('POST', '/api/v1/staff/appeals', body, operator, { 'Idempotency-Key': key });
    const again = await ok('POST', '/api/v1/staff/appeals', body, operator, { 'Idempotency-Key': key });
    expect(again.id).toBe(first.id);
    expect(again.number).toBe(first.number);
    const changed = await call(t.base, 'POST', '/api/v1/staff/appeals', { ...body, subject: 'Другое' }, operator, { 'Idempotency-Key': key });
    expect(changed.status).toBe(422);
  });

  it("a paper appeal's scan is its attachment", async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf('скан письма'))], { type: 'application/pdf' }), 'scan.pdf');
    const uploaded = await fetch(`${t.base}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${operator}` }, body: form });
    expect(uploaded.status).toBe(201);
    const scan = (await uploaded.json()) as { id: string };
    const appeal = await ok('POST', '/api/v1/staff/appeals', input({ channel: 'post', applicant: { fullName: 'Сидоров Сидор', address: '101000, г. Москва, ул. Мясницкая, д. 1' }, attachmentIds: [scan.id] }), operator);
    const card = await ok('GET', `/api/v1/staff/appeals/${appeal.id}`, undefined, operator);
    expect(card.attachments.map((a: { id: string; name: string }) => [a.id, a.name])).toEqual([[scan.id, 'scan.pdf']]);
    expect(card.channel).toBe('post');
    // No account, no cabinet: the answer goes to the postal address given.
    expect(card.answerChannel).toBe('post');
  });

  it("an applicant without an account gets the answer by e-mail or post, never in a cabinet they do not have", async () => {
    const applicant = { fullName: 'Без Кабинета', email: `no-cabinet-${randomUUID().slice(0, 8)}@example.ru`, address: 'г. Москва, ул. Тверская, д. 1' };
    const byEmail = await ok('POST', '/api/v1/staff/appeals', input({ applicant }), operator);
    expect((await ok('GET', `/api/v1/staff/appeals/${byEmail.id}`, undefined, operator)).answerChannel).toBe('email');
    const byPost = await ok('POST', '/api/v1/staff/appeals', input({ applicant, answerChannel: 'post' }), operator);
    expect((await ok('GET', `/api/v1/staff/appeals/${byPost.id}`, undefined, operator)).answerChannel).toBe('post');
    const cabinet = await call(t.base, 'POST', '/api/v1/staff/appeals', input({ applicant, answerChannel: 'cabinet' }), operator);
    expect(cabinet.status).toBe(422);
    expect(cabinet.body.errors).toEqual([expect.objectContaining({ field: 'answerChannel', code: 'no_cabinet' })]);
    const noEmail = await call(t.base, 'POST', '/api/v1/staff/appeals', input({ applicant: { fullName: 'Без Почты', phone: randomMobile() }, answerChannel: 'email' }), operator);
    expect(noEmail.status).toBe(422);
    expect(noEmail.body.errors.map((e: { field: string }) => e.field)).toEqual(['answerChannel']);
  });

  it('an organisation files through its representative: ИНН and ОГРН are checked', async () => {
    const organisation = { name: 'ПАО «Ромашка»', inn: '7707083893', ogrn: '1027700132195', representativeBasis: 'доверенность № 12' };
    const byCitizen = await ok('POST', '/api/v1/appeals', { type: 'complaint', categoryId: categories.general, subject: 'От организации', text: 'Жалоба организации.', organisation }, citizen.token);
    expect((await ok('GET', `/api/v1/appeals/${byCitizen.id}`, undefined, citizen.token)).organisation).toEqual(organisation);
    const byStaff = await ok('POST', '/api/v1/staff/appeals', input({ organisation }), operator);
    expect((await ok('GET', `/api/v1/staff/appeals/${byStaff.id}`, undefined, operator)).organisation).toEqual(organisation);

    const bad = await call(t.base, 'POST', '/api/v1/appeals', { type: 'complaint', categoryId: categories.general, subject: 'x', text: 'y', organisation: { ...organisation, inn: '7707083894', ogrn: '1027700132194' } }, citizen.token);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['organisation.inn', 'organisation.ogrn']);
    const person = await call(t.base, 'POST', '/api/v1/staff/appeals', input({ organisation: { ...organisation, inn: '500100732259' } }), operator);
    expect(person.status).toBe(422);
    expect(person.body.errors.map((e: { field: string }) => e.field)).toEqual(['organisation.inn']);
  });

  it('one topic from three citizens in one region within the window tells supervisors once', async () => {
    const supervisor = (await call(t.base, 'POST', '/api/v1/auth/login', DEMO.supervisor)).body.accessToken as string;
    const region = `Регион ${randomUUID().slice(0, 6)}`;
    const signals = async () =>
      ((await ok('GET', '/api/v1/me/notifications?limit=100', undefined, supervisor)).items as { kind: string; body: string; title: string }[]).filter(
        (n) => n.kind === 'recurring_problem' && `${n.title} ${n.body}`.includes(region),
      );
    const file = () => ok('POST', '/api/v1/staff/appeals', input({ type: 'question', categoryId: categories.regional, extraFields: { region }, applicant: { fullName: 'Житель Области', phone: randomMobile() } }), operator);
    await file();
    await file();
    // Two citizens are not yet a recurring problem.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await signals()).toEqual([]);
    await file();
    const [signal] = await until(async () => ((await signals()).length ? signals() : undefined), 20_000);
    expect(signal.body).toContain('3');
    // A fourth in the same window is the same problem: no second signal.
    await file();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await signals()).toHaveLength(1);
  });
});
