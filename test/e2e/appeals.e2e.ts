import { randomUUID } from 'node:crypto';
import { DEMO, raw, signedIn } from './support/api';
import { appealInput, category, fileAppeal } from './support/factories';

type Client = Awaited<ReturnType<typeof signedIn>>;

describe('appeals: the citizen story', () => {
  let citizen: Client;
  let other: Client;
  beforeAll(async () => {
    citizen = await signedIn(DEMO.citizen);
    other = await signedIn(DEMO.citizen2);
  });

  it('files a draft, submits it, finds it by a word, reads its card and history', async () => {
    const word = `энергосбыт${randomUUID().slice(0, 6).replace(/\d/g, 'х')}`;
    const body = await appealInput({ text: `Счёт от ${word} выставлен дважды, прошу проверить.`, draft: true });
    const draft = await citizen.POST('/api/v1/appeals', { body });
    expect(draft.response.status).toBe(201);
    expect(draft.data).toMatchObject({ status: 'draft', number: null, registeredAt: null, dueAt: null });

    const submitted = await citizen.POST('/api/v1/appeals/{idOrNumber}/submit', { params: { path: { idOrNumber: draft.data!.id } } });
    expect(submitted.response.status).toBe(200);
    expect(submitted.data!.status).toBe('registered');
    expect(submitted.data!.number).toEqual(expect.any(Number));
    expect(new Date(submitted.data!.dueAt!).getTime()).toBeGreaterThan(Date.now());
    // A vague category goes to the general pool.
    const pool = await (await signedIn(DEMO.poolOperator)).GET('/api/v1/me');
    expect(submitted.data!.departmentId).toBe(pool.data!.department!.id);

    const found = await citizen.GET('/api/v1/appeals', { params: { query: { q: word } } });
    expect(found.data!.items.map((a) => a.id)).toEqual([draft.data!.id]);
    expect(found.data!.items[0].rank).toBeGreaterThan(0);

    const byNumber = await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: String(submitted.data!.number) } } });
    expect(byNumber.data).toMatchObject({ id: draft.data!.id, text: body.text, status: 'registered' });
    expect(byNumber.data!.history.map((h) => [h.event, h.toStatus])).toEqual([
      ['created', 'draft'],
      ['submitted', 'registered'],
    ]);
    expect(byNumber.data!.history[1]).toMatchObject({ label: 'Принято', actorName: 'Иванов Иван Иванович', fromStatus: 'draft' });
    expect(byNumber.data!.allowedActions).toEqual(expect.arrayContaining(['edit', 'withdraw', 'close', 'mark-important']));

    const history = await citizen.GET('/api/v1/appeals/{idOrNumber}/history', { params: { path: { idOrNumber: draft.data!.id } } });
    expect(history.data).toHaveLength(2);
  });

  it('registers at once, with deadlines from the working-day calendar', async () => {
    const appeal = await fileAppeal(citizen);
    expect(appeal.status).toBe('registered');
    const registered = new Date(appeal.registeredAt!).getTime();
    expect(Math.abs(registered - Date.now())).toBeLessThan(60_000);
    // A question: 5 working days → the due date is at least 5 and at most ~14 calendar days away.
    const days = (new Date(appeal.dueAt!).getTime() - registered) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
    expect(days).toBeLessThan(15);
    const card = await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: appeal.id } } });
    expect(new Date(card.data!.firstResponseDueAt!).getTime() - registered).toBe(24 * 3600 * 1000);
  });

  it('a list row is the appeal as filed: every summary field, the same values as the filing answered and the search finds', async () => {
    const word = `ротонда${randomUUID().slice(0, 6).replace(/\d/g, 'ж')}`;
    const filed = await fileAppeal(citizen, { text: `Ротонда в парке: ${word} требует покраски.` });
    const listed = await citizen.GET('/api/v1/appeals', { params: { query: { limit: 5 } } });
    expect(listed.data!.items.find((a) => a.id === filed.id)).toEqual(filed);
    const found = await citizen.GET('/api/v1/appeals', { params: { query: { q: word } } });
    const { rank, ...row } = found.data!.items[0];
    expect(rank).toBeGreaterThan(0);
    expect(row).toEqual(filed);
  });

  it('routes by category to its department', async () => {
    const access = await category('tech-access-lost');
    const tech = await category('tech');
    const appeal = await fileAppeal(citizen, { type: 'complaint', categoryId: tech.id, subcategoryId: access.id });
    const operator = await (await signedIn(DEMO.operator)).GET('/api/v1/me');
    expect(appeal.departmentId).toBe(operator.data!.department!.id);
    // A priority subcategory gets a 2-hour first reaction.
    const card = await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: appeal.id } } });
    expect(new Date(card.data!.firstResponseDueAt!).getTime() - new Date(appeal.registeredAt!).getTime()).toBe(2 * 3600 * 1000);
  });

  it('edits a draft silently and a registered appeal with a «Перепроверено» event', async () => {
    const draft = (await citizen.POST('/api/v1/appeals', { body: await appealInput({ draft: true }) })).data!;
    await citizen.PATCH('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: draft.id } }, body: { subject: 'Исправленная тема' } });
    const draftCard = (await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: draft.id } } })).data!;
    expect(draftCard.subject).toBe('Исправленная тема');
    expect(draftCard.history).toHaveLength(1);

    const registered = await fileAppeal(citizen);
    const edit = await citizen.PATCH('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: registered.id } }, body: { text: 'Уточнённый текст обращения.' } });
    expect(edit.response.status).toBe(200);
    const card = (await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: registered.id } } })).data!;
    expect(card.text).toBe('Уточнённый текст обращения.');
    expect(card.number).toBe(registered.number);
    expect(card.history.at(-1)).toMatchObject({ event: 'rechecked', label: 'Перепроверено', fromStatus: 'registered', toStatus: 'registered' });
  });

  it('withdraws an appeal; a withdrawn one can be neither edited nor withdrawn again (409 naming the status)', async () => {
    const appeal = await fileAppeal(citizen);
    const path = { idOrNumber: appeal.id };
    const withdrawn = await citizen.POST('/api/v1/appeals/{idOrNumber}/actions/{action}', {
      params: { path: { ...path, action: 'withdraw' } },
      body: { comment: 'Вопрос решён самостоятельно' },
    });
    expect(withdrawn.data!.status).toBe('withdrawn');
    const again = await raw(`/api/v1/appeals/${appeal.id}/actions/withdraw`, { method: 'POST', token: citizen.token });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'invalid_transition', title: 'Действие недоступно в статусе «Отозвано»', currentStatus: 'withdrawn' });
    const edit = await raw(`/api/v1/appeals/${appeal.id}`, { method: 'PATCH', token: citizen.token, body: JSON.stringify({ subject: 'Новое' }) });
    expect(edit.status).toBe(409);
    const card = (await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path } })).data!;
    expect(card.history.at(-1)).toMatchObject({ event: 'withdrawn', comment: 'Вопрос решён самостоятельно' });
    expect(card.closedAt).not.toBeNull();
    expect(card.allowedActions).not.toEqual(expect.arrayContaining(['edit']));
    expect(card.allowedActions.filter((a) => ['edit', 'withdraw', 'close', 'submit'].includes(a))).toEqual([]);
  });

  it('closes an appeal and marks/unmarks important, filtering the list by those', async () => {
    const appeal = await fileAppeal(citizen);
    const act = (action: 'mark-important' | 'unmark-important' | 'close') =>
      citizen.POST('/api/v1/appeals/{idOrNumber}/actions/{action}', { params: { path: { idOrNumber: appeal.id, action } } });
    expect((await act('mark-important')).data!.important).toBe(true);
    const important = await citizen.GET('/api/v1/appeals', { params: { query: { important: true, limit: 100 } } });
    expect(important.data!.items.map((a) => a.id)).toContain(appeal.id);
    expect(important.data!.items.every((a) => a.important)).toBe(true);
    expect((await act('unmark-important')).data!.important).toBe(false);
    expect((await act('close')).data!.status).toBe('closed');
    const closed = await citizen.GET('/api/v1/appeals', { params: { query: { status: 'closed', limit: 100 } } });
    expect(closed.data!.items.map((a) => a.id)).toContain(appeal.id);
    expect(closed.data!.items.every((a) => a.status === 'closed')).toBe(true);
  });

  it('pages the list newest first with a stable cursor', async () => {
    const fresh = await signedIn(DEMO.citizen2);
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(await fileAppeal(fresh, { subject: `Страница ${i}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const { data } = await fresh.GET('/api/v1/appeals', { params: { query: { limit: 2, cursor } } });
      seen.push(...data!.items.map((a) => a.id));
      if (!data!.nextCursor) break;
      cursor = data!.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const idx = mine.map((a) => seen.indexOf(a.id));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual([...idx].reverse());
    const bad = await raw('/api/v1/appeals?cursor=not-a-cursor', { token: fresh.token });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('cursor');
  });

  it('filters by type, category and date range', async () => {
    const tech = await category('tech');
    const complaint = await fileAppeal(citizen, { type: 'complaint', categoryId: tech.id });
    const byType = await citizen.GET('/api/v1/appeals', { params: { query: { type: 'complaint', limit: 100 } } });
    expect(byType.data!.items.every((a) => a.type === 'complaint')).toBe(true);
    expect(byType.data!.items.map((a) => a.id)).toContain(complaint.id);
    const byCategory = await citizen.GET('/api/v1/appeals', { params: { query: { categoryId: tech.id, limit: 100 } } });
    expect(byCategory.data!.items.every((a) => a.categoryId === tech.id)).toBe(true);
    const future = await citizen.GET('/api/v1/appeals', { params: { query: { from: '2099-01-01' } } });
    expect(future.data!.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const upToYesterday = await citizen.GET('/api/v1/appeals', { params: { query: { to: '2000-01-01' } } });
    expect(upToYesterday.data!.items).toEqual([]);
    const range = await raw(`/api/v1/appeals?from=${today}&to=2000-01-01`, { token: citizen.token });
    expect(range.status).toBe(422);
  });

  it("never shows another citizen's appeal: 404 by id and by number, absent from lists and search", async () => {
    const word = `секретслово${randomUUID().slice(0, 4).replace(/\d/g, 'ы')}`;
    const mine = await fileAppeal(citizen, { text: `Личное: ${word}` });
    for (const id of [mine.id, String(mine.number)]) {
      const res = await raw(`/api/v1/appeals/${id}`, { token: other.token });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
      expect((await raw(`/api/v1/appeals/${id}/history`, { token: other.token })).status).toBe(404);
      expect((await raw(`/api/v1/appeals/${id}/messages`, { token: other.token })).status).toBe(404);
    }
    const missing = await raw(`/api/v1/appeals/${randomUUID()}`, { token: other.token });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ ...missing.body, code: 'not_found' });
    const search = await other.GET('/api/v1/appeals', { params: { query: { q: word } } });
    expect(search.data!.items).toEqual([]);
    const act = await raw(`/api/v1/appeals/${mine.id}/actions/withdraw`, { method: 'POST', token: other.token });
    expect(act.status).toBe(404);
    const edit = await raw(`/api/v1/appeals/${mine.id}`, { method: 'PATCH', token: other.token, body: JSON.stringify({ subject: 'x' }) });
    expect(edit.status).toBe(404);
  });

  it('keeps contact details encrypted at rest and shows them to the owner', async () => {
    const appeal = await fileAppeal(citizen, { contact: { phone: '+79031234567', email: 'ivanov@example.ru', address: 'г. Москва, ул. Тверская, д. 1' } });
    const card = (await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: appeal.id } } })).data!;
    expect(card.contact).toEqual({ phone: '+79031234567', email: 'ivanov@example.ru', address: 'г. Москва, ул. Тверская, д. 1' });
    const dbUrl = process.env.OTKLIK_DATABASE_URL;
    expect(dbUrl).toBeTruthy();
    {
      const { Client } = await import('pg');
      const db = new Client({ connectionString: dbUrl });
      await db.connect();
      const { rows } = await db.query('SELECT contact_encrypted FROM appeals WHERE id = $1', [appeal.id]);
      await db.end();
      expect(rows[0].contact_encrypted).toMatch(/^pd1\./);
      expect(rows[0].contact_encrypted).not.toContain('79031234567');
      expect(rows[0].contact_encrypted).not.toContain('Тверская');
    }
  });

  it('exports the history as CSV (with BOM, Cyrillic) and as PDF', async () => {
    const appeal = await fileAppeal(citizen, { subject: 'Экспортируемая тема' });
    const csv = await fetch(`${process.env.OTKLIK_BASE_URL}/api/v1/appeals/export?format=csv&q=${encodeURIComponent('Экспортируемая')}`, {
      headers: { Authorization: `Bearer ${citizen.token}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="appeals-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Номер,Дата регистрации,Тип,Тема,Статус');
    expect(text).toContain(`${appeal.number},`);
    expect(text).toContain('Экспортируемая тема');
    expect(text).not.toContain('Вопрос о платеже от чужого');

    const pdf = await fetch(`${process.env.OTKLIK_BASE_URL}/api/v1/appeals/export?format=pdf`, { headers: { Authorization: `Bearer ${citizen.token}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The bundled Roboto is embedded, so Cyrillic renders instead of falling back to a Latin-only font.
    expect(bytes.toString('latin1')).toMatch(/FontName \/[A-Z]{6}\+Roboto/);
    const bad = await raw('/api/v1/appeals/export?format=docx', { token: citizen.token });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('format');
  });
});

describe('appeals: numbering and idempotency', () => {
  it('concurrent submits never share a number', async () => {
    const citizen = await signedIn(DEMO.citizen);
    const bodies = await Promise.all(Array.from({ length: 20 }, () => appealInput()));
    const results = await Promise.all(bodies.map((body) => citizen.POST('/api/v1/appeals', { body })));
    const numbers = results.map((r) => r.data!.number);
    expect(results.every((r) => r.response.status === 201)).toBe(true);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.every((n) => Number.isInteger(n) && n! > 0)).toBe(true);
  });

  it('a retried POST with the same Idempotency-Key creates one appeal and returns the first response', async () => {
    const citizen = await signedIn(DEMO.citizen);
    const key = randomUUID();
    const body = await appealInput({ subject: `Идемпотентность ${key.slice(0, 8)}` });
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(() => citizen.POST('/api/v1/appeals', { body, headers: { 'Idempotency-Key': key } })),
    );
    expect([a, b, c].map((r) => r.response.status)).toEqual([201, 201, 201]);
    expect(new Set([a.data!.id, b.data!.id, c.data!.id]).size).toBe(1);
    const list = await citizen.GET('/api/v1/appeals', { params: { query: { q: body.subject, limit: 100 } } });
    expect(list.data!.items.filter((x) => x.subject === body.subject)).toHaveLength(1);

    const different = await raw('/api/v1/appeals', {
      method: 'POST',
      token: citizen.token,
      headers: { 'Idempotency-Key': key },
      body: JSON.stringify({ ...body, subject: 'Другая тема' }),
    });
    expect(different.status).toBe(422);
    expect(different.body.code).toBe('idempotency_key_reused');
    // The key is per user: another citizen may use the same key for their own request.
    const other = await signedIn(DEMO.citizen2);
    const theirs = await other.POST('/api/v1/appeals', { body, headers: { 'Idempotency-Key': key } });
    expect(theirs.data!.id).not.toBe(a.data!.id);
  });

  it('a request that fails validation does not burn the idempotency key', async () => {
    const citizen = await signedIn(DEMO.citizen);
    const key = randomUUID();
    const body = await appealInput({ categoryId: randomUUID() });
    const failed = await raw('/api/v1/appeals', { method: 'POST', token: citizen.token, headers: { 'Idempotency-Key': key }, body: JSON.stringify(body) });
    expect(failed.status).toBe(422);
    const fixed = await citizen.POST('/api/v1/appeals', { body: await appealInput(), headers: { 'Idempotency-Key': key } });
    expect(fixed.response.status).toBe(201);
  });
});
