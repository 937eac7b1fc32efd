import { DEMO } from './support/api';
import { call, codeIn, eventually, registerCitizen, startMessagingServer } from './support/identity';

const DAY = 86_400_000;

/**
 * The citizen's cabinet (issue 18, part B) on a server whose SMS and e-mail go to real local
 * servers: the card names the department and the executor and says what the clock waits for;
 * PATCH /me changes the name (audited) and the contacts (confirmed by a code sent to the new
 * address, the old one told); an unverified e-mail gets no notices.
 */
describe('citizen cabinet: card, profile, contacts', () => {
  let env: Awaited<ReturnType<typeof startMessagingServer>>;
  let base: string;
  let operator: string;
  let techId: string;

  const ok = async (method: string, path: string, body: unknown, token: string): Promise<any> => {
    const res = await call(base, method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const file = (token: string, subject: string) =>
    ok('POST', '/api/v1/appeals', { type: 'complaint', categoryId: techId, subject, text: 'Не открывается страница оплаты.' }, token) as Promise<{ id: string; number: number }>;
  const mailsTo = (address: string) => env.smtp.mails.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  const deliveries = async (id: string, token: string) =>
    (await ok('GET', `/api/v1/appeals/${id}/notifications`, undefined, token)) as { kind: string; channel: string; address: string | null }[];

  beforeAll(async () => {
    env = await startMessagingServer();
    base = env.base;
    operator = (await call(base, 'POST', '/api/v1/auth/login', DEMO.operator)).body.accessToken;
    const tree = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string; children: { code: string; id: string }[] }[];
    techId = tree.flatMap((t) => [t, ...t.children]).find((c) => c.code === 'tech')!.id;
  }, 120_000);

  afterAll(async () => env?.stop());

  it('the card names the department, then the executor (position and name), and says what the clock waits for', async () => {
    const citizen = await registerCitizen(base, env.sms);
    const appeal = await file(citizen.accessToken, 'Карточка');
    const before = await ok('GET', `/api/v1/appeals/${appeal.id}`, undefined, citizen.accessToken);
    expect(before.department).toEqual({ id: before.departmentId, name: 'Отдел технической поддержки', nameRu: 'Отдел технической поддержки', nameEn: 'Technical support' });
    expect(before.executor).toBeNull();
    expect(before.term).toMatchObject({ state: 'running', dueAt: before.dueAt, documentsDueOn: null, extended: false, extensionReason: null, overdue: false });
    expect(before.assigneeName).toBeUndefined();

    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, operator);
    const taken = await ok('GET', `/api/v1/appeals/${appeal.id}`, undefined, citizen.accessToken);
    expect(taken.executor).toEqual({ position: 'Специалист', name: 'Сидоров Пётр Алексеевич' });
    const english = await call(base, 'GET', `/api/v1/appeals/${appeal.id}`, undefined, citizen.accessToken, { 'accept-language': 'en' });
    expect(english.body.department.name).toBe('Technical support');

    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/extend`, { reason: 'Нужна проверка у подрядчика' }, operator);
    const extended = await ok('GET', `/api/v1/appeals/${appeal.id}`, undefined, citizen.accessToken);
    expect(extended.term).toMatchObject({ state: 'running', extended: true, extensionReason: 'Нужна проверка у подрядчика' });
    expect(new Date(extended.term.dueAt).getTime()).toBeGreaterThan(new Date(before.dueAt).getTime());

    const dueOn = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/request-documents`, { documents: ['Скриншот ошибки'], dueOn }, operator);
    const waiting = await ok('GET', `/api/v1/appeals/${appeal.id}`, undefined, citizen.accessToken);
    expect(waiting.term).toMatchObject({ state: 'awaiting_citizen', documentsDueOn: dueOn, pausedSince: expect.any(String) });
    // The operator's queue row says the same: the documents' day as a date, the paused clock as an instant.
    const queue = await ok('GET', `/api/v1/staff/appeals?q=${appeal.number}&status=awaiting_citizen`, undefined, operator);
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ id: appeal.id, number: appeal.number, documentsDueOn: dueOn, slaPausedAt: waiting.term.pausedSince, extended: true });
  });

  it('an unverified e-mail gets no notices but its code; once confirmed, it gets them', async () => {
    const citizen = await registerCitizen(base, env.sms, {}, { verifyEmail: false });
    const email = String(citizen.data.email);
    const me = await ok('GET', '/api/v1/me', undefined, citizen.accessToken);
    expect(me).toMatchObject({ emailVerified: false, phoneVerified: true, preferredAnswerChannel: 'cabinet' });
    const appeal = await file(citizen.accessToken, 'Без подтверждения');
    // The receipt goes by SMS (the phone was confirmed) and in the cabinet, not to the unverified address.
    await eventually(() => env.sms.messages.find((m) => m.to === citizen.data.phone && m.text.includes(`№ ${appeal.number}`)), 15_000);
    expect((await deliveries(appeal.id, citizen.accessToken)).filter((d) => d.kind === 'registered').map((d) => d.channel).sort()).toEqual(['in_app', 'sms']);
    expect(mailsTo(email).map((m) => m.subject)).toEqual(['Подтверждение адреса e-mail в «Отклик»']);

    // A wrong code is refused (and counted); the right one verifies the address.
    const wrong = await call(base, 'POST', '/api/v1/me/contacts/confirm', { kind: 'email', code: '000000' === codeIn(mailsTo(email)[0].text) ? '111111' : '000000' }, citizen.accessToken);
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'code_invalid' })]);
    const confirmed = await call(base, 'POST', '/api/v1/me/contacts/confirm', { kind: 'email', code: codeIn(mailsTo(email)[0].text) }, citizen.accessToken);
    expect(confirmed.status).toBe(204);
    expect((await ok('GET', '/api/v1/me', undefined, citizen.accessToken)).emailVerified).toBe(true);

    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, operator);
    await eventually(() => mailsTo(email).find((m) => m.text.includes(`№ ${appeal.number}`) && m.text.includes('В работе')), 15_000);
  });

  it('changing the e-mail: the code goes to the new address, the notice to the old; notices follow only after confirmation', async () => {
    const citizen = await registerCitizen(base, env.sms);
    const oldEmail = String(citizen.data.email);
    const newEmail = `new.${oldEmail}`;
    const appeal = await file(citizen.accessToken, 'Смена адреса');
    await eventually(() => mailsTo(oldEmail).find((m) => m.text.includes(`№ ${appeal.number}`)), 15_000);

    const patched = await ok('PATCH', '/api/v1/me', { email: newEmail }, citizen.accessToken);
    expect(patched).toMatchObject({ email: oldEmail, emailVerified: true, pendingContactChanges: [{ kind: 'email', to: `n***@example.ru`, expiresAt: expect.any(String) }] });
    const code = await eventually(() => mailsTo(newEmail).find((m) => /Код подтверждения адреса e-mail/.test(m.text)));
    const notice = await eventually(() => mailsTo(oldEmail).find((m) => m.subject === 'Изменение адреса e-mail в «Отклик»'));
    expect(notice.text).toContain('n***@example.ru');
    expect(notice.text).not.toContain(newEmail);

    // Until confirmed, notices go to the old address.
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, operator);
    await eventually(() => mailsTo(oldEmail).find((m) => m.text.includes(`№ ${appeal.number}`) && m.text.includes('В работе')), 15_000);
    expect(mailsTo(newEmail).filter((m) => m.text.includes(`№ ${appeal.number}`))).toEqual([]);

    expect((await call(base, 'POST', '/api/v1/me/contacts/confirm', { kind: 'email', code: codeIn(code.text) }, citizen.accessToken)).status).toBe(204);
    const me = await ok('GET', '/api/v1/me', undefined, citizen.accessToken);
    expect(me).toMatchObject({ email: newEmail, emailVerified: true });
    // The code was single-use; the old login no longer signs in, the new one does.
    expect((await call(base, 'POST', '/api/v1/me/contacts/confirm', { kind: 'email', code: codeIn(code.text) }, citizen.accessToken)).body.errors).toEqual([
      expect.objectContaining({ field: 'kind', code: 'no_pending_change' }),
    ]);
    expect((await call(base, 'POST', '/api/v1/auth/login', { login: newEmail, password: citizen.data.password })).status).toBe(200);

    const dueOn = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/request-documents`, { documents: ['Договор'], dueOn }, operator);
    await eventually(() => mailsTo(newEmail).find((m) => m.text.includes(`№ ${appeal.number}`)), 15_000);
    const last = (await deliveries(appeal.id, citizen.accessToken)).filter((d) => d.channel === 'email').map((d) => d.address);
    expect(last[last.length - 1]).toBe('n***@example.ru');
  });

  it('changing the phone: SMS code to the new number, the old one told; the name change is audited, masked', async () => {
    const citizen = await registerCitizen(base, env.sms);
    const oldPhone = String(citizen.data.phone);
    const newPhone = `+79${String(Date.now()).slice(-9)}`;
    const patched = await ok('PATCH', '/api/v1/me', { phone: newPhone, lastName: 'Кузнецова', preferredAnswerChannel: 'email' }, citizen.accessToken);
    expect(patched).toMatchObject({ fullName: 'Кузнецова Ольга Игоревна', preferredAnswerChannel: 'email', pendingContactChanges: [{ kind: 'phone' }] });
    const code = await eventually(() => env.sms.messages.find((m) => m.to === newPhone && /Код подтверждения номера/.test(m.text)));
    await eventually(() => env.sms.messages.find((m) => m.to === oldPhone && /смена номера/.test(m.text)));
    expect((await call(base, 'POST', '/api/v1/me/contacts/confirm', { kind: 'phone', code: codeIn(code.text) }, citizen.accessToken)).status).toBe(204);
    expect((await ok('GET', '/api/v1/me', undefined, citizen.accessToken)).phoneVerified).toBe(true);
    const appeal = await file(citizen.accessToken, 'Новый номер');
    await eventually(() => env.sms.messages.find((m) => m.to === newPhone && m.text.includes(`№ ${appeal.number}`)), 15_000);

    const admin = (await call(base, 'POST', '/api/v1/auth/login', DEMO.admin)).body.accessToken;
    const me = await ok('GET', '/api/v1/me', undefined, citizen.accessToken);
    const audit = await ok('GET', `/api/v1/audit?action=user.profile_update&entityId=${me.id}`, undefined, admin);
    const row = (audit.items ?? audit).find((r: { action: string }) => r.action === 'user.profile_update');
    expect(row.changes).toEqual({ fullName: { from: 'С***(23)', to: 'К***(24)' }, preferredAnswerChannel: { from: 'cabinet', to: 'email' } });
    expect(JSON.stringify([row.changes, row.details])).not.toContain('Кузнецова');
  });

  it('refuses bad input field by field, and staff cannot rename themselves', async () => {
    const citizen = await registerCitizen(base, env.sms);
    const bad = await call(base, 'PATCH', '/api/v1/me', { email: 'not an email', phone: '+74951234567', preferredAnswerChannel: 'pigeon' }, citizen.accessToken);
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'preferredAnswerChannel']);
    const phone = await call(base, 'PATCH', '/api/v1/me', { phone: '+74951234567' }, citizen.accessToken);
    expect(phone.status).toBe(422);
    expect(phone.body.errors).toEqual([expect.objectContaining({ field: 'phone', code: 'phone' })]);
    const staff = await call(base, 'PATCH', '/api/v1/me', { lastName: 'Другой' }, operator);
    expect(staff.status).toBe(422);
    expect(staff.body.errors).toEqual([expect.objectContaining({ field: 'lastName', code: 'name_managed_by_admin' })]);
    const none = await call(base, 'POST', '/api/v1/me/contacts/confirm', { kind: 'phone', code: '123456' }, citizen.accessToken);
    expect(none.status).toBe(422);
  });
  it('templates: saved from scratch and from an own appeal, listed, deleted; nobody else reads or deletes them', async () => {
    const citizen = await registerCitizen(base, env.sms);
    const other = await registerCitizen(base, env.sms);
    const appeal = await file(citizen.accessToken, 'Шаблонная тема');
    const scratch = await ok('POST', '/api/v1/me/appeal-templates', { name: 'Оплата', type: 'question', categoryId: techId, subject: 'Ошибка оплаты', text: 'Платёж не проходит.' }, citizen.accessToken);
    expect(scratch).toMatchObject({ id: expect.any(String), name: 'Оплата', draft: { type: 'question', categoryId: techId, subject: 'Ошибка оплаты', text: 'Платёж не проходит.' } });
    const fromAppeal = await ok('POST', '/api/v1/me/appeal-templates', { name: 'Как в прошлый раз', fromAppeal: String(appeal.number), subject: 'Снова не работает' }, citizen.accessToken);
    expect(fromAppeal.draft).toMatchObject({ type: 'complaint', categoryId: techId, subject: 'Снова не работает', text: 'Не открывается страница оплаты.' });
    expect((await ok('GET', '/api/v1/me/appeal-templates', undefined, citizen.accessToken)).map((t: { name: string }) => t.name)).toEqual(['Как в прошлый раз', 'Оплата']);

    // Another citizen: no template of theirs, no template from someone else's appeal, no deleting this one.
    expect(await ok('GET', '/api/v1/me/appeal-templates', undefined, other.accessToken)).toEqual([]);
    expect((await call(base, 'POST', '/api/v1/me/appeal-templates', { name: 'Чужое', fromAppeal: appeal.id }, other.accessToken)).status).toBe(404);
    expect((await call(base, 'DELETE', `/api/v1/me/appeal-templates/${scratch.id}`, undefined, other.accessToken)).status).toBe(404);
    expect((await call(base, 'GET', `/api/v1/appeals/prefill?from=template:${scratch.id}`, undefined, other.accessToken)).status).toBe(404);
    expect((await call(base, 'GET', `/api/v1/appeals/prefill?from=appeal:${appeal.number}`, undefined, other.accessToken)).status).toBe(404);

    expect((await call(base, 'DELETE', `/api/v1/me/appeal-templates/${scratch.id}`, undefined, citizen.accessToken)).status).toBe(204);
    expect((await ok('GET', '/api/v1/me/appeal-templates', undefined, citizen.accessToken)).map((t: { id: string }) => t.id)).toEqual([fromAppeal.id]);
    const bad = await call(base, 'POST', '/api/v1/me/appeal-templates', { name: '', type: 'nonsense', fromAppeal: 'x; DROP' }, citizen.accessToken);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['fromAppeal', 'name', 'type']);
  });

  it('prefill: from the profile, a template or an earlier appeal — a body POST /appeals takes as it is', async () => {
    const citizen = await registerCitizen(base, env.sms);
    const appeal = await file(citizen.accessToken, 'Исходное обращение');
    const profile = await ok('GET', '/api/v1/appeals/prefill?from=profile', undefined, citizen.accessToken);
    expect(profile).toEqual({ source: 'profile', contact: { email: citizen.data.email, phone: citizen.data.phone }, answerChannel: 'cabinet' });
    const template = await ok('POST', '/api/v1/me/appeal-templates', { name: 'Т', type: 'suggestion', categoryId: techId, subject: 'Предложение', text: 'Добавьте оплату по СБП.' }, citizen.accessToken);
    const fromTemplate = await ok('GET', `/api/v1/appeals/prefill?from=template:${template.id}`, undefined, citizen.accessToken);
    expect(fromTemplate).toMatchObject({ source: `template:${template.id}`, type: 'suggestion', subject: 'Предложение', contact: { email: citizen.data.email } });
    const fromAppeal = await ok('GET', `/api/v1/appeals/prefill?from=appeal:${appeal.id}`, undefined, citizen.accessToken);
    expect(fromAppeal).toMatchObject({ type: 'complaint', categoryId: techId, subject: 'Исходное обращение', text: 'Не открывается страница оплаты.' });
    const { source: _source, answerChannel: _channel, ...body } = fromAppeal;
    const filed = await call(base, 'POST', '/api/v1/appeals', body, citizen.accessToken);
    expect(filed.status).toBe(201);
    expect(filed.body.number).not.toBe(appeal.number);
    expect((await call(base, 'GET', '/api/v1/appeals/prefill?from=elsewhere', undefined, citizen.accessToken)).status).toBe(422);
  });

  it('the dossier: a PDF of the appeal with its number and the answer\'s verification code; nobody else gets it', async () => {
    const citizen = await registerCitizen(base, env.sms);
    const other = await registerCitizen(base, env.sms);
    const appeal = await file(citizen.accessToken, 'Досье');
    await ok('POST', `/api/v1/appeals/${appeal.id}/messages`, { text: 'Дополнение к обращению' }, citizen.accessToken);
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, operator);
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/answer`, { result: 'done', resultCode: 1, text: 'Оплата восстановлена.' }, operator);
    const fetchPdf = (token: string, lang = 'ru') => fetch(`${base}/api/v1/appeals/${appeal.number}/dossier.pdf`, { headers: { authorization: `Bearer ${token}`, 'accept-language': lang } });
    const res = await fetchPdf(citizen.accessToken, 'en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/FontName \/[A-Z]{6}\+Roboto/);
    // The signed answer's code, as its own PDF reports it to the verify route.
    const answerPdf = Buffer.from(await (await fetch(`${base}/api/v1/appeals/${appeal.id}/answer?format=pdf`, { headers: { authorization: `Bearer ${citizen.accessToken}` } })).arrayBuffer());
    const form = new FormData();
    form.append('document', new Blob([answerPdf], { type: 'application/pdf' }), 'answer.pdf');
    const verified = (await (await fetch(`${base}/api/v1/answers/verify`, { method: 'POST', body: form })).json()) as { verificationCode: string };
    expect(verified.verificationCode).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const text = bytes.toString('latin1');
    expect(text).toContain(`(Dossier of appeal No. ${appeal.number})`);
    expect(text).toContain(`appeal ${appeal.number}; verification ${verified.verificationCode}`);
    expect((await fetchPdf(citizen.accessToken)).status).toBe(200);
    expect((await fetchPdf(other.accessToken)).status).toBe(404);
  });
  it('the answer channel: the profile default, per appeal at filing; a postal answer is flagged for the operator, its signed PDF ready to print', async () => {
    const citizen = await registerCitizen(base, env.sms);
    await ok('PATCH', '/api/v1/me', { preferredAnswerChannel: 'post' }, citizen.accessToken);
    const body = { type: 'complaint', categoryId: techId, subject: 'Ответ почтой', text: 'Прошу ответить письмом.' };
    const noAddress = await call(base, 'POST', '/api/v1/appeals', body, citizen.accessToken);
    expect(noAddress.status).toBe(422);
    expect(noAddress.body.errors).toEqual([expect.objectContaining({ field: 'answerChannel', code: 'address_required_for_post' })]);
    const postal = await ok('POST', '/api/v1/appeals', { ...body, contact: { address: '101000, г. Москва, ул. Мясницкая, д. 1' } }, citizen.accessToken);
    expect(postal.answerChannel).toBe('post');
    const byEmail = await ok('POST', '/api/v1/appeals', { ...body, subject: 'Ответ на почту', answerChannel: 'email' }, citizen.accessToken);
    expect(byEmail.answerChannel).toBe('email');

    const queue = await ok('GET', '/api/v1/staff/appeals?answerChannel=post&limit=100', undefined, operator);
    expect(queue.items.map((a: { id: string }) => a.id)).toContain(postal.id);
    expect(queue.items.map((a: { id: string }) => a.id)).not.toContain(byEmail.id);
    expect(queue.items.every((a: { answerChannel: string }) => a.answerChannel === 'post')).toBe(true);
    await ok('POST', `/api/v1/staff/appeals/${postal.id}/actions/take`, {}, operator);
    expect((await ok('GET', `/api/v1/staff/appeals/${postal.id}`, undefined, operator)).printAnswer).toBe(false);
    await ok('POST', `/api/v1/staff/appeals/${postal.id}/answer`, { result: 'done', resultCode: 1, text: 'Ответ направлен почтой.' }, operator);
    const staffCard = await ok('GET', `/api/v1/staff/appeals/${postal.id}`, undefined, operator);
    expect(staffCard).toMatchObject({ answerChannel: 'post', printAnswer: true });
    expect((await ok('GET', `/api/v1/appeals/${postal.id}`, undefined, citizen.accessToken)).printAnswer).toBeUndefined();
    const answered = await ok('GET', `/api/v1/staff/appeals?answerChannel=post&status=resolved&limit=100`, undefined, operator);
    expect(answered.items.map((a: { id: string }) => a.id)).toContain(postal.id);
    const pdf = await fetch(`${base}/api/v1/appeals/${postal.id}/answer?format=pdf`, { headers: { authorization: `Bearer ${operator}` } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1')).toContain('%OTKLIK-ANSWER-SIGNATURE ');
  });
  it('a gratitude names an employee who handled my appeals (no one else), and the thanks count in the employee rating', async () => {
    const citizen = await registerCitizen(base, env.sms);
    const other = await registerCitizen(base, env.sms);
    const tree = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string }[];
    const gratitudeCategory = tree.find((c) => c.code === 'gratitude-politeness')!.id;
    const supervisor = (await call(base, 'POST', '/api/v1/auth/login', DEMO.supervisor)).body.accessToken;
    const operatorId = (await ok('GET', '/api/v1/me', undefined, operator)).id;
    const supervisorId = (await ok('GET', '/api/v1/me', undefined, supervisor)).id;

    expect(await ok('GET', '/api/v1/me/thankable-staff', undefined, citizen.accessToken)).toEqual([]);
    const appeal = await file(citizen.accessToken, 'Спасибо позже');
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, operator);
    expect(await ok('GET', '/api/v1/me/thankable-staff', undefined, citizen.accessToken)).toEqual([{ id: operatorId, position: 'Специалист', name: 'Сидоров Пётр Алексеевич' }]);
    // Another citizen's appeals were handled by nobody yet: no staff id is given out to them.
    expect(await ok('GET', '/api/v1/me/thankable-staff', undefined, other.accessToken)).toEqual([]);

    const thanks = { type: 'gratitude', categoryId: gratitudeCategory, subject: 'Благодарность', text: 'Спасибо за быстрый ответ.' };
    const notHandled = await call(base, 'POST', '/api/v1/appeals', { ...thanks, thankedStaffId: supervisorId }, citizen.accessToken);
    expect(notHandled.status).toBe(422);
    expect(notHandled.body.errors).toEqual([expect.objectContaining({ field: 'thankedStaffId', code: 'not_thankable' })]);
    const byOther = await call(base, 'POST', '/api/v1/appeals', { ...thanks, thankedStaffId: operatorId }, other.accessToken);
    expect(byOther.body.errors).toEqual([expect.objectContaining({ field: 'thankedStaffId', code: 'not_thankable' })]);
    const notGratitude = await call(base, 'POST', '/api/v1/appeals', { type: 'complaint', categoryId: techId, subject: 'Жалоба', text: 'Текст жалобы.', thankedStaffId: operatorId }, citizen.accessToken);
    expect(notGratitude.body.errors).toEqual([expect.objectContaining({ field: 'thankedStaffId', code: 'thanks_only_in_gratitude' })]);

    const before = await ok('GET', '/api/v1/reports/operators', undefined, supervisor);
    const countOf = (report: { items: { assigneeId: string; gratitudes: number }[] }) => report.items.find((r) => r.assigneeId === operatorId)?.gratitudes ?? 0;
    const gratitude = await ok('POST', '/api/v1/appeals', { ...thanks, thankedStaffId: operatorId }, citizen.accessToken);
    const card = await ok('GET', `/api/v1/appeals/${gratitude.id}`, undefined, citizen.accessToken);
    expect(card.thankedEmployee).toEqual({ position: 'Специалист', name: 'Сидоров Пётр Алексеевич' });

    // The rollups follow the outbox: the figures settle within moments.
    const deadline = Date.now() + 20_000;
    let after = before;
    while (countOf(after) < countOf(before) + 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      after = await ok('GET', '/api/v1/reports/operators', undefined, supervisor);
    }
    expect(countOf(after)).toBe(countOf(before) + 1);
    const report = await ok('GET', '/api/v1/reports/gratitude', undefined, supervisor);
    expect(report.byEmployee).toEqual(expect.arrayContaining([{ staffId: operatorId, name: 'Сидоров Пётр Алексеевич', count: countOf(after) }]));
  });
});
