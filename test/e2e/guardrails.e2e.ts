import { DEMO } from './support/api';
import { call, eventually, startMessagingServer } from './support/identity';

type Appeal = { id: string; number: number; status: string; dueAt: string };
type Message = { text: string; internal: boolean; authorName: string };

/**
 * 59-ФЗ guardrails (issue 11) over HTTP, with the citizen's e-mail read from a real SMTP server:
 * terminating correspondence (ст. 11 ч. 5) needs two earlier answers on the merits to the same
 * question and a supervisor's decision; an operator proposes, the supervisor approves or returns
 * with a remark; a department may put extensions and closures without an answer under the same
 * approval; every ground of ст. 11 sends its statutory notice.
 */
describe('guardrails: 59-ФЗ ст. 11 — proposals, approvals, grounds', () => {
  let env: Awaited<ReturnType<typeof startMessagingServer>>;
  let base: string;
  const tokens: Record<'citizen' | 'citizen2' | 'operator' | 'supervisor' | 'admin', string> = {} as never;
  let tech: string;
  let techDepartment: string;

  const api = (method: string, path: string, body: unknown, token: string) => call(base, method, path, body, token);
  const ok = async (method: string, path: string, body: unknown, token: string): Promise<any> => {
    const res = await api(method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const act = (who: keyof typeof tokens, id: string, action: string, body: unknown = {}) => api('POST', `/api/v1/staff/appeals/${id}/actions/${action}`, body, tokens[who]);
  const staffCard = (id: string, who: 'operator' | 'supervisor' = 'operator') => ok('GET', `/api/v1/staff/appeals/${id}`, undefined, tokens[who]);
  const citizenCard = (id: string) => ok('GET', `/api/v1/appeals/${id}`, undefined, tokens.citizen);
  const file = async (subject: string, who: 'citizen' | 'citizen2' = 'citizen'): Promise<Appeal> =>
    ok('POST', '/api/v1/appeals', { type: 'complaint', categoryId: tech, subject, text: 'Снова не работает вход в личный кабинет.' }, tokens[who]);
  /** An appeal the operator answered: done, refused, or only asked to clarify (not on the merits). */
  const answered = async (result: 'done' | 'refused' | 'clarification_needed', who: 'citizen' | 'citizen2' = 'citizen'): Promise<Appeal> => {
    const appeal = await file(`Вход в кабинет (${result})`, who);
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, tokens.operator);
    await ok(
      'POST',
      `/api/v1/staff/appeals/${appeal.id}/answer`,
      { result, resultCode: 1, text: 'Вход восстановлен, причина — блокировка учётной записи.', ...(result === 'refused' ? { reason: 'Нарушений нет' } : {}) },
      tokens.operator,
    );
    return appeal;
  };
  /** The mails of one notice kind, by its subject (texts-ru.ts): a citizen also gets a receipt and every status change. */
  const mailsOfKind = (address: string, subject: string) => env.smtp.mails.filter((m) => m.to.includes(address) && m.subject === subject);
  const lawNoticeSubject = (appeal: Appeal) => `Уведомление по обращению № ${appeal.number} (59-ФЗ)`;
  const field = (res: { status: number; body: any }) => ({ status: res.status, field: res.body.errors?.[0]?.field, code: res.body.errors?.[0]?.code });

  let earlier: Appeal[];

  beforeAll(async () => {
    env = await startMessagingServer({ CLOCK_CONTROL: 'true' });
    base = env.base;
    const logins = { citizen: DEMO.citizen, citizen2: DEMO.citizen2, operator: DEMO.operator, supervisor: DEMO.supervisor, admin: DEMO.admin };
    for (const [who, creds] of Object.entries(logins)) tokens[who as keyof typeof tokens] = (await call(base, 'POST', '/api/v1/auth/login', creds)).body.accessToken;
    const tree = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string }[];
    tech = tree.find((c) => c.code === 'tech')!.id;
    const departments = (await ok('GET', '/api/v1/admin/departments', undefined, tokens.admin)) as { id: string; code: string }[];
    techDepartment = departments.find((d) => d.code === 'tech-support')!.id;
    earlier = [await answered('done'), await answered('refused')];
  }, 120_000);

  afterAll(async () => env?.stop());

  it('an operator cannot terminate correspondence; a proposal without two earlier answers on the merits is refused, naming the field', async () => {
    const repeated = await file('Опять про вход');
    const other = await answered('done', 'citizen2');
    const unanswered = await file('Ещё без ответа');
    const clarification = await answered('clarification_needed');

    const view = await staffCard(repeated.id);
    expect(view.allowedStaffActions).toContain('propose-termination');
    expect(view.allowedStaffActions).not.toContain('terminate-correspondence');

    // Directly, even with everything in place: the law leaves it to the head of the body.
    const direct = await act('operator', repeated.id, 'terminate-correspondence', { reason: 'Новых доводов нет', repeatsAppealIds: earlier.map((a) => a.id) });
    expect(direct.status).toBe(403);
    expect(direct.headers.get('content-type')).toContain('application/problem+json');
    expect(direct.body).toMatchObject({ code: 'approval_required', action: 'terminate-correspondence' });
    expect(direct.body.allowedActions).toContain('propose-termination');

    const propose = (body: Record<string, unknown>) => act('operator', repeated.id, 'propose-termination', { reason: 'Новых доводов нет', ...body });
    expect(field(await propose({}))).toEqual({ status: 422, field: 'repeatsAppealIds', code: 'repeats_required' });
    expect(field(await propose({ repeatsAppealIds: [earlier[0].id] }))).toEqual({ status: 422, field: 'repeatsAppealIds', code: 'repeats_required' });
    // The same appeal named twice (by id and by number) is still one answer.
    expect(field(await propose({ repeatsAppealIds: [earlier[0].id, String(earlier[0].number)] }))).toEqual({ status: 422, field: 'repeatsAppealIds', code: 'repeats_required' });
    expect(field(await propose({ repeatsAppealIds: [earlier[0].id, repeated.id] }))).toEqual({ status: 422, field: 'repeatsAppealIds', code: 'repeats_self' });
    expect(field(await propose({ repeatsAppealIds: [earlier[0].id, other.id] }))).toEqual({ status: 422, field: 'repeatsAppealIds', code: 'repeats_not_same_citizen' });
    expect(field(await propose({ repeatsAppealIds: [earlier[0].id, unanswered.id] }))).toEqual({ status: 422, field: 'repeatsAppealIds', code: 'repeats_not_answered' });
    expect(field(await propose({ repeatsAppealIds: [earlier[0].id, clarification.id] }))).toEqual({ status: 422, field: 'repeatsAppealIds', code: 'repeats_not_answered' });
    expect(field(await act('operator', repeated.id, 'propose-termination', { repeatsAppealIds: earlier.map((a) => a.id) }))).toEqual({ status: 422, field: 'reason', code: 'isNotEmpty' });
    expect(field(await propose({ repeatsAppealIds: ['не номер', earlier[0].id] }))).toMatchObject({ status: 422, field: 'repeatsAppealIds' });

    // Nothing of it happened.
    const after = await citizenCard(repeated.id);
    expect(after).toMatchObject({ status: 'registered', correspondenceTerminated: false });
    const history = (await ok('GET', `/api/v1/appeals/${repeated.id}/history`, undefined, tokens.citizen)) as { event: string }[];
    expect(history.map((h) => h.event)).toEqual(['submitted']);
  });

  it('proposed by the operator and approved by the supervisor: the correspondence is terminated and the citizen gets the statutory notice', async () => {
    const repeated = await file('Третий раз про вход');
    const proposed = await act('operator', repeated.id, 'propose-termination', {
      reason: 'Доводы те же, что в двух прежних обращениях',
      repeatsAppealIds: [String(earlier[0].number), earlier[1].id],
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body.status).toBe('awaiting_approval');

    // The operator waits; the supervisor sees the proposal and decides.
    const operatorView = await staffCard(repeated.id);
    expect(operatorView.allowedStaffActions).toEqual(['assign', 'escalate', 'reclassify']);
    expect(operatorView.pendingProposal).toMatchObject({ action: 'terminate-correspondence', reason: 'Доводы те же, что в двух прежних обращениях', proposedByName: 'Сидоров Пётр Алексеевич' });
    const note = (operatorView.messages as Message[]).find((m) => m.internal && m.text.startsWith('Предлагаю прекратить переписку'));
    expect(note?.text).toContain(`№ ${earlier[0].number}, № ${earlier[1].number}`);
    expect((await act('operator', repeated.id, 'approve-proposal')).body.code).toBe('supervisor_only');
    const refusedAnswer = await api('POST', `/api/v1/staff/appeals/${repeated.id}/answer`, { result: 'done', resultCode: 1, text: 'Ответ' }, tokens.operator);
    expect(refusedAnswer.status).toBe(409);

    // The supervisor is told by e-mail that a decision waits.
    const waiting = await eventually(() => mailsOfKind(DEMO.supervisor.login, `На согласовании: обращение № ${repeated.number}`)[0]);
    expect(waiting.text).toContain(`направил вам на согласование предложение по обращению № ${repeated.number}`);
    expect(waiting.text).toContain('Обоснование: Доводы те же, что в двух прежних обращениях.');
    expect(waiting.text).toContain('Согласуйте предложение или верните его на доработку с замечанием.');
    const supervisorView = await staffCard(repeated.id, 'supervisor');
    expect(supervisorView.allowedStaffActions).toEqual(expect.arrayContaining(['approve-proposal', 'return-proposal']));
    expect(supervisorView.allowedStaffActions).not.toContain('approve');

    // The citizen sees the appeal on approval, not the reasoning.
    let citizenView = await citizenCard(repeated.id);
    expect(citizenView.status).toBe('awaiting_approval');
    expect(citizenView.pendingProposal).toBeUndefined();
    expect((citizenView.messages as Message[]).some((m) => m.text.includes('Доводы те же'))).toBe(false);
    const onApproval = await eventually(() => mailsOfKind(DEMO.citizen.login, `Статус обращения № ${repeated.number}: На согласовании`)[0]);
    expect(onApproval.text).not.toContain('Доводы те же');

    const approved = await act('supervisor', repeated.id, 'approve-proposal', { comment: 'Согласен' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('closed');
    citizenView = await citizenCard(repeated.id);
    expect(citizenView.correspondenceTerminated).toBe(true);
    expect(citizenView.messages.at(-1).text).toContain('частью 5 статьи 11 Федерального закона от 02.05.2006 № 59-ФЗ');
    expect(citizenView.messages.at(-1).text).toContain('переписка по данному вопросу прекращена');
    const history = (await ok('GET', `/api/v1/appeals/${repeated.id}/history`, undefined, tokens.citizen)) as { event: string; actorName: string; toStatus: string }[];
    expect(history.map((h) => h.event)).toEqual(['submitted', 'proposal_made', 'correspondence_terminated']);
    expect(history.at(-1)).toMatchObject({ actorName: 'Смирнова Елена Викторовна', toStatus: 'closed' });
    expect((await staffCard(repeated.id, 'supervisor')).pendingProposal).toBeNull();

    // The mail states the statutory ground (the notice), not the approver's comment.
    const mail = await eventually(() => mailsOfKind(DEMO.citizen.login, lawNoticeSubject(repeated))[0]);
    expect(mail.text).toContain('Основание: В соответствии с частью 5 статьи 11 Федерального закона от 02.05.2006 № 59-ФЗ');
    expect(mail.text).toContain('переписка по данному вопросу прекращена');
    expect(mail.text).not.toContain('Согласен');
    // Audited with the earlier answers it rests on and who proposed it.
    const audit = await ok('GET', `/api/v1/audit?action=appeal.correspondence_terminated&entityId=${repeated.id}`, undefined, tokens.admin);
    expect(audit.items[0].details).toMatchObject({ approvedProposal: true, repeatsAppealIds: expect.arrayContaining(earlier.map((a) => a.id)) });
  });

  it('the supervisor terminates directly only with the precondition, and does not propose to themself', async () => {
    const repeated = await file('Снова тот же вопрос');
    expect((await act('supervisor', repeated.id, 'propose-termination', { reason: 'x', repeatsAppealIds: earlier.map((a) => a.id) })).body.code).toBe('operator_only');
    expect(field(await act('supervisor', repeated.id, 'terminate-correspondence', { reason: 'Новых доводов нет' }))).toEqual({ status: 422, field: 'repeatsAppealIds', code: 'repeats_required' });
    expect(field(await act('supervisor', repeated.id, 'terminate-correspondence', { repeatsAppealIds: earlier.map((a) => a.id) }))).toEqual({ status: 422, field: 'reason', code: 'isNotEmpty' });
    const done = await act('supervisor', repeated.id, 'terminate-correspondence', { reason: 'Новых доводов нет', repeatsAppealIds: earlier.map((a) => a.id) });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('closed');
    expect((await citizenCard(repeated.id)).messages.at(-1).text).toContain('переписка по данному вопросу прекращена');
  });

  it('a returned proposal carries the supervisor’s remark, and the appeal goes back to work', async () => {
    const repeated = await file('И снова вход');
    await ok('POST', `/api/v1/staff/appeals/${repeated.id}/actions/propose-termination`, { reason: 'Повтор', repeatsAppealIds: earlier.map((a) => a.id) }, tokens.operator);
    expect(field(await act('supervisor', repeated.id, 'return-proposal', {}))).toEqual({ status: 422, field: 'remark', code: 'isNotEmpty' });
    const returned = await act('supervisor', repeated.id, 'return-proposal', { remark: 'В обращении есть новый довод — ошибка 502. Ответьте по существу.' });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('in_progress');

    const view = await staffCard(repeated.id);
    expect(view.pendingProposal).toBeNull();
    expect(view.allowedStaffActions).toEqual(expect.arrayContaining(['answer', 'propose-termination']));
    const remark = (view.messages as Message[]).find((m) => m.internal && m.text.includes('возвращено на доработку'));
    expect(remark).toMatchObject({ authorName: 'Смирнова Елена Викторовна' });
    expect(remark!.text).toContain('Замечание: В обращении есть новый довод — ошибка 502. Ответьте по существу.');
    const history = (await ok('GET', `/api/v1/staff/appeals/${repeated.id}`, undefined, tokens.supervisor)).history as { event: string; toStatus: string }[];
    expect(history.map((h) => [h.event, h.toStatus])).toEqual([
      ['submitted', 'registered'],
      ['proposal_made', 'awaiting_approval'],
      ['proposal_returned', 'in_progress'],
    ]);
    // The citizen is not shown the internal remark, and nothing was terminated.
    const citizenView = await citizenCard(repeated.id);
    expect(citizenView.correspondenceTerminated).toBe(false);
    expect((citizenView.messages as Message[]).some((m) => m.text.includes('ошибка 502'))).toBe(false);
  });

  it('the citizen may still withdraw an appeal while a proposal waits: the proposal lapses with it', async () => {
    const repeated = await file('Отзову');
    await ok('POST', `/api/v1/staff/appeals/${repeated.id}/actions/propose-termination`, { reason: 'Повтор', repeatsAppealIds: earlier.map((a) => a.id) }, tokens.operator);
    const withdrawn = await api('POST', `/api/v1/appeals/${repeated.id}/actions/withdraw`, {}, tokens.citizen);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const view = await staffCard(repeated.id, 'supervisor');
    expect(view.pendingProposal).toBeNull();
    expect(view.allowedStaffActions).toEqual([]);
    expect((await act('supervisor', repeated.id, 'approve-proposal')).status).toBe(409);
  });

  it('a department setting puts extension and no-answer-required under the same approval (admin only, audited)', async () => {
    expect((await api('PATCH', `/api/v1/admin/departments/${techDepartment}`, { approvalRequiredFor: ['extend'] }, tokens.supervisor)).status).toBe(403);
    expect(field(await api('PATCH', `/api/v1/admin/departments/${techDepartment}`, { approvalRequiredFor: ['answer'] }, tokens.admin))).toMatchObject({ status: 422, field: 'approvalRequiredFor' });
    const set = await api('PATCH', `/api/v1/admin/departments/${techDepartment}`, { approvalRequiredFor: ['extend', 'no-answer-required'] }, tokens.admin);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ approvalRequiredFor: ['extend', 'no-answer-required'], autoAssign: false });
    try {
      const audit = await ok('GET', `/api/v1/audit?action=department.update&entityId=${techDepartment}&limit=1`, undefined, tokens.admin);
      expect(audit.items[0]).toMatchObject({ actorRole: 'admin', details: { approvalRequiredFor: ['extend', 'no-answer-required'], before: { approvalRequiredFor: [] } } });

      const appeal = await file('Нужно продление');
      const view = await staffCard(appeal.id);
      expect(view.allowedStaffActions).toEqual(expect.arrayContaining(['propose-extension', 'propose-no-answer', 'propose-termination']));
      expect(view.allowedStaffActions).not.toContain('extend');
      expect(view.allowedStaffActions).not.toContain('no-answer-required');
      expect((await act('operator', appeal.id, 'extend', { reason: 'Запрос в другой орган' })).body.code).toBe('approval_required');
      expect((await act('operator', appeal.id, 'no-answer-required', { grounds: 'unreadable' })).body.code).toBe('approval_required');

      // Extension: proposed, approved — the deadline moves and the citizen is told, as for a direct one.
      expect(field(await act('operator', appeal.id, 'propose-extension', {}))).toEqual({ status: 422, field: 'reason', code: 'isNotEmpty' });
      expect((await act('operator', appeal.id, 'propose-extension', { reason: 'Запрос в другой орган', days: 10 })).body.status).toBe('awaiting_approval');
      const extended = await act('supervisor', appeal.id, 'approve-proposal');
      expect(extended.body).toMatchObject({ status: 'in_progress', extended: true });
      expect(new Date(extended.body.dueAt).getTime()).toBeGreaterThan(new Date(appeal.dueAt).getTime());
      expect((await citizenCard(appeal.id)).messages.at(-1).text).toContain('Причина: Запрос в другой орган');
      const events = ((await citizenCard(appeal.id)).history as { event: string }[]).map((h) => h.event);
      expect(events).toEqual(['submitted', 'proposal_made', 'extended']);

      // No answer on the merits: proposed with its ground, approved, the ground's notice sent.
      const unreadable = await file('Неразборчиво');
      expect(field(await act('operator', unreadable.id, 'propose-no-answer', {}))).toEqual({ status: 422, field: 'grounds', code: 'isNotEmpty' });
      expect((await act('operator', unreadable.id, 'propose-no-answer', { grounds: 'unreadable' })).body.status).toBe('awaiting_approval');
      expect((await staffCard(unreadable.id, 'supervisor')).pendingProposal).toMatchObject({ action: 'no-answer-required', grounds: 'unreadable' });
      const closed = await act('supervisor', unreadable.id, 'approve-proposal');
      expect(closed.body).toMatchObject({ status: 'closed', noAnswerRequired: true });
      expect((await citizenCard(unreadable.id)).messages.at(-1).text).toContain('частью 4 статьи 11');

      // The supervisor acts directly.
      const direct = await file('Продлевает руководитель');
      expect((await act('supervisor', direct.id, 'extend', { reason: 'Нужна проверка' })).status).toBe(200);
    } finally {
      await ok('PATCH', `/api/v1/admin/departments/${techDepartment}`, { approvalRequiredFor: [] }, tokens.admin);
    }
    // Without the setting the operator extends alone again.
    const free = await file('Без согласования');
    expect((await act('operator', free.id, 'extend', { reason: 'Нужна проверка' })).status).toBe(200);
  });

  const GROUNDS: [string, string][] = [
    ['no_surname_or_address', 'частью 1 статьи 11'],
    ['court_decision', 'частью 2 статьи 11'],
    ['obscene_or_threats', 'о недопустимости злоупотребления правом'],
    ['unreadable', 'не поддаётся прочтению'],
    ['essence_unclear', 'не позволяет определить суть'],
    ['answer_published', 'https://otklik.example.ru/faq/vhod'],
    ['secret_protected_by_law', 'охраняемую федеральным законом тайну'],
  ];

  it.each(GROUNDS)('ground %s: closed without an answer on the merits, the citizen gets its notice', async (grounds, expected) => {
    const appeal = await file(`Основание ${grounds}`);
    if (grounds === 'answer_published') {
      expect(field(await act('operator', appeal.id, 'no-answer-required', { grounds }))).toEqual({ status: 422, field: 'publishedUrl', code: 'isNotEmpty' });
    }
    const closed = await act('operator', appeal.id, 'no-answer-required', { grounds, publishedUrl: grounds === 'answer_published' ? 'https://otklik.example.ru/faq/vhod' : undefined });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', noAnswerRequired: true });
    const notice = (await citizenCard(appeal.id)).messages.at(-1) as Message;
    expect(notice.internal).toBe(false);
    expect(notice.text).toContain('Федерального закона от 02.05.2006 № 59-ФЗ');
    expect(notice.text).toContain(expected);
    const mail = await eventually(() => mailsOfKind(DEMO.citizen.login, lawNoticeSubject(appeal))[0]);
    expect(mail.text).toMatch(/Основание: [^\n]*частью [\d.]+ статьи 11 Федерального закона от 02\.05\.2006 № 59-ФЗ/);
    expect(mail.text).toContain(expected);
  });

  it('an unknown ground is refused', async () => {
    const appeal = await file('Неизвестное основание');
    expect(field(await act('operator', appeal.id, 'no-answer-required', { grounds: 'boring' }))).toMatchObject({ status: 422, field: 'grounds' });
  });
});
