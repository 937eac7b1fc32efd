import { DEMO, raw, signedIn } from './support/api';
import { appealInput, category } from './support/factories';
import { pdf } from './support/files';
import { RunningServer, startServer, stopRunning } from './support/server';

type Client = Awaited<ReturnType<typeof signedIn>>;

/**
 * Issue 15: «send for approval» carries the draft answer; the supervisor returns it with a remark
 * or approves it, and then the answer goes out as the operator wrote it. Each sending is a
 * revision the card lists with its decision.
 */
describe('answer drafts: send for approval with the draft, return with a remark, approve', () => {
  let server: RunningServer;
  let previousBase: string | undefined;
  let citizen: Client;
  let operator: Client;
  let outsider: Client;
  let supervisor: Client;

  const call = (client: Client | undefined, method: string, path: string, body?: unknown) =>
    raw(path, { method, token: client?.token, body: body === undefined ? undefined : JSON.stringify(body) });
  const staffAct = (client: Client, id: string, action: string, body: unknown = {}) => call(client, 'POST', `/api/v1/staff/appeals/${id}/actions/${action}`, body);
  const drafts = (client: Client, id: string) => call(client, 'GET', `/api/v1/staff/appeals/${id}/answer-drafts`);
  const file = async () => {
    const tech = await category('tech');
    const res = await call(citizen, 'POST', '/api/v1/appeals', await appealInput({ type: 'complaint', categoryId: tech.id, subject: 'Не приходит код подтверждения' }));
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number };
  };
  const upload = async (client: Client, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf())], { type: 'application/pdf' }), name);
    const res = await fetch(`${server.baseUrl}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    server = await startServer({ CLOCK_CONTROL: 'true' });
    previousBase = process.env.OTKLIK_BASE_URL;
    process.env.OTKLIK_BASE_URL = server.baseUrl;
    [citizen, operator, outsider, supervisor] = await Promise.all([
      signedIn(DEMO.citizen),
      signedIn(DEMO.operator),
      signedIn({ login: 'qc-operator@demo.otklik.local', password: 'Operator#Demo2026' }),
      signedIn(DEMO.supervisor),
    ]);
  }, 120_000);

  afterAll(async () => {
    process.env.OTKLIK_BASE_URL = previousBase;
    if (server) await stopRunning(server);
  });

  it('returned with a remark, fixed, sent again and approved: the answer goes out as written, with its file, named by its author', async () => {
    const appeal = await file();
    expect((await staffAct(operator, appeal.id, 'take')).status).toBe(200);
    const fileId = await upload(operator, 'справка.pdf');

    const first = await staffAct(operator, appeal.id, 'send-for-approval', {
      draft: { result: 'done', resultCode: 10, text: 'Код отправлен повторно.', attachmentIds: [fileId] },
    });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('awaiting_approval');
    // The operator cannot decide on their own answer.
    expect((await staffAct(operator, appeal.id, 'return-answer', { remark: 'сам себе' })).status).toBe(403);
    expect((await staffAct(operator, appeal.id, 'approve')).status).toBe(403);
    // The supervisor sees return-answer among the allowed actions.
    expect((await call(supervisor, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body.allowedStaffActions).toEqual(expect.arrayContaining(['approve', 'return-answer']));

    // A return needs the remark.
    const noRemark = await staffAct(supervisor, appeal.id, 'return-answer', {});
    expect(noRemark.status).toBe(422);
    expect(noRemark.body.errors[0]).toMatchObject({ field: 'remark' });
    const returned = await staffAct(supervisor, appeal.id, 'return-answer', { remark: 'Укажите срок повторной отправки кода.' });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('in_progress');

    // The operator sees the remark on the revision and in the internal thread; the citizen sees neither.
    const afterReturn = await drafts(operator, appeal.id);
    expect(afterReturn.status).toBe(200);
    expect(afterReturn.body).toHaveLength(1);
    expect(afterReturn.body[0]).toMatchObject({ revision: 1, state: 'returned', remark: 'Укажите срок повторной отправки кода.', text: 'Код отправлен повторно.', attachmentIds: [fileId], authorName: 'Сидоров Пётр Алексеевич', decidedByName: 'Смирнова Елена Викторовна' });
    const staffCard = (await call(operator, 'GET', `/api/v1/staff/appeals/${appeal.id}`)).body;
    expect(JSON.stringify(staffCard.messages)).toContain('Укажите срок повторной отправки кода.');
    const citizenCard = (await call(citizen, 'GET', `/api/v1/appeals/${appeal.id}`)).body;
    expect(JSON.stringify(citizenCard)).not.toContain('Укажите срок повторной отправки кода.');
    expect(citizenCard.answer ?? null).toBeNull();

    // Fixed and sent again: a second revision waits.
    const second = await staffAct(operator, appeal.id, 'send-for-approval', {
      draft: { result: 'done', resultCode: 10, text: 'Код отправлен повторно; он придёт в течение 5 минут.', executorPhone: '+7 495 000-00-01', attachmentIds: [fileId] },
    });
    expect(second.body.status).toBe('awaiting_approval');
    expect((await drafts(supervisor, appeal.id)).body.map((d: { revision: number; state: string }) => [d.revision, d.state])).toEqual([
      [2, 'pending'],
      [1, 'returned'],
    ]);

    const approved = await staffAct(supervisor, appeal.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('resolved');
    expect((await drafts(operator, appeal.id)).body[0]).toMatchObject({ revision: 2, state: 'approved', decidedByName: 'Смирнова Елена Викторовна' });

    // The citizen has the answer as the operator wrote it, the operator named as the executor, the file with it.
    const answered = (await call(citizen, 'GET', `/api/v1/appeals/${appeal.id}`)).body;
    expect(answered.status).toBe('resolved');
    expect(answered.answer).toMatchObject({ result: 'done', resultCode: 10, text: 'Код отправлен повторно; он придёт в течение 5 минут.', executor: { name: 'Сидоров Пётр Алексеевич', workPhone: '+7 495 000-00-01' } });
    expect(answered.attachments.map((a: { id: string }) => a.id)).toContain(fileId);
    // The history says it was answered, by the supervisor who approved it.
    expect(answered.history.at(-1)).toMatchObject({ event: 'answered', toStatus: 'resolved', actorName: 'Смирнова Елена Викторовна' });
  });

  it('a draft is checked when it is sent: a refusal needs its reason, a file must be an upload of the sender', async () => {
    const appeal = await file();
    await staffAct(operator, appeal.id, 'take');
    const noReason = await staffAct(operator, appeal.id, 'send-for-approval', { draft: { result: 'refused', resultCode: 20, text: 'Отказ' } });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', code: 'reason_required' });
    const bad = await staffAct(operator, appeal.id, 'send-for-approval', { draft: { result: 'maybe', resultCode: -1, text: '' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['draft.result', 'draft.resultCode', 'draft.text']);
    // Nothing was kept of the refused sendings.
    expect((await drafts(operator, appeal.id)).body).toEqual([]);
    // Without a draft, the sign-off is what it always was: back to work, to be answered.
    expect((await staffAct(operator, appeal.id, 'send-for-approval')).body.status).toBe('awaiting_approval');
    expect((await staffAct(supervisor, appeal.id, 'approve')).body.status).toBe('in_progress');
    expect((await drafts(operator, appeal.id)).body).toEqual([]);
  });

  it("a draft's file waits with it for the supervisor past the unbound-upload TTL; a file the next revision drops is let go", async () => {
    const appeal = await file();
    await staffAct(operator, appeal.id, 'take');
    const [kept, dropped] = [await upload(operator, 'акт.pdf'), await upload(operator, 'черновик.pdf')];
    // Someone else's upload cannot ride in the draft: refused when it is sent, not at the approval.
    const foreign = await upload(outsider, 'чужой.pdf');
    const refused = await staffAct(operator, appeal.id, 'send-for-approval', { draft: { result: 'done', resultCode: 10, text: 'Готово.', attachmentIds: [foreign] } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'draft.attachmentIds', code: 'attachment_unavailable' });

    expect((await staffAct(operator, appeal.id, 'send-for-approval', { draft: { result: 'done', resultCode: 10, text: 'Готово.', attachmentIds: [kept, dropped] } })).status).toBe(200);
    expect((await staffAct(supervisor, appeal.id, 'return-answer', { remark: 'Второй файл лишний.' })).status).toBe(200);
    expect((await staffAct(operator, appeal.id, 'send-for-approval', { draft: { result: 'done', resultCode: 10, text: 'Готово.', attachmentIds: [kept] } })).status).toBe(200);

    // The supervisor gets to it two days later; the housekeeping ran meanwhile.
    expect((await call(undefined, 'PUT', '/api/v1/test/clock', { offsetMs: 49 * 3600_000 })).status).toBe(200);
    try {
      expect((await call(undefined, 'POST', '/api/v1/test/housekeeping')).status).toBe(200);
      const approved = await staffAct(supervisor, appeal.id, 'approve');
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('resolved');
    } finally {
      await call(undefined, 'PUT', '/api/v1/test/clock', { offsetMs: 0 });
    }
    const answered = (await call(citizen, 'GET', `/api/v1/appeals/${appeal.id}`)).body;
    expect(answered.attachments.map((a: { id: string }) => a.id)).toEqual([kept]);
    // The dropped file was released and removed: it can no longer be attached anywhere.
    const reuse = await staffAct(operator, (await file()).id, 'take');
    expect(reuse.status).toBe(200);
    const gone = await staffAct(operator, reuse.body.id, 'send-for-approval', { draft: { result: 'done', resultCode: 10, text: 'Готово.', attachmentIds: [dropped] } });
    expect(gone.status).toBe(422);
    expect(gone.body.errors[0]).toMatchObject({ field: 'draft.attachmentIds', code: 'attachment_unavailable' });
  });

  it('the drafts are seen by staff who may see the appeal only', async () => {
    const appeal = await file();
    await staffAct(operator, appeal.id, 'take');
    await staffAct(operator, appeal.id, 'send-for-approval', { draft: { result: 'done', resultCode: 10, text: 'Готово.' } });
    expect((await drafts(outsider, appeal.id)).status).toBe(404);
    expect((await call(citizen, 'GET', `/api/v1/staff/appeals/${appeal.id}/answer-drafts`)).status).toBe(403);
    expect((await call(undefined, 'GET', `/api/v1/staff/appeals/${appeal.id}/answer-drafts`)).status).toBe(401);
    // The outsider cannot decide on it either.
    expect([403, 404]).toContain((await staffAct(outsider, appeal.id, 'return-answer', { remark: 'нет' })).status);
  });
});
