import { randomUUID } from 'node:crypto';
import { DEMO, raw, signedIn } from './support/api';
import { category } from './support/factories';

type Client = Awaited<ReturnType<typeof signedIn>>;

/**
 * Postal answers (issue 18, console part): an answer that goes by post is on the staff queue's
 * to-print list (`toPrint`) until an operator of the handling department marks it printed
 * (POST /staff/appeals/{id}/answer-printed): who and when, in the history and the audit log. A
 * citizen, an operator of another department and an answer that does not go by post are refused.
 */
describe('postal answers: the to-print list and the «printed» mark', () => {
  let operator: Client;
  let poolOperator: Client;
  let supervisor: Client;
  let citizen: Client;
  let auditor: Client;
  let knowledge: string;

  beforeAll(async () => {
    [operator, poolOperator, supervisor, citizen, auditor] = await Promise.all([
      signedIn(DEMO.operator),
      signedIn(DEMO.poolOperator),
      signedIn(DEMO.supervisor),
      signedIn(DEMO.citizen),
      signedIn(DEMO.auditor),
    ]);
    knowledge = (await category('knowledge')).id;
  });

  const call = (method: string, path: string, client: Client, body?: unknown) =>
    raw(path, { method, token: client.token, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const ok = async (method: string, path: string, client: Client, body?: unknown): Promise<any> => {
    const res = await call(method, path, client, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  /** A letter registered by the operator for an applicant without an account, answered by post (or `answerChannel`). */
  const answeredLetter = async (answerChannel = 'post') => {
    const appeal = await ok('POST', '/api/v1/staff/appeals', operator, {
      channel: 'post',
      receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
      type: 'complaint',
      categoryId: knowledge,
      subject: `Письмо ${randomUUID().slice(0, 8)}`,
      text: 'Заявитель просит исправить адрес приёмной в справочнике.',
      answerChannel,
      applicant: { fullName: 'Кузнецова Мария Ивановна', address: '101000, г. Москва, ул. Мясницкая, д. 1, кв. 2', email: `m.${randomUUID().slice(0, 8)}@example.ru` },
    });
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, operator, {});
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/answer`, operator, { result: 'done', resultCode: 1, text: 'Адрес приёмной исправлен.' });
    return appeal as { id: string; number: number };
  };
  const toPrint = async (client: Client = operator) =>
    ((await ok('GET', '/api/v1/staff/appeals?toPrint=true&limit=100', client)).items as { id: string }[]).map((a) => a.id);

  it('an answered postal appeal is on the to-print list until marked printed; the mark is in the history and the audit log', async () => {
    const appeal = await answeredLetter();
    expect(await toPrint()).toContain(appeal.id);
    const before = await ok('GET', `/api/v1/staff/appeals/${appeal.id}`, operator);
    expect(before).toMatchObject({ printAnswer: true, answerPrintedAt: null });

    const marked = await call('POST', `/api/v1/staff/appeals/${appeal.number}/answer-printed`, operator);
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: appeal.id, number: appeal.number });
    const printedAt = marked.body.answerPrintedAt as string;
    expect(Math.abs(Date.parse(printedAt) - Date.now())).toBeLessThan(60_000);

    expect(await toPrint()).not.toContain(appeal.id);
    const card = await ok('GET', `/api/v1/staff/appeals/${appeal.id}`, operator);
    expect(card.answerPrintedAt).toBe(printedAt);
    // The status stays (not a workflow step); the history says who printed it.
    expect(card.status).toBe(before.status);
    const entry = (card.history as { event: string; actorName: string | null }[]).find((h) => h.event === 'answer_printed');
    expect(entry).toBeDefined();
    expect(entry!.actorName).toBeTruthy();

    // A retry changes nothing: the same time, one history row.
    const again = await ok('POST', `/api/v1/staff/appeals/${appeal.id}/answer-printed`, operator);
    expect(again.answerPrintedAt).toBe(printedAt);
    const after = await ok('GET', `/api/v1/staff/appeals/${appeal.id}`, operator);
    expect((after.history as { event: string }[]).filter((h) => h.event === 'answer_printed')).toHaveLength(1);

    const audit = await ok('GET', `/api/v1/audit?entityType=appeal&entityId=${appeal.id}&action=appeal.answer_printed`, auditor);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'appeal.answer_printed', actorId: card.assigneeId ?? expect.any(String) });
    expect(audit.items[0].details).toMatchObject({ before: { answerPrintedAt: null }, after: { answerPrintedAt: printedAt } });
  });

  it('who may mark it: the handling department only; a citizen 403, another department refused, the supervisor above may', async () => {
    const appeal = await answeredLetter();
    const byCitizen = await call('POST', `/api/v1/staff/appeals/${appeal.id}/answer-printed`, citizen);
    expect(byCitizen.status).toBe(403);
    const byOther = await call('POST', `/api/v1/staff/appeals/${appeal.id}/answer-printed`, poolOperator);
    expect([403, 404]).toContain(byOther.status);
    expect(byOther.headers.get('content-type')).toContain('application/problem+json');
    // Nobody outside the department sees it on their list, nor did the refusals mark it.
    expect(await toPrint(poolOperator)).not.toContain(appeal.id);
    expect(await toPrint()).toContain(appeal.id);
    const bySupervisor = await call('POST', `/api/v1/staff/appeals/${appeal.id}/answer-printed`, supervisor);
    expect(bySupervisor.status).toBe(200);
    expect(await toPrint()).not.toContain(appeal.id);
  });

  it('an answer that does not go by post, or is not given yet, cannot be marked: 409', async () => {
    const byMail = await answeredLetter('email');
    expect(await toPrint()).not.toContain(byMail.id);
    const res = await call('POST', `/api/v1/staff/appeals/${byMail.id}/answer-printed`, operator);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: 409, code: 'answer_not_postal', title: expect.stringContaining(String(byMail.number)) });

    const unanswered = await ok('POST', '/api/v1/staff/appeals', operator, {
      channel: 'phone',
      receivedAt: new Date().toISOString(),
      type: 'question',
      categoryId: knowledge,
      subject: `Звонок ${randomUUID().slice(0, 8)}`,
      text: 'Вопрос о часах работы приёмной.',
      answerChannel: 'post',
      applicant: { fullName: 'Орлов Илья', address: '101000, г. Москва, ул. Мясницкая, д. 3' },
    });
    expect((await call('POST', `/api/v1/staff/appeals/${unanswered.id}/answer-printed`, operator)).status).toBe(409);
  });
});
