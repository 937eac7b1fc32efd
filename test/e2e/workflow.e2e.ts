import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactVerify } from 'jose';
import { DEMO, raw, signedIn } from './support/api';
import { appealInput, category } from './support/factories';
import { addSupervisor } from './support/cli';
import { until } from './support/sse';
import { RunningServer, startServer, stopRunning } from './support/server';

type Client = Awaited<ReturnType<typeof signedIn>>;
const DAY = 86_400_000;

/**
 * The workflow of issue 5 over HTTP on its own server, with the application clock under the
 * test's control (CLOCK_CONTROL=true): time is moved, never slept.
 */
describe('workflow: state machine, routing, assignment, answers, citizen follow-ups', () => {
  let server: RunningServer;
  let previousBase: string | undefined;
  let citizen: Client;
  let citizen2: Client;
  let operator: Client;
  let operator2: Client;
  let qcOperator: Client;
  let poolOperator: Client;
  let supervisor: Client;
  let admin: Client;
  let offset = 0;

  const moveClock = async (ms: number) => {
    offset += ms;
    const res = await raw('/api/v1/test/clock', { method: 'PUT', body: JSON.stringify({ offsetMs: offset }) });
    expect(res.status).toBe(200);
  };
  const call = (client: Client | undefined, method: string, path: string, body?: unknown) =>
    raw(path, { method, token: client?.token, body: body === undefined ? undefined : JSON.stringify(body) });
  const staffAct = (client: Client, id: string, action: string, body: unknown = {}) => call(client, 'POST', `/api/v1/staff/appeals/${id}/actions/${action}`, body);
  const citizenAct = (client: Client, id: string, action: string, body: unknown = {}) => call(client, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body);
  const card = async (client: Client, id: string) => (await call(client, 'GET', `/api/v1/appeals/${id}`)).body;
  /** The escalated_to_department notices of an appeal in the client's in-app list, once one has arrived (then a moment more: a second would show). */
  const escalationNotices = async (client: Client, appealId: string) => {
    const list = async () =>
      ((await call(client, 'GET', `/api/v1/me/notifications?appealId=${appealId}&limit=100`)).body.items as { kind: string; title: string; body: string }[]).filter(
        (n) => n.kind === 'escalated_to_department',
      );
    await until(async () => ((await list()).length > 0 ? true : undefined), 20_000);
    await new Promise((r) => setTimeout(r, 1000));
    return list();
  };
  const file = async (client: Client, overrides: Record<string, unknown> = {}) => {
    const tech = await category('tech');
    const res = await call(client, 'POST', '/api/v1/appeals', await appealInput({ type: 'complaint', categoryId: tech.id, ...overrides }));
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number; status: string; dueAt: string; departmentId: string };
  };

  beforeAll(async () => {
    server = await startServer({ CLOCK_CONTROL: 'true' });
    previousBase = process.env.OTKLIK_BASE_URL;
    process.env.OTKLIK_BASE_URL = server.baseUrl;
    [citizen, citizen2, operator, operator2, qcOperator, poolOperator, supervisor, admin] = await Promise.all([
      signedIn(DEMO.citizen),
      signedIn(DEMO.citizen2),
      signedIn(DEMO.operator),
      signedIn({ login: 'operator2@demo.otklik.local', password: 'Operator#Demo2026' }),
      signedIn({ login: 'qc-operator@demo.otklik.local', password: 'Operator#Demo2026' }),
      signedIn(DEMO.poolOperator),
      signedIn(DEMO.supervisor),
      signedIn(DEMO.admin),
    ]);
  });

  afterAll(async () => {
    process.env.OTKLIK_BASE_URL = previousBase;
    if (server) await stopRunning(server);
  });

  it('the story: registration → routing → assignment → documents (clock paused) → approval → refusal → dispute → decision appeal → rating → closure', async () => {
    const appeal = await file(citizen, { subject: 'Не работает личный кабинет' });
    expect(appeal.status).toBe('registered');
    const registeredDue = new Date(appeal.dueAt).getTime();

    // Routing: the category sends it to technical support; the operator sees what they may do.
    const first = (await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body;
    expect(first.allowedStaffActions).toEqual(expect.arrayContaining(['take', 'assign', 'redirect', 'extend']));
    expect(first.allowedStaffActions).not.toContain('answer');
    expect(first.allowedStaffActions).not.toContain('approve');

    // Take, then hand over to a colleague.
    const taken = await staffAct(operator, appeal.id, 'take');
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ status: 'in_progress' });
    const colleagues = await call(operator, 'GET', '/api/v1/staff/appeals?limit=1');
    expect(colleagues.status).toBe(200);
    const operator2Id = JSON.parse(Buffer.from(operator2.token.split('.')[1], 'base64url').toString()).sub as string;
    const assigned = await staffAct(operator, appeal.id, 'assign', { assigneeId: operator2Id, comment: 'Передаю коллеге' });
    expect(assigned.body).toMatchObject({ status: 'in_progress', assigneeId: operator2Id });
    // Staff see who holds it by name; the citizen does not.
    expect((await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body.assigneeName).toBe('Волков Андрей Николаевич');
    expect((await card(citizen, appeal.id)).assigneeName).toBeUndefined();

    // Documents requested: the clock stops; the citizen gets the list in the thread.
    const requested = await staffAct(operator2, appeal.id, 'request-documents', {
      documents: ['Скриншот ошибки', 'Номер договора'],
      dueOn: new Date(Date.now() + offset + 10 * DAY).toISOString().slice(0, 10),
    });
    expect(requested.status).toBe(200);
    expect(requested.body.status).toBe('awaiting_citizen');
    let citizenView = await card(citizen, appeal.id);
    expect(citizenView.slaPaused).toBe(true);
    expect(citizenView.messages.map((m: { text: string }) => m.text).join('\n')).toContain('Скриншот ошибки');
    // While waiting for the citizen nothing can be answered.
    const early = await call(operator2, 'POST', `/api/v1/staff/appeals/${appeal.id}/answer`, { result: 'done', resultCode: 1, text: 'Готово' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'invalid_transition', currentStatus: 'awaiting_citizen' });
    expect(early.body.allowedActions).toEqual(expect.arrayContaining(['assign', 'extend']));

    // Three days later the citizen brings the materials: the clock resumes, the deadline moved by the pause.
    await moveClock(3 * DAY);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('Номер договора: 12345\nОшибка 500 при входе в кабинет.\n'))], { type: 'text/plain' }), 'пояснение.txt');
    const uploaded = await fetch(`${server.baseUrl}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${citizen.token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const upload = (await uploaded.json()) as { id: string };
    const materials = await call(citizen, 'POST', `/api/v1/appeals/${appeal.id}/materials`, { comment: 'Прилагаю пояснение', attachmentIds: [upload.id] });
    expect(materials.status).toBe(200);
    citizenView = await card(citizen, appeal.id);
    expect(citizenView.status).toBe('in_progress');
    expect(citizenView.slaPaused).toBe(false);
    expect(new Date(citizenView.dueAt).getTime()).toBe(registeredDue + 3 * DAY);

    // Sign-off: an operator cannot approve; the supervisor can.
    expect((await staffAct(operator2, appeal.id, 'send-for-approval', { comment: 'Прошу согласовать отказ' })).body.status).toBe('awaiting_approval');
    expect((await staffAct(operator2, appeal.id, 'approve')).status).toBe(403);
    const approved = await staffAct(supervisor, appeal.id, 'approve', { comment: 'Согласовано' });
    expect(approved.body.status).toBe('in_progress');

    // Refusal needs a reason.
    const noReason = await call(operator2, 'POST', `/api/v1/staff/appeals/${appeal.id}/answer`, { result: 'refused', resultCode: 20, text: 'Отказ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', code: 'reason_required' });
    const refused = await call(operator2, 'POST', `/api/v1/staff/appeals/${appeal.id}/answer`, {
      result: 'refused',
      resultCode: 20,
      text: 'Сбой вызван настройками вашего браузера.',
      reason: 'Нарушений со стороны оператора не выявлено',
      executorPhone: '+7 495 000-00-00',
    });
    expect(refused.status).toBe(200);
    expect(refused.body.status).toBe('rejected');
    citizenView = await card(citizen, appeal.id);
    expect(citizenView.answer).toMatchObject({ result: 'refused', resultCode: 20, executor: { name: 'Волков Андрей Николаевич', position: 'Ведущий специалист', workPhone: '+7 495 000-00-00' } });
    expect(citizenView.allowedActions).toEqual(expect.arrayContaining(['dispute', 'resubmit', 'request-clarification', 'close']));
    expect(citizenView.allowedActions).not.toContain('escalate');

    // Dispute: a decision appeal linked to this one, routed to quality control.
    const disputed = await citizenAct(citizen, appeal.id, 'dispute', { text: 'Не согласен с отказом: ошибка воспроизводится в любом браузере.' });
    expect(disputed.status).toBe(200);
    const decision = disputed.body;
    expect(decision).toMatchObject({ type: 'decision_appeal', status: 'registered', parentAppealId: appeal.id });
    const qc = (await call(admin, 'GET', '/api/v1/admin/departments')).body.find((d: { code: string }) => d.code === 'quality-control');
    expect(decision.departmentId).toBe(qc.id);
    expect((await call(operator, 'GET', `/api/v1/staff/appeals/${decision.id}`)).status).toBe(404);

    expect((await staffAct(qcOperator, decision.id, 'take')).body.status).toBe('in_progress');
    const upheld = await call(qcOperator, 'POST', `/api/v1/staff/appeals/${decision.id}/answer`, {
      result: 'done',
      resultCode: 1,
      text: 'Жалоба признана обоснованной, ошибка исправлена.',
    });
    expect(upheld.body.status).toBe('resolved');

    // Rating below 3 with a comment → the supervisor's re-review list.
    const rated = await call(citizen, 'POST', `/api/v1/appeals/${decision.id}/rating`, { score: 2, comment: 'Долго' });
    expect(rated.status).toBe(200);
    expect((await call(citizen, 'POST', `/api/v1/appeals/${decision.id}/rating`, { score: 5 })).status).toBe(409);
    const rereview = await call(supervisor, 'GET', '/api/v1/staff/appeals?rereview=true&limit=100');
    expect(rereview.body.items.map((a: { id: string }) => a.id)).toContain(decision.id);

    expect((await citizenAct(citizen, decision.id, 'close')).body.status).toBe('closed');

    // The supervisor records the re-review: the answer stands; the appeal leaves the list, the citizen hears the conclusion.
    expect((await staffAct(qcOperator, decision.id, 'record-review', { outcome: 'upheld', reason: 'x' })).body).toMatchObject({ status: 403, code: 'supervisor_only' });
    const reviewed = await staffAct(supervisor, decision.id, 'record-review', { outcome: 'upheld', reason: 'Ответ дан по существу' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'closed' });
    const afterReview = await call(supervisor, 'GET', '/api/v1/staff/appeals?rereview=true&limit=100');
    expect(afterReview.body.items.map((a: { id: string }) => a.id)).not.toContain(decision.id);
    expect((await call(supervisor, 'GET', `/api/v1/staff/appeals/${decision.id}`)).body).toMatchObject({ rereview: false, reviewOutcome: 'upheld' });
    expect((await call(citizen, 'GET', `/api/v1/appeals/${decision.id}`)).body.reviewOutcome).toBeUndefined();
    expect((await staffAct(supervisor, decision.id, 'record-review', { outcome: 'upheld', reason: 'Ещё раз' })).status).toBe(409);

    // The history shows every step and who took it.
    const history = (await call(citizen, 'GET', `/api/v1/appeals/${appeal.id}/history`)).body as { event: string; actorName: string; actorPosition: string | null; toStatus: string }[];
    expect(history.map((h) => h.event)).toEqual([
      'submitted',
      'taken',
      'assigned',
      'documents_requested',
      'materials_added',
      'sent_for_approval',
      'approved',
      'answered',
      'disputed',
    ]);
    expect(history.find((h) => h.event === 'approved')).toMatchObject({ actorName: 'Смирнова Елена Викторовна', actorPosition: 'Начальник управления' });
    expect(history.find((h) => h.event === 'taken')).toMatchObject({ actorName: 'Сидоров Пётр Алексеевич', actorPosition: 'Специалист' });
    const decisionHistory = (await call(citizen, 'GET', `/api/v1/appeals/${decision.id}/history`)).body as { event: string }[];
    expect(decisionHistory.map((h) => h.event)).toEqual(['submitted', 'taken', 'answered', 'rated', 'closed', 'reviewed']);
  });

  it('an illegal transition is a 409 naming the current status and the allowed actions', async () => {
    const appeal = await file(citizen);
    const res = await staffAct(operator, appeal.id, 'approve');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'invalid_transition', currentStatus: 'registered', action: 'approve' });
    // What this operator may do: termination of correspondence is proposed to a supervisor (59-ФЗ ст. 11 ч. 5).
    expect(res.body.allowedActions).toEqual(['take', 'assign', 'redirect', 'extend', 'no-answer-required', 'propose-termination', 'escalate', 'reclassify']);
  });

  it('two operators take the same appeal at once: exactly one wins, the other gets 409', async () => {
    for (let round = 0; round < 5; round++) {
      const appeal = await file(citizen);
      const results = await Promise.all([staffAct(operator, appeal.id, 'take'), staffAct(operator2, appeal.id, 'take')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const history = (await call(citizen, 'GET', `/api/v1/appeals/${appeal.id}/history`)).body as { event: string }[];
      expect(history.filter((h) => h.event === 'taken')).toHaveLength(1);
    }
  });

  it('a stale expectedVersion is a 409 version_conflict and changes nothing', async () => {
    const appeal = await file(citizen);
    const seen = (await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body.version as number;
    expect((await staffAct(operator, appeal.id, 'take', { expectedVersion: seen })).status).toBe(200);
    const stale = await staffAct(operator, appeal.id, 'extend', { reason: 'Нужна проверка', expectedVersion: seen });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: seen + 1 });
    expect((await card(citizen, appeal.id)).extended).toBe(false);
  });

  it('extends once with a reason, moving the deadline; a second extension is refused', async () => {
    const appeal = await file(citizen);
    expect((await staffAct(operator, appeal.id, 'extend', {})).status).toBe(422);
    const extended = await staffAct(operator, appeal.id, 'extend', { reason: 'Требуется запрос в другой орган' });
    expect(extended.status).toBe(200);
    expect(extended.body.extended).toBe(true);
    expect(new Date(extended.body.dueAt).getTime()).toBe(new Date(appeal.dueAt).getTime() + 30 * DAY);
    expect((await staffAct(operator, appeal.id, 'extend', { reason: 'Ещё раз' })).status).toBe(409);
    const history = (await call(citizen, 'GET', `/api/v1/appeals/${appeal.id}/history`)).body as { event: string; comment: string }[];
    expect(history.at(-1)).toMatchObject({ event: 'extended', comment: 'Требуется запрос в другой орган' });
    // The citizen is told in the thread, with the new date (Moscow) and the reason.
    const newDue = new Date(new Date(extended.body.dueAt).getTime() + 3 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('.');
    const notice = (await card(citizen, appeal.id)).messages.at(-1);
    expect(notice.text).toBe(`Срок рассмотрения вашего обращения продлён до ${newDue}.\nПричина: Требуется запрос в другой орган`);
  });

  it('redirects within 7 days of registration, not after; the old department loses the appeal', async () => {
    const finance = (await call(admin, 'GET', '/api/v1/admin/departments')).body.find((d: { code: string }) => d.code === 'finance');
    const appeal = await file(citizen);
    expect((await staffAct(operator, appeal.id, 'redirect', { departmentId: finance.id })).status).toBe(422);
    const redirected = await staffAct(operator, appeal.id, 'redirect', { departmentId: finance.id, reason: 'Вопрос о платеже' });
    expect(redirected.body).toMatchObject({ status: 'registered', departmentId: finance.id, assigneeId: null });
    expect((await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).status).toBe(404);
    const history = (await call(citizen, 'GET', `/api/v1/appeals/${appeal.id}/history`)).body as { event: string; comment: string }[];
    expect(history.at(-1)).toMatchObject({ event: 'redirected', comment: 'Финансовый отдел: Вопрос о платеже' });
    expect((await card(citizen, appeal.id)).messages.at(-1).text).toBe('Ваше обращение передано на рассмотрение: Финансовый отдел.\nПричина: Вопрос о платеже');

    const late = await file(citizen);
    await moveClock(8 * DAY);
    const refused = await staffAct(operator, late.id, 'redirect', { departmentId: finance.id, reason: 'Поздно' });
    expect(refused.status).toBe(409);
    expect(refused.body.allowedActions).not.toContain('redirect');
  });

  it('59-ФЗ: no answer on the merits needs grounds and sends the statutory notice; correspondence can be terminated (proposed, approved)', async () => {
    const appeal = await file(citizen);
    expect((await staffAct(operator, appeal.id, 'no-answer-required', {})).status).toBe(422);
    const closed = await staffAct(operator, appeal.id, 'no-answer-required', { grounds: 'obscene_or_threats' });
    expect(closed.body).toMatchObject({ status: 'closed', noAnswerRequired: true });
    const view = await card(citizen, appeal.id);
    expect(view.messages.at(-1).text).toContain('частью 3 статьи 11 Федерального закона от 02.05.2006 № 59-ФЗ');

    // Two earlier answers on the merits to the same question; the operator proposes, the supervisor approves.
    const earlier = [];
    for (const result of ['done', 'refused'] as const) {
      const before = await file(citizen);
      await staffAct(operator, before.id, 'take');
      await call(operator, 'POST', `/api/v1/staff/appeals/${before.id}/answer`, { result, resultCode: 1, text: 'Ответ по существу', reason: 'Нет оснований' });
      earlier.push(before.id);
    }
    const repeated = await file(citizen);
    const proposed = await staffAct(operator, repeated.id, 'propose-termination', { reason: 'Новых доводов нет', repeatsAppealIds: earlier });
    expect(proposed.body.status).toBe('awaiting_approval');
    const terminated = await staffAct(supervisor, repeated.id, 'approve-proposal');
    expect(terminated.body.status).toBe('closed');
    const after = await card(citizen, repeated.id);
    expect(after.correspondenceTerminated).toBe(true);
    expect(after.messages.at(-1).text).toContain('переписка по данному вопросу прекращена');
  });

  it('escalation to management needs two unsuccessful rounds; a dispute after 30 days is refused', async () => {
    const appeal = await file(citizen, { type: 'question' });
    const answer = () => call(operator, 'POST', `/api/v1/staff/appeals/${appeal.id}/answer`, { result: 'done', resultCode: 1, text: 'Ответ' });
    await staffAct(operator, appeal.id, 'take');
    expect((await answer()).body.status).toBe('resolved');
    expect((await citizenAct(citizen, appeal.id, 'escalate')).status).toBe(409);
    expect((await citizenAct(citizen, appeal.id, 'request-clarification', { comment: 'Непонятно' })).body.status).toBe('in_progress');
    await answer();
    expect((await citizenAct(citizen, appeal.id, 'reopen', { comment: 'Проблема вернулась' })).body.status).toBe('in_progress');
    await answer();
    const escalated = await citizenAct(citizen, appeal.id, 'escalate', { comment: 'Прошу рассмотреть руководство' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.escalated).toBe(true);
    // To management: the parent of technical support, whose office now finds it among its escalations.
    const departments = (await call(operator, 'GET', '/api/v1/staff/departments')).body as { id: string; code: string }[];
    expect(escalated.body.escalatedToDepartmentId).toBe(departments.find((d) => d.code === 'administration')!.id);
    expect((await citizenAct(citizen, appeal.id, 'escalate')).status).toBe(409);
    const queue = await call(supervisor, 'GET', '/api/v1/staff/appeals?escalated=true&status=resolved&limit=100');
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(appeal.id);
    const office = await signedIn(DEMO.office);
    // Answered appeals are in the escalations list without asking for their status (until closed).
    const officeQueue = await call(office, 'GET', '/api/v1/staff/appeals?escalated=true&limit=100');
    expect(officeQueue.body.items.map((a: { id: string }) => a.id)).toContain(appeal.id);
    // The head of the department it went to (the administration's supervisor) is told once, in-app, that the citizen escalated it.
    const [notice, ...more] = await escalationNotices(supervisor, appeal.id);
    expect(more).toEqual([]);
    expect(notice.title).toBe(`Обращение № ${appeal.number} эскалировано в ваш отдел`);
    expect(notice.body).toContain('инициатор — заявитель');
    // And by e-mail, once (the staff default: in-app, e-mail, push where a device is subscribed), as the appeal's record shows.
    const told = await until(async () => {
      const rows = (await call(supervisor, 'GET', `/api/v1/appeals/${appeal.id}/notifications`)).body as { kind: string; channel: string; status: string; recipientKind: string }[];
      const mine = rows.filter((d) => d.kind === 'escalated_to_department');
      return mine.some((d) => d.channel === 'email' && ['sent', 'delivered'].includes(d.status)) ? mine : undefined;
    }, 20_000);
    expect(told.filter((d) => d.channel === 'email')).toHaveLength(1);
    expect(told.filter((d) => d.channel === 'in_app')).toHaveLength(1);
    // The office's operator oversees it but heads nothing.
    expect(((await call(office, 'GET', `/api/v1/me/notifications?appealId=${appeal.id}&limit=100`)).body.items as { kind: string }[]).map((n) => n.kind)).not.toContain('escalated_to_department');

    await moveClock(31 * DAY);
    const late = await citizenAct(citizen, appeal.id, 'dispute', { text: 'Поздно оспариваю' });
    expect(late.status).toBe(409);
    expect(late.body.allowedActions).not.toContain('dispute');
  });

  it('staff escalate an open appeal to the parent department with a reason: once, not at the top of the tree, not after the answer', async () => {
    const appeal = await file(citizen, { subject: 'Эскалация сотрудником' });
    await staffAct(operator, appeal.id, 'take');
    const departments = (await call(operator, 'GET', '/api/v1/staff/departments')).body as { id: string; code: string }[];
    const administration = departments.find((d) => d.code === 'administration')!;
    // The reason is mandatory; staff who may not work on the appeal do not learn it exists.
    const noReason = await staffAct(operator, appeal.id, 'escalate', {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'isNotEmpty' })]);
    expect((await staffAct(poolOperator, appeal.id, 'escalate', { reason: 'Чужое' })).status).toBe(404);
    expect((await staffAct(citizen, appeal.id, 'escalate', { reason: 'Не сотрудник' })).status).toBe(403);
    expect((await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body.allowedStaffActions).toContain('escalate');

    const escalated = await staffAct(operator, appeal.id, 'escalate', { reason: 'Нужна позиция руководства', expectedVersion: 2 });
    expect(escalated.status).toBe(200);
    // The status stays (the handling department keeps it); the parent oversees it from now on.
    expect(escalated.body).toMatchObject({ status: 'in_progress', escalated: true, escalatedToDepartmentId: administration.id });
    // Once: a retry (as any staff action's, guarded by the state machine) is refused and changes nothing.
    const again = await staffAct(operator, appeal.id, 'escalate', { reason: 'Ещё раз' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'invalid_transition' });
    expect(again.body.allowedActions).not.toContain('escalate');
    expect((await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body.version).toBe(escalated.body.version);

    // The citizen sees it in the history, where it went and why.
    const history = (await call(citizen, 'GET', `/api/v1/appeals/${appeal.id}/history`)).body as { event: string; comment: string | null }[];
    expect(history.filter((h) => h.event === 'escalated')).toEqual([expect.objectContaining({ comment: 'Администрация: Нужна позиция руководства' })]);
    // Audited as the citizen's and the tick's escalation are: the step, who, from where to where.
    const auditor = await signedIn(DEMO.auditor);
    const audited = (await call(auditor, 'GET', `/api/v1/audit?action=appeal.escalated&entityId=${appeal.id}&limit=5`)).body.items as { actorRole: string; details: Record<string, unknown> }[];
    expect(audited).toEqual([expect.objectContaining({ details: expect.objectContaining({ reason: 'staff', toDepartmentId: administration.id, fromDepartmentId: appeal.departmentId }) })]);
    // The parent's office finds it in its «escalated to us» view.
    const office = await signedIn(DEMO.office);
    const view = await call(office, 'GET', '/api/v1/staff/appeals?view=escalated&limit=100');
    expect(view.body.items.map((a: { id: string }) => a.id)).toContain(appeal.id);
    // Its head (the administration's supervisor) is told once: the number, the subject, who escalated, why.
    const [notice, ...more] = await escalationNotices(supervisor, appeal.id);
    expect(more).toEqual([]);
    expect(notice.title).toBe(`Обращение № ${appeal.number} эскалировано в ваш отдел`);
    expect(notice.body).toContain('«Эскалация сотрудником»');
    expect(notice.body).toContain('инициатор — сотрудник отдела «Отдел технической поддержки»');
    expect(notice.body).toContain('Нужна позиция руководства');
    // The reason alone: the head knows where it went (the history's «Администрация: …» is for the citizen).
    expect(notice.body).not.toContain('Администрация: Нужна позиция руководства');

    // The top of the tree has nobody above it: redirected to the administration, its office cannot escalate it.
    const top = await file(citizen, { subject: 'В администрацию' });
    expect((await staffAct(operator, top.id, 'redirect', { departmentId: administration.id, reason: 'Вопрос руководства' })).status).toBe(200);
    expect((await staffAct(office, top.id, 'take')).status).toBe(200);
    const refused = await staffAct(office, top.id, 'escalate', { reason: 'Выше некуда' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('no_parent_department');
    expect((await card(citizen, top.id)).escalated).toBe(false);

    // Answered: nothing to escalate (the citizen's «Эскалация» is theirs then).
    const answered = await file(citizen, { type: 'question' });
    await staffAct(operator, answered.id, 'take');
    await call(operator, 'POST', `/api/v1/staff/appeals/${answered.id}/answer`, { result: 'done', resultCode: 1, text: 'Ответ' });
    const late = await staffAct(operator, answered.id, 'escalate', { reason: 'Поздно' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invalid_transition');
  });

  it('re-filing a rejected appeal links the new one to the original number', async () => {
    const appeal = await file(citizen);
    await staffAct(operator, appeal.id, 'take');
    await call(operator, 'POST', `/api/v1/staff/appeals/${appeal.id}/answer`, { result: 'refused', resultCode: 2, text: 'Отказ', reason: 'Нет оснований' });
    const again = await citizenAct(citizen, appeal.id, 'resubmit', { text: 'Подаю повторно с новыми сведениями.' });
    expect(again.body).toMatchObject({ status: 'registered', parentAppealId: appeal.id, type: 'complaint' });
    expect(again.body.number).not.toBe(appeal.number);
    expect((await citizenAct(citizen2, appeal.id, 'resubmit')).status).toBe(404);
  });

  it('routing rules (admin): a keyword rule wins over the category; auto-assignment picks the least-loaded operator', async () => {
    const departments = (await call(admin, 'GET', '/api/v1/admin/departments')).body as { id: string; code: string }[];
    const finance = departments.find((d) => d.code === 'finance')!;
    const tech = departments.find((d) => d.code === 'tech-support')!;
    const badRule = await call(admin, 'POST', '/api/v1/admin/routing-rules', { position: 1, name: 'Без условий', departmentId: finance.id });
    expect(badRule.status).toBe(422);
    const rule = await call(admin, 'POST', '/api/v1/admin/routing-rules', { position: 1, name: 'Платежи', keywords: ['квитанц'], departmentId: finance.id });
    expect(rule.status).toBe(201);
    const routed = await file(citizen, { subject: 'Не пришла квитанция' });
    expect(routed.departmentId).toBe(finance.id);
    expect((await file(citizen, { subject: 'Другое' })).departmentId).toBe(tech.id);
    // A finance supervisor reads the rules sending appeals into their subtree (this one), not one into technical support; never changes one.
    const techRule = await call(admin, 'POST', '/api/v1/admin/routing-rules', { position: 2, name: 'Пароли', keywords: ['парол'], departmentId: tech.id });
    const financeSupervisor = await signedIn(addSupervisor(server, 'finance'));
    const read = await call(financeSupervisor, 'GET', '/api/v1/admin/routing-rules');
    expect(read.status).toBe(200);
    expect((read.body as { id: string }[]).map((r) => r.id)).toContain(rule.body.id);
    expect((read.body as { id: string }[]).map((r) => r.id)).not.toContain(techRule.body.id);
    expect((await call(financeSupervisor, 'DELETE', `/api/v1/admin/routing-rules/${rule.body.id}`)).status).toBe(403);
    // The root's supervisor reads every rule.
    expect(((await call(supervisor, 'GET', '/api/v1/admin/routing-rules')).body as { id: string }[]).map((r) => r.id)).toEqual(expect.arrayContaining([rule.body.id, techRule.body.id]));
    expect((await call(admin, 'DELETE', `/api/v1/admin/routing-rules/${techRule.body.id}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/api/v1/admin/routing-rules/${rule.body.id}`)).status).toBe(204);

    expect((await call(admin, 'PATCH', `/api/v1/admin/departments/${tech.id}`, { autoAssign: true })).status).toBe(200);
    try {
      const operatorIds = [operator, operator2].map((c) => JSON.parse(Buffer.from(c.token.split('.')[1], 'base64url').toString()).sub as string);
      const openLoad = async (id: string) => {
        const page = await call(supervisor, 'GET', `/api/v1/staff/appeals?assigneeId=${id}&limit=100`);
        return page.body.items.length as number;
      };
      for (let i = 0; i < 3; i++) {
        const [a, b] = await Promise.all(operatorIds.map(openLoad));
        const filed = (await call(citizen, 'GET', `/api/v1/appeals/${(await file(citizen)).id}`)).body;
        expect(operatorIds).toContain(filed.assigneeId);
        // The least-loaded operator of technical support gets it (either one on a tie).
        if (a !== b) expect(filed.assigneeId).toBe(a < b ? operatorIds[0] : operatorIds[1]);
      }
    } finally {
      await call(admin, 'PATCH', `/api/v1/admin/departments/${tech.id}`, { autoAssign: false });
    }
  });

  it("the assign dialog lists the appeal department's staff with their open work, least loaded first; redirect lists every department", async () => {
    const appeal = await file(citizen);
    const operatorIds = [operator, operator2].map((c) => JSON.parse(Buffer.from(c.token.split('.')[1], 'base64url').toString()).sub as string);
    // One more open appeal on operator2's desk than before: the list must reflect it.
    const before = (await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}/assignees`)).body as { id: string; openAppeals: number }[];
    expect((await staffAct(operator, appeal.id, 'assign', { assigneeId: operatorIds[1] })).status).toBe(200);
    const res = await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}/assignees`);
    expect(res.status).toBe(200);
    const options = res.body as { id: string; fullName: string; role: string; openAppeals: number }[];
    // Technical support's two operators, nobody from another department.
    expect(options.map((o) => o.id).sort()).toEqual([...operatorIds].sort());
    expect(options.every((o) => o.role === 'operator' && o.fullName.length > 0)).toBe(true);
    const load = (list: typeof before, id: string) => list.find((o) => o.id === id)!.openAppeals;
    expect(load(options, operatorIds[1])).toBe(load(before, operatorIds[1]) + 1);
    expect(options.map((o) => o.openAppeals)).toEqual([...options.map((o) => o.openAppeals)].sort((a, b) => a - b));
    // Another department's operator does not see the appeal, so not its staff either.
    expect((await call(poolOperator, 'GET', `/api/v1/staff/appeals/${appeal.id}/assignees`)).status).toBe(404);

    const departments = (await call(operator, 'GET', '/api/v1/staff/departments')).body as { code: string; parentId: string | null }[];
    expect(departments.map((d) => d.code)).toEqual(expect.arrayContaining(['tech-support', 'finance', 'quality-control', 'general-pool', 'administration']));
    expect(departments.every((d) => !('autoAssign' in d))).toBe(true);
  });

  it('bulk assign reports each appeal on its own; templates come filled in for the appeal', async () => {
    const mine = await file(citizen);
    const pool = await call(citizen, 'POST', '/api/v1/appeals', await appealInput());
    const operator2Id = JSON.parse(Buffer.from(operator2.token.split('.')[1], 'base64url').toString()).sub as string;
    const bulk = await call(operator, 'POST', '/api/v1/staff/appeals/bulk-actions', { ids: [mine.id, pool.body.id], action: 'assign', assigneeId: operator2Id });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results).toEqual([
      { id: mine.id, ok: true, status: 'in_progress' },
      { id: pool.body.id, ok: false, code: 'not_found' },
    ]);
    expect((await call(poolOperator, 'GET', `/api/v1/staff/appeals/${pool.body.id}`)).body.assigneeId).toBeNull();

    const templates = await call(operator, 'GET', `/api/v1/staff/appeals/${mine.id}/answer-templates`);
    expect(templates.status).toBe(200);
    const done = templates.body.find((t: { title: string }) => t.title === 'Проблема устранена');
    expect(done.text).toContain(`№ ${mine.number}`);
    expect(done.text).toContain('Сидоров Пётр Алексеевич, Специалист');
    expect(done.text).not.toContain('{{');
  });

  it('the answer downloads signed as JSON (detached JWS), XML and PDF; one changed byte breaks the JSON signature', async () => {
    const appeal = await file(citizen);
    expect((await call(citizen, 'GET', `/api/v1/appeals/${appeal.id}/answer`)).status).toBe(404);
    await staffAct(operator, appeal.id, 'take');
    await call(operator, 'POST', `/api/v1/staff/appeals/${appeal.id}/answer`, { result: 'done', resultCode: 1, text: 'Доступ восстановлен.' });
    const get = (format: string, who: Client = citizen) =>
      fetch(`${server.baseUrl}/api/v1/appeals/${appeal.id}/answer?format=${format}`, { headers: { authorization: `Bearer ${who.token}` } });

    const json = await get('json');
    expect(json.status).toBe(200);
    const body = Buffer.from(await json.arrayBuffer());
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ appealNumber: appeal.number, result: 'done', text: 'Доступ восстановлен.', executor: { name: 'Сидоров Пётр Алексеевич' } });
    const signature = json.headers.get('x-answer-signature')!;
    const [header, , sig] = signature.split('.');
    const key = createPublicKey(readFileSync(join(server.dataDir, 'answer-signing-key.pem')));
    await expect(compactVerify(`${header}.${body.toString('base64url')}.${sig}`, key)).resolves.toBeTruthy();
    const tampered = Buffer.from(body);
    tampered[tampered.indexOf('Доступ')] ^= 1;
    await expect(compactVerify(`${header}.${tampered.toString('base64url')}.${sig}`, key)).rejects.toThrow();
    // Downloaded again, the same answer is the same signed document.
    expect(Buffer.from(await (await get('json', operator)).arrayBuffer()).equals(body)).toBe(true);

    const xml = await get('xml', supervisor);
    expect(xml.headers.get('content-type')).toContain('application/xml');
    expect(await xml.text()).toContain('SignatureValue');
    const pdf = await get('pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    // Anyone can check a downloaded document with the public verify route; a changed byte fails it.
    const verify = async (document: Buffer, name: string) => {
      const form = new FormData();
      form.append('document', new Blob([new Uint8Array(document)]), name);
      const res = await fetch(`${server.baseUrl}/api/v1/answers/verify`, { method: 'POST', body: form });
      return (await res.json()) as { valid: boolean; appealNumber: number | null; signedAt: string | null };
    };
    const pdfBytes = Buffer.from(await (await get('pdf')).arrayBuffer());
    await expect(verify(pdfBytes, 'answer.pdf')).resolves.toMatchObject({ valid: true, appealNumber: appeal.number });
    const xmlBytes = Buffer.from(await (await get('xml')).arrayBuffer());
    await expect(verify(xmlBytes, 'answer.xml')).resolves.toMatchObject({ valid: true, appealNumber: appeal.number });
    const badPdf = Buffer.from(pdfBytes);
    badPdf[Math.floor(badPdf.length / 2)] ^= 1;
    await expect(verify(badPdf, 'answer.pdf')).resolves.toMatchObject({ valid: false });
    expect((await get('json', citizen2)).status).toBe(404);
    expect((await get('docx')).status).toBe(422);
  });
});
