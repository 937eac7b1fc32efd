import { randomUUID } from 'node:crypto';
import { DEMO, raw, signedIn } from './support/api';
import { category, fileAppeal } from './support/factories';
import { until } from './support/sse';

type Client = Awaited<ReturnType<typeof signedIn>>;

/**
 * Likely duplicates (issue 18): a second, similar appeal of the same citizen is found by pg_trgm
 * similarity and shown to the operator; «объединить» links it to the main appeal, each keeping
 * its number, and the main appeal's answer is given to both through the transition runner.
 */
describe('duplicates: found on the card, merged, answered once for both', () => {
  let citizen: Client;
  let operator: Client;
  let poolOperator: Client;
  let knowledge: string;

  beforeAll(async () => {
    [citizen, operator, poolOperator] = await Promise.all([signedIn(DEMO.citizen), signedIn(DEMO.operator), signedIn(DEMO.poolOperator)]);
    knowledge = (await category('knowledge')).id;
  });

  const file = (subject: string, text: string) => fileAppeal(citizen, { type: 'complaint', categoryId: knowledge, subject, text });
  const post = async (path: string, body: unknown, client: Client = operator) => raw(path, { method: 'POST', token: client.token, body: JSON.stringify(body) });
  const get = async (path: string, client: Client = operator) => raw(path, { token: client.token });

  it('a second, similar appeal of the same citizen is flagged as a likely duplicate; merging it sends the one answer to both', async () => {
    const tag = randomUUID().slice(0, 6);
    const main = await file(`Поиск по базе знаний не работает ${tag}`, 'Поиск по базе знаний выдаёт пустую страницу при любом запросе, прошу исправить.');
    const repeat = await file(`Не работает поиск по базе знаний ${tag}`, 'Поиск по базе знаний выдаёт пустую страницу при любом запросе. Прошу исправить поиск.');
    const other = await file(`Опечатка в статье ${tag}`, 'В статье о порядке записи на приём указан неверный номер кабинета.');

    const found = await get(`/api/v1/staff/appeals/${repeat.id}/duplicates`);
    expect(found.status).toBe(200);
    const ids = (found.body as { id: string }[]).map((d) => d.id);
    expect(ids).toContain(main.id);
    expect(ids).not.toContain(other.id);
    const candidate = (found.body as { id: string; number: number; similarity: number; merged: boolean }[]).find((d) => d.id === main.id)!;
    expect(candidate).toMatchObject({ number: main.number, merged: false });
    expect(candidate.similarity).toBeGreaterThanOrEqual(0.4);

    // Another department's operator cannot see either, let alone merge them.
    expect((await get(`/api/v1/staff/appeals/${repeat.id}/duplicates`, poolOperator)).status).toBe(404);
    expect((await post(`/api/v1/staff/appeals/${main.id}/merge`, { duplicate: repeat.id }, poolOperator)).status).toBe(404);

    const merged = await post(`/api/v1/staff/appeals/${main.number}/merge`, { duplicate: String(repeat.number) });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: repeat.id, number: repeat.number });
    expect((await post(`/api/v1/staff/appeals/${main.id}/merge`, { duplicate: repeat.id })).body.code).toBe('merge_already_linked');
    expect((await post(`/api/v1/staff/appeals/${repeat.id}/merge`, { duplicate: other.id })).body.code).toBe('merge_main_is_linked');
    expect((await post(`/api/v1/staff/appeals/${main.id}/merge`, { duplicate: main.id })).status).toBe(409);
    const card = (await get(`/api/v1/staff/appeals/${repeat.id}`)).body;
    expect(card).toMatchObject({ number: repeat.number, mergedIntoAppealId: main.id });
    expect(card.history.map((h: { event: string }) => h.event)).toContain('merged');
    const flagged = (await get(`/api/v1/staff/appeals/${main.id}/duplicates`)).body as { id: string; merged: boolean }[];
    expect(flagged.find((d) => d.id === repeat.id)).toMatchObject({ merged: true });
    // The card's linked appeals name the link both ways: the duplicate on the main card, the main one on the duplicate's.
    const onMain = (await get(`/api/v1/staff/appeals/${main.id}/related`)).body as { linked: { id: string; relation: string }[] };
    expect(onMain.linked).toEqual([expect.objectContaining({ id: repeat.id, relation: 'merged' })]);
    const onRepeat = (await get(`/api/v1/staff/appeals/${repeat.id}/related`)).body as { linked: { id: string; relation: string }[] };
    expect(onRepeat.linked).toEqual([expect.objectContaining({ id: main.id, relation: 'main' })]);

    // The main appeal is answered once: the linked one gets the same answer and status.
    expect((await post(`/api/v1/staff/appeals/${main.id}/actions/take`, {})).status).toBe(200);
    const text = `Поиск исправлен ${tag}: индекс базы знаний перестроен.`;
    const answered = await post(`/api/v1/staff/appeals/${main.id}/answer`, { result: 'done', resultCode: 1, text });
    expect(answered.status).toBe(200);
    for (const appeal of [main, repeat]) {
      const mine = (await get(`/api/v1/appeals/${appeal.id}`, citizen)).body;
      expect({ number: mine.number, status: mine.status, answer: mine.answer?.text }).toEqual({ number: appeal.number, status: 'resolved', answer: text });
      // The citizen is told of the answer on each appeal.
      await until(async () => {
        const sent = (await get(`/api/v1/appeals/${appeal.id}/notifications`, citizen)).body as { kind: string }[];
        return sent.some((n) => n.kind === 'answer_ready') ? true : undefined;
      }, 15_000);
    }
    // The unrelated appeal is untouched.
    expect((await get(`/api/v1/appeals/${other.id}`, citizen)).body.status).toBe('registered');
    // Only appeals not yet answered are merged.
    expect((await post(`/api/v1/staff/appeals/${other.id}/merge`, { duplicate: main.id })).body.code).toBe('merge_closed_appeal');
  });

  it('refuses a body that names no appeal', async () => {
    const appeal = await file(`Проверка ${randomUUID().slice(0, 6)}`, 'Текст.');
    const res = await post(`/api/v1/staff/appeals/${appeal.id}/merge`, { duplicate: 'нет такого' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['duplicate']);
    const missing = await post(`/api/v1/staff/appeals/${appeal.id}/merge`, { duplicate: randomUUID() });
    expect(missing.status).toBe(404);
  });
});
