import { randomUUID } from 'node:crypto';
import { DEMO, raw, signedIn } from './support/api';
import { appealInput, category, fileAppeal } from './support/factories';

type Client = Awaited<ReturnType<typeof signedIn>>;

describe('staff: department queue, card and thread', () => {
  let citizen: Client;
  let operator: Client;
  let poolOperator: Client;
  let supervisor: Client;
  let techAppeal: Awaited<ReturnType<typeof fileAppeal>>;
  let poolAppeal: Awaited<ReturnType<typeof fileAppeal>>;

  beforeAll(async () => {
    [citizen, operator, poolOperator, supervisor] = await Promise.all([
      signedIn(DEMO.citizen),
      signedIn(DEMO.operator),
      signedIn(DEMO.poolOperator),
      signedIn(DEMO.supervisor),
    ]);
    const cabinet = await category('tech-cabinet');
    const tech = await category('tech');
    techAppeal = await fileAppeal(citizen, {
      categoryId: tech.id,
      subcategoryId: cabinet.id,
      subject: `Не открывается кабинет ${randomUUID().slice(0, 6)}`,
      contact: { phone: '+79161112233', email: 'ivanov@example.ru' },
    });
    poolAppeal = await fileAppeal(citizen);
  });

  const queueIds = async (client: Client, query: Record<string, unknown> = {}) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const { data, response } = await client.GET('/api/v1/staff/appeals', { params: { query: { limit: 100, cursor, ...query } } });
      if (response.status !== 200) throw new Error(`queue answered ${response.status}`);
      ids.push(...data!.items.map((a) => a.id));
      if (!data!.nextCursor) return ids;
      cursor = data!.nextCursor;
    }
  };

  it("an operator sees their department's queue and nothing else", async () => {
    const tech = await queueIds(operator);
    expect(tech).toContain(techAppeal.id);
    expect(tech).not.toContain(poolAppeal.id);
    const pool = await queueIds(poolOperator);
    expect(pool).toContain(poolAppeal.id);
    expect(pool).not.toContain(techAppeal.id);
  });

  it('a supervisor sees their department and its sub-departments', async () => {
    const all = await queueIds(supervisor);
    expect(all).toEqual(expect.arrayContaining([techAppeal.id, poolAppeal.id]));
    const onlyPool = await queueIds(supervisor, { pool: true });
    expect(onlyPool).toContain(poolAppeal.id);
    expect(onlyPool).not.toContain(techAppeal.id);
  });

  it('sorts the queue by due date (soonest first) by default', async () => {
    const { data } = await operator.GET('/api/v1/staff/appeals', { params: { query: { limit: 100 } } });
    const due = data!.items.map((a) => new Date(a.dueAt!).getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(data!.items.every((a) => ['registered', 'in_progress', 'awaiting_approval', 'awaiting_citizen'].includes(a.status))).toBe(true);
  });

  it('an operator cannot ask for another department', async () => {
    const me = await poolOperator.GET('/api/v1/me');
    const res = await raw(`/api/v1/staff/appeals?departmentId=${me.data!.department!.id}`, { token: operator.token });
    expect(res.status).toBe(403);
  });

  it('staff open the card with contact details masked; other departments get 404', async () => {
    const card = await operator.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber: String(techAppeal.number) } } });
    expect(card.response.status).toBe(200);
    expect(card.data!.subject).toBe(techAppeal.subject);
    expect(card.data!.contact!.phone).toBe('+7******2233');
    expect(card.data!.contact!.email).toBe('i***@example.ru');
    expect((await raw(`/api/v1/staff/appeals/${techAppeal.id}`, { token: poolOperator.token })).status).toBe(404);
    expect((await raw(`/api/v1/appeals/${techAppeal.id}`, { token: poolOperator.token })).status).toBe(404);
  });

  it('citizens and admins have no staff queue', async () => {
    expect((await raw('/api/v1/staff/appeals', { token: citizen.token })).status).toBe(403);
    expect((await raw('/api/v1/staff/appeals', { token: (await signedIn(DEMO.admin)).token })).status).toBe(403);
  });

  it("citizens' drafts never reach the queue", async () => {
    const draft = (await citizen.POST('/api/v1/appeals', { body: await appealInput({ draft: true }) })).data!;
    expect(await queueIds(supervisor)).not.toContain(draft.id);
    expect((await raw(`/api/v1/staff/appeals/${draft.id}`, { token: supervisor.token })).status).toBe(404);
  });

  it('citizen and staff exchange messages; internal notes stay with staff', async () => {
    const path = { idOrNumber: techAppeal.id };
    const fromCitizen = await citizen.POST('/api/v1/appeals/{idOrNumber}/messages', { params: { path }, body: { text: 'Добавляю подробности.' } });
    expect(fromCitizen.response.status).toBe(201);
    await operator.POST('/api/v1/appeals/{idOrNumber}/messages', { params: { path }, body: { text: 'Спасибо, разбираемся.' } });
    const note = await operator.POST('/api/v1/appeals/{idOrNumber}/messages', { params: { path }, body: { text: 'Проверить логи входа.', internal: true } });
    expect(note.data!.internal).toBe(true);

    const citizenView = (await citizen.GET('/api/v1/appeals/{idOrNumber}/messages', { params: { path } })).data!;
    expect(citizenView.map((m) => m.text)).toEqual(['Добавляю подробности.', 'Спасибо, разбираемся.']);
    const staffView = (await operator.GET('/api/v1/appeals/{idOrNumber}/messages', { params: { path } })).data!;
    expect(staffView.map((m) => m.text)).toEqual(['Добавляю подробности.', 'Спасибо, разбираемся.', 'Проверить логи входа.']);
    expect(staffView[1]).toMatchObject({ authorRole: 'operator', authorName: 'Сидоров Пётр Алексеевич' });
    const card = (await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path } })).data!;
    expect(card.messages.map((m) => m.text)).not.toContain('Проверить логи входа.');

    const sneaky = await raw(`/api/v1/appeals/${techAppeal.id}/messages`, { method: 'POST', token: citizen.token, body: JSON.stringify({ text: 'x', internal: true }) });
    expect(sneaky.status).toBe(422);
    expect(sneaky.body.errors[0].field).toBe('internal');
    const foreign = await raw(`/api/v1/appeals/${techAppeal.id}/messages`, { method: 'POST', token: poolOperator.token, body: JSON.stringify({ text: 'x' }) });
    expect(foreign.status).toBe(404);
  });
});
