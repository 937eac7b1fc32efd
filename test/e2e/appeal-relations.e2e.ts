import { DEMO, raw, signedIn } from './support/api';
import { appealInput, category } from './support/factories';
import { RunningServer, startServer, stopRunning } from './support/server';

type Client = Awaited<ReturnType<typeof signedIn>>;
type Summary = { id: string; number: number; type: string; relation?: string };

/**
 * Issue 15: the card's related appeals — linked ones (a dispute of this appeal) and the citizen's
 * others — each only where the staff member may see it, as the card itself.
 */
describe('related appeals on the card: linked and the citizen’s others, scoped to what staff may see', () => {
  let server: RunningServer;
  let previousBase: string | undefined;
  let citizen: Client;
  let citizen2: Client;
  let operator: Client;
  let qcOperator: Client;
  let supervisor: Client;

  const call = (client: Client | undefined, method: string, path: string, body?: unknown) =>
    raw(path, { method, token: client?.token, body: body === undefined ? undefined : JSON.stringify(body) });
  const related = (client: Client | undefined, id: string) => call(client, 'GET', `/api/v1/staff/appeals/${id}/related`);
  const file = async (who: Client, subject: string) => {
    const tech = await category('tech');
    const res = await call(who, 'POST', '/api/v1/appeals', await appealInput({ type: 'complaint', categoryId: tech.id, subject }));
    expect(res.status).toBe(201);
    return res.body as Summary;
  };
  const ids = (list: Summary[]) => list.map((a) => a.id);

  beforeAll(async () => {
    server = await startServer();
    previousBase = process.env.OTKLIK_BASE_URL;
    process.env.OTKLIK_BASE_URL = server.baseUrl;
    [citizen, citizen2, operator, qcOperator, supervisor] = await Promise.all([
      signedIn(DEMO.citizen),
      signedIn(DEMO.citizen2),
      signedIn(DEMO.operator),
      signedIn({ login: 'qc-operator@demo.otklik.local', password: 'Operator#Demo2026' }),
      signedIn(DEMO.supervisor),
    ]);
  });

  afterAll(async () => {
    process.env.OTKLIK_BASE_URL = previousBase;
    if (server) await stopRunning(server);
  });

  it('a disputed appeal: each staff member sees the links and the other appeals of their own scope only', async () => {
    const first = await file(citizen, 'Не работает вход');
    const second = await file(citizen, 'Не приходят уведомления');
    const stranger = await file(citizen2, 'Чужое обращение');
    expect((await call(operator, 'POST', `/api/v1/staff/appeals/${first.id}/actions/take`, {})).status).toBe(200);
    const answered = await call(operator, 'POST', `/api/v1/staff/appeals/${first.id}/answer`, { result: 'refused', resultCode: 20, text: 'Отказ', reason: 'Нет нарушений' });
    expect(answered.status).toBe(200);
    const disputed = await call(citizen, 'POST', `/api/v1/appeals/${first.id}/actions/dispute`, { text: 'Не согласен с отказом: ошибка повторяется.' });
    expect(disputed.status).toBe(200);
    const dispute = disputed.body as Summary;
    expect(dispute.type).toBe('decision_appeal');

    // Technical support: the dispute went to quality control, out of its sight; the other appeal of the citizen is there, the stranger's is not.
    const forOperator = await related(operator, first.id);
    expect(forOperator.status).toBe(200);
    expect(forOperator.body.linked).toEqual([]);
    expect(ids(forOperator.body.others)).toContain(second.id);
    expect(ids(forOperator.body.others)).not.toContain(stranger.id);
    expect(ids(forOperator.body.others)).not.toContain(dispute.id);
    expect(ids(forOperator.body.others)).not.toContain(first.id);

    // The supervisor above both departments sees the dispute as a link, and both others.
    const forSupervisor = await related(supervisor, first.id);
    expect(forSupervisor.body.linked).toEqual([expect.objectContaining({ id: dispute.id, relation: 'child', type: 'decision_appeal' })]);
    expect(ids(forSupervisor.body.others)).toEqual(expect.arrayContaining([second.id, dispute.id]));
    const fromDispute = await related(supervisor, dispute.id);
    expect(fromDispute.body.linked).toEqual([expect.objectContaining({ id: first.id, relation: 'parent' })]);

    // Quality control sees the dispute but neither the disputed appeal nor the citizen's others in technical support.
    const forQc = await related(qcOperator, dispute.id);
    expect(forQc.status).toBe(200);
    expect(forQc.body).toEqual({ linked: [], others: [] });
    // …and the disputed appeal itself is not theirs: 404, as its card.
    expect((await related(qcOperator, first.id)).status).toBe(404);
    expect((await call(qcOperator, 'GET', `/api/v1/staff/appeals/${first.id}`)).status).toBe(404);
    expect((await related(citizen, first.id)).status).toBe(403);
    expect((await related(undefined, first.id)).status).toBe(401);
    expect((await related(operator, 'не-номер')).status).toBe(404);
  });
});
