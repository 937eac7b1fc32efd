import { randomUUID } from 'node:crypto';
import { BASE_URL, DEMO, raw, signedIn } from './support/api';
import { category, fileAppeal } from './support/factories';
import { openSse, until } from './support/sse';

type Client = Awaited<ReturnType<typeof signedIn>>;

/**
 * The operator console's queue (issue 15): named views with their counts, the columns' names,
 * search by number, sort on any column both ways with stable pages, «Все» as every status, and
 * the live `queue` events on the notification stream.
 */
describe('staff queue: views, counts, search, sort, live changes', () => {
  let citizen: Client;
  let operator: Client;
  let poolOperator: Client;
  let supervisor: Client;

  beforeAll(async () => {
    [citizen, operator, poolOperator, supervisor] = await Promise.all([
      signedIn(DEMO.citizen),
      signedIn(DEMO.operator),
      signedIn(DEMO.poolOperator),
      signedIn(DEMO.supervisor),
    ]);
  });

  const fileTech = async (subject = `Кабинет ${randomUUID().slice(0, 8)}`) => fileAppeal(citizen, { categoryId: (await category('tech')).id, subject });
  const take = async (who: Client, id: string) => {
    const res = await raw(`/api/v1/staff/appeals/${id}/actions/take`, { method: 'POST', token: who.token, body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
  };
  const list = async (who: Client, query: Record<string, unknown>) => {
    const res = await who.GET('/api/v1/staff/appeals', { params: { query: { limit: 100, ...query } as never } });
    expect(res.response.status).toBe(200);
    return res.data!;
  };
  const all = async (who: Client, query: Record<string, unknown>) => {
    const items: Awaited<ReturnType<typeof list>>['items'] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 200; pages++) {
      const page = await list(who, { ...query, cursor });
      items.push(...page.items);
      if (!page.nextCursor) return items;
      cursor = page.nextCursor;
    }
    throw new Error('too many pages');
  };
  const counts = async (who: Client) => {
    const res = await who.GET('/api/v1/staff/appeals/counts');
    expect(res.response.status).toBe(200);
    return res.data!;
  };

  it('mine and unassigned views and their counts follow a take', async () => {
    const appeal = await fileTech();
    const before = await counts(operator);
    expect((await all(operator, { view: 'unassigned' })).map((a) => a.id)).toContain(appeal.id);
    expect((await all(operator, { view: 'mine' })).map((a) => a.id)).not.toContain(appeal.id);
    await take(operator, appeal.id);
    const after = await counts(operator);
    expect(after.mine).toBe(before.mine + 1);
    expect(after.unassigned).toBe(before.unassigned - 1);
    const mine = await all(operator, { view: 'mine' });
    const row = mine.find((a) => a.id === appeal.id)!;
    expect(row).toBeDefined();
    // The columns' names: the assignee, the department, the citizen masked; the first reaction happened.
    expect(row.assigneeName).toBeTruthy();
    expect(row.department?.nameRu).toBeTruthy();
    expect(row.citizenMasked).toMatch(/^\S\*\*\*( \S\.)*$/);
    expect(row.firstResponseDueAt).toBeNull();
    expect((await all(operator, { view: 'unassigned' })).map((a) => a.id)).not.toContain(appeal.id);
    // Another department's operator sees none of it.
    expect((await all(poolOperator, { view: 'mine' })).map((a) => a.id)).not.toContain(appeal.id);
  });

  it('a new appeal waits for its first reaction: the row says by when', async () => {
    const appeal = await fileTech();
    const row = (await all(operator, { view: 'unassigned' })).find((a) => a.id === appeal.id)!;
    expect(row.firstResponseDueAt === null || Date.parse(row.firstResponseDueAt) > Date.now() - 60_000).toBe(true);
    expect(row.assigneeName).toBeNull();
  });

  it('counts agree with the views they name, for an operator and a supervisor', async () => {
    for (const who of [operator, supervisor]) {
      const c = await counts(who);
      // The supervisor's own views too: their counts read only the rows some view can hold.
      const views: (keyof typeof c)[] = ['mine', 'unassigned', 'overdue', 'dueSoon', 'escalated', 'all', ...(who === supervisor ? (['approval', 'rereview'] as const) : [])];
      for (const view of views) {
        expect({ view, n: (await all(who, { view })).length }).toEqual({ view, n: c[view] });
      }
    }
    // Operators decide no proposals and keep no re-review list.
    const c = await counts(operator);
    expect([c.approval, c.rereview]).toEqual([0, 0]);
  });

  it('searching by number finds that appeal first; subject words find it too', async () => {
    const word = `Фонарь${randomUUID().slice(0, 6).replace(/[^a-z]/g, 'x')}`;
    const appeal = await fileTech(`${word} во дворе не горит`);
    const byNumber = await list(operator, { view: 'all', anyStatus: true, q: String(appeal.number) });
    expect(byNumber.items[0]?.id).toBe(appeal.id);
    const written = await list(operator, { view: 'all', q: `№ ${appeal.number}` });
    expect(written.items[0]?.id).toBe(appeal.id);
    const bySubject = await list(operator, { view: 'all', q: word });
    expect(bySubject.items.map((a) => a.id)).toContain(appeal.id);
  });

  it('«Все» (anyStatus) includes answered and closed statuses; the default view holds open ones only', async () => {
    const open = await all(supervisor, { view: 'all' });
    expect(open.every((a) => ['registered', 'in_progress', 'awaiting_approval', 'awaiting_citizen'].includes(a.status))).toBe(true);
    const every = await all(supervisor, { view: 'all', anyStatus: true });
    expect(every.length).toBeGreaterThanOrEqual(open.length);
    expect(every.some((a) => a.status === 'draft')).toBe(false);
  });

  it.each(['number', 'type', 'category', 'subject', 'status', 'department', 'assignee', 'registeredAt', 'dueAt', 'firstResponseDueAt'])(
    'sorts by %s both ways with stable pages (no row twice, none lost)',
    async (sort) => {
      for (const dir of ['asc', 'desc']) {
        const whole = await list(supervisor, { view: 'all', anyStatus: true, sort, dir, limit: 100 });
        const paged = await all(supervisor, { view: 'all', anyStatus: true, sort, dir, limit: 7 });
        const ids = paged.map((a) => a.id);
        expect(new Set(ids).size).toBe(ids.length);
        if (!whole.nextCursor) expect(ids).toEqual(whole.items.map((a) => a.id));
      }
      if (sort === 'number') {
        const numbers = (await list(supervisor, { view: 'all', sort, dir: 'desc' })).items.map((a) => a.number!);
        expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
      }
      if (sort === 'subject') {
        const subjects = (await list(supervisor, { view: 'all', sort, dir: 'asc' })).items.map((a) => a.subject);
        expect(subjects.length).toBeGreaterThan(1);
      }
    },
  );

  it('an unknown view, sort or direction is a 422 naming the field', async () => {
    for (const [field, value] of [['view', 'everything'], ['sort', 'citizen_id'], ['dir', 'sideways']]) {
      const res = await raw(`/api/v1/staff/appeals?${field}=${value}`, { token: operator.token });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('counts are for staff only', async () => {
    expect((await raw('/api/v1/staff/appeals/counts', { token: citizen.token })).status).toBe(403);
    expect((await raw('/api/v1/staff/appeals/counts')).status).toBe(401);
  });

  it('a take reaches the notification stream of the staff who see the appeal as a queue event, and no one else', async () => {
    const appeal = await fileTech();
    const tech = await openSse(`${BASE_URL()}/api/v1/me/notifications/stream`, operator.token);
    const pool = await openSse(`${BASE_URL()}/api/v1/me/notifications/stream`, poolOperator.token);
    const own = await openSse(`${BASE_URL()}/api/v1/me/notifications/stream`, citizen.token);
    try {
      // Connected once the first `unread` arrives.
      await until(() => tech.events.find((e) => e.event === 'unread'));
      await until(() => pool.events.find((e) => e.event === 'unread'));
      await until(() => own.events.find((e) => e.event === 'unread'));
      await take(supervisor, appeal.id);
      const event = await until(() =>
        tech.events.find((e) => e.event === 'queue' && JSON.parse(e.data).appealId === appeal.id && JSON.parse(e.data).event === 'appeal.taken'),
      );
      expect(JSON.parse(event.data)).toEqual({ appealId: appeal.id, number: appeal.number, event: 'appeal.taken' });
      expect(event.id).toBeUndefined();
      await new Promise((r) => setTimeout(r, 500));
      expect(pool.events.filter((e) => e.event === 'queue' && JSON.parse(e.data).appealId === appeal.id)).toEqual([]);
      expect(own.events.filter((e) => e.event === 'queue')).toEqual([]);
    } finally {
      tech.close();
      pool.close();
      own.close();
    }
  });

  describe('saved views of the queue', () => {
    const post = (who: Client, body: unknown) =>
      raw('/api/v1/staff/queue-filters', { method: 'POST', token: who.token, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

    it('an operator saves, lists, renames and deletes their own views; names are unique per user', async () => {
      const name = `Мои просроченные ${randomUUID().slice(0, 6)}`;
      const created = await post(operator, { name, filters: { view: 'overdue', status: 'all', sort: 'number', dir: 'desc', q: '№ 15' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name, filters: { view: 'overdue', status: 'all', sort: 'number', dir: 'desc', q: '№ 15' } });
      const listed = await operator.GET('/api/v1/staff/queue-filters');
      expect(listed.data!.map((f) => f.name)).toContain(name);

      const twice = await post(operator, { name, filters: {} });
      expect(twice.status).toBe(422);
      expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'taken' })]);
      // Another user may use the same name: the views are theirs alone.
      expect((await post(poolOperator, { name, filters: { view: 'mine' } })).status).toBe(201);
      expect((await poolOperator.GET('/api/v1/staff/queue-filters')).data!.find((f) => f.name === name)!.filters).toEqual({ view: 'mine' });

      const id = created.body.id as string;
      const path = `/api/v1/staff/queue-filters/${id}`;
      const json = { 'content-type': 'application/json' };
      // Someone else's view is "not found", for a change and for a deletion.
      expect((await raw(path, { method: 'PUT', token: poolOperator.token, body: JSON.stringify({ name: 'Чужой', filters: {} }), headers: json })).status).toBe(404);
      expect((await raw(path, { method: 'DELETE', token: supervisor.token })).status).toBe(404);

      const renamed = await raw(path, { method: 'PUT', token: operator.token, body: JSON.stringify({ name: `${name} (2)`, filters: { view: 'mine' } }), headers: json });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id, name: `${name} (2)`, filters: { view: 'mine' } });
      expect((await raw(path, { method: 'DELETE', token: operator.token })).status).toBe(204);
      expect((await operator.GET('/api/v1/staff/queue-filters')).data!.map((f) => f.id)).not.toContain(id);
      expect((await raw(path, { method: 'DELETE', token: operator.token })).status).toBe(404);
    });

    it('bad filters are a 422 naming the field; citizens may not keep views', async () => {
      for (const [body, field] of [
        [{ name: 'x', filters: { view: 'everything' } }, 'filters.view'],
        [{ name: 'x', filters: { sort: 'citizen_id' } }, 'filters.sort'],
        [{ name: 'x', filters: { where: '1=1' } }, 'filters.where'],
        [{ name: '', filters: {} }, 'name'],
        [{ name: 'x'.repeat(81), filters: {} }, 'name'],
        [{ name: 'x', filters: 'view=mine' }, 'filters'],
      ] as const) {
        const res = await post(operator, body);
        expect([JSON.stringify(body).slice(0, 60), res.status]).toEqual([JSON.stringify(body).slice(0, 60), 422]);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await post(citizen, { name: 'x', filters: {} })).status).toBe(403);
    });
  });
});
