import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { convertToParamMap, type ActivatedRouteSnapshot, type RouterStateSnapshot } from '@angular/router';
import { APPEAL_STATUS_LABELS, APPEAL_TYPE_LABELS } from '@otklik/shared/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_DEBOUNCE_MS } from '../../core/queue/queue-views';
import { aQueueRow as anAppealSummary, aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, problem, type FakeApi } from '../../../testing/fake-api';
import { LocalizedPaginatorIntl } from '../../core/i18n/paginator-intl';
import { RU } from '../../core/i18n/messages.ru';
import { QueuePage } from './queue.page';
import { AuthService } from '../../core/auth/auth.service';
import { QueueStore, startQueueLoad } from './queue.store';
import { QueuePrefetch } from '../../core/queue/queue-prefetch';
import { DEFAULT_FILTERS, listQuery, listQueryKey } from '../../core/queue/queue-query';

const LIST = '/api/v1/staff/appeals';

describe('QueuePage (the operator queue table)', () => {
  let api: FakeApi;
  let streams: ReturnType<FakeApi['eventStream']>;

  beforeEach(async () => {
    api = setUpConsole([QueueStore, { provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl }]);
    // The live parts: the notification stream (queue changes come over it) and the views' counts.
    streams = api.eventStream('/api/v1/me/notifications/stream');
    api.on('GET', '/api/v1/me/notifications', { body: { items: [], nextCursor: null, unread: 0 } });
    api.on('GET', '/api/v1/staff/appeals/counts', { body: { mine: 1, unassigned: 2, approval: 0, overdue: 0, dueSoon: 0, escalated: 0, rereview: 0, all: 3 } });
    api.on('GET', '/api/v1/staff/queue-filters', { body: [] });
    await signIn(api, aUser());
  });

  afterEach(() => api.verify());

  let overlays: HarnessLoader;

  async function open(): Promise<HarnessLoader> {
    const fixture = TestBed.createComponent(QueuePage);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    overlays = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    return loader;
  }

  /** Ticks the row of appeal № `number` through the checkbox in its «select» cell. */
  async function tick(table: MatTableHarness, number: number): Promise<void> {
    for (const row of await table.getRows()) {
      const [numberCell] = await row.getCells({ columnName: 'number' });
      if ((await numberCell.getText()) !== String(number)) continue;
      const [selectCell] = await row.getCells({ columnName: 'select' });
      await (await selectCell.getHarness(MatCheckboxHarness)).check();
      return;
    }
    throw new Error(`no row for appeal № ${number}`);
  }

  it('renders a row per appeal the API returned, with localized type, status and priority', async () => {
    const pothole = anAppealSummary({ number: 1042, subject: 'Яма у дома 5', type: 'complaint', status: 'in_progress', priority: 'high' });
    const bench = anAppealSummary({ number: 1043, subject: 'Поставить скамейку', type: 'suggestion', status: 'registered', priority: 'low' });
    api.on('GET', LIST, { body: { items: [pothole, bench], nextCursor: null } });

    const table = await (await open()).getHarness(MatTableHarness);

    const rows = await table.getCellTextByColumnName();
    expect(rows['number'].text).toEqual(['1042', '1043']);
    expect(rows['subject'].text).toEqual(['Яма у дома 5', 'Поставить скамейку']);
    expect(rows['type'].text).toEqual([APPEAL_TYPE_LABELS.complaint.ru, APPEAL_TYPE_LABELS.suggestion.ru]);
    expect(rows['status'].text).toEqual([APPEAL_STATUS_LABELS.in_progress.ru, APPEAL_STATUS_LABELS.registered.ru]);
    expect(rows['priority'].text).toEqual([RU['priority.high'], RU['priority.low']]);
    // The first page, nearest deadline first, with the default page size.
    const [request] = api.sent('GET', LIST);
    expect(Object.fromEntries(request.query)).toEqual({ view: 'all', sort: 'dueAt', limit: '20' });
  });

  it('the route guard asks for the rows before the page exists; the page takes that answer instead of asking again', async () => {
    const first = anAppealSummary({ number: 2001, subject: 'Первое' });
    api.on('GET', LIST, { body: { items: [first], nextCursor: null } });
    // /queue?limit=50&sort=number (the page under test has no URL of its own: the view stays the default).
    const url = { queryParamMap: convertToParamMap({ limit: '50', sort: 'number' }) } as unknown as ActivatedRouteSnapshot;
    expect(TestBed.runInInjectionContext(() => startQueueLoad(url, {} as RouterStateSnapshot))).toBe(true);

    const table = await (await open()).getHarness(MatTableHarness);

    expect((await table.getCellTextByColumnName())['subject'].text).toEqual(['Первое']);
    const sent = api.sent('GET', LIST);
    expect(sent).toHaveLength(1);
    expect(Object.fromEntries(sent[0].query)).toEqual({ view: 'all', sort: 'number', limit: '50' });
  });

  it('takes the guard\'s rows when they were answered before the page was created: no second request', async () => {
    api.on('GET', LIST, { body: { items: [anAppealSummary({ subject: 'Быстрый ответ' })], nextCursor: null } });
    // What startQueueLoad does, awaited: the answer is in before the page's constructor runs.
    await TestBed.inject(QueueStore).open(TestBed.inject(AuthService).user()!.id, convertToParamMap({}), { ahead: true });

    const table = await (await open()).getHarness(MatTableHarness);

    expect((await table.getCellTextByColumnName())['subject'].text).toEqual(['Быстрый ответ']);
    expect(api.sent('GET', LIST)).toHaveLength(1);
  });

  it('takes the rows the start-up asked for with this URL beside GET /me: one request, not two', async () => {
    const early = anAppealSummary({ number: 2101, subject: 'Спрошено при запуске' });
    api.on('GET', LIST, { body: { items: [early], nextCursor: null } });
    // core/boot.ts on /queue (the page under test has no query of its own: the defaults).
    TestBed.inject(QueuePrefetch).start('');

    const table = await (await open()).getHarness(MatTableHarness);

    expect((await table.getCellTextByColumnName())['subject'].text).toEqual(['Спрошено при запуске']);
    const sent = api.sent('GET', LIST);
    expect(sent).toHaveLength(1);
    expect(Object.fromEntries(sent[0].query)).toEqual({ view: 'all', sort: 'dueAt', limit: '20' });
  });

  it('the start-up asks for the rows the URL names, as the page does (view, filters, sort, page size)', async () => {
    api.on('GET', LIST, { body: { items: [], nextCursor: null } });
    TestBed.inject(QueuePrefetch).start('?view=mine&status=registered&sort=registeredAt&dir=asc&limit=50&q=%20яма%20&bogus=1');
    const early = TestBed.inject(QueuePrefetch).take(
      listQueryKey(listQuery({ ...DEFAULT_FILTERS, view: 'mine', status: 'registered', sort: 'registeredAt', dir: 'asc', limit: 50, q: ' яма ' }, null)),
    );
    expect(early).not.toBeNull();
    await early;
    expect(Object.fromEntries(api.sent('GET', LIST)[0].query)).toEqual({ view: 'mine', status: 'registered', sort: 'registeredAt', dir: 'asc', limit: '50', q: 'яма' });
  });

  it('does not take an early answer for other rows: it asks for its own', async () => {
    api.on('GET', LIST, (request) => ({
      body: { items: [anAppealSummary({ subject: request.query.get('view') === 'mine' ? 'Мои' : 'Все' })], nextCursor: null },
    }));
    TestBed.inject(QueuePrefetch).start('?view=mine');

    const table = await (await open()).getHarness(MatTableHarness);

    expect((await table.getCellTextByColumnName())['subject'].text).toEqual(['Все']);
    expect(api.sent('GET', LIST).map((r) => r.query.get('view'))).toEqual(['mine', 'all']);
  });

  it('asks again through the ordinary client when the early request failed (nothing shown on its account)', async () => {
    let calls = 0;
    api.on('GET', LIST, () =>
      ++calls === 1 ? { status: 503, body: problem(503, 'Недоступно', 'Позже') } : { body: { items: [anAppealSummary({ subject: 'Со второго раза' })], nextCursor: null } },
    );
    TestBed.inject(QueuePrefetch).start('');

    const table = await (await open()).getHarness(MatTableHarness);

    expect((await table.getCellTextByColumnName())['subject'].text).toEqual(['Со второго раза']);
    expect(api.sent('GET', LIST)).toHaveLength(2);
    expect(await overlays.getAllHarnesses(MatSnackBarHarness)).toHaveLength(0);
  });

  it('offers the early answer once: the next load asks the API', async () => {
    api.on('GET', LIST, { body: { items: [anAppealSummary()], nextCursor: null } });
    TestBed.inject(QueuePrefetch).start('');
    const store = TestBed.inject(QueueStore);
    await store.open(null, convertToParamMap({}));
    await store.load();
    expect(api.sent('GET', LIST)).toHaveLength(2);
  });

  it('asks again when the page reloads after the first answer (only a request still on its way is joined)', async () => {
    api.on('GET', LIST, { body: { items: [anAppealSummary()], nextCursor: null } });
    const store = TestBed.inject(QueueStore);
    await store.open(null, convertToParamMap({}));
    await open();
    expect(api.sent('GET', LIST)).toHaveLength(2);
  });

  it('says the queue is empty when no appeal matches', async () => {
    api.on('GET', LIST, { body: { items: [], nextCursor: null } });

    const table = await (await open()).getHarness(MatTableHarness);

    expect(await table.getRows()).toHaveLength(0);
    expect(await (await table.host()).text()).toContain(RU['queue.empty']);
  });

  it('says loading failed and loads again on «retry»', async () => {
    api.on('GET', LIST, { status: 500, body: problem(500, 'Внутренняя ошибка', 'Попробуйте позже') });
    const loader = await open();
    const table = await loader.getHarness(MatTableHarness);
    expect(await (await table.host()).text()).toContain(RU['queue.loadFailed']);
    // The problem middleware tells it in a snackbar too (loaded on first use, hence the wait).
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe('Внутренняя ошибка: Попробуйте позже');

    api.on('GET', LIST, { body: { items: [anAppealSummary({ subject: 'Снова на месте' })], nextCursor: null } });
    await (await loader.getHarness(MatButtonHarness.with({ text: RU['common.retry'] }))).click();

    expect((await table.getCellTextByColumnName())['subject'].text).toEqual(['Снова на месте']);
    expect(api.sent('GET', LIST)).toHaveLength(2);
  });

  it('asks the API again with the status chosen in the filter', async () => {
    api.on('GET', LIST, { body: { items: [anAppealSummary()], nextCursor: null } });
    const loader = await open();

    const status = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-status"]' }));
    await status.open();
    await status.clickOptions({ text: APPEAL_STATUS_LABELS.awaiting_approval.ru });

    const last = api.sent('GET', LIST).at(-1);
    expect(last?.query.get('status')).toBe('awaiting_approval');
  });

  it('sorts on the server: the «registered» header asks for newest registrations', async () => {
    api.on('GET', LIST, { body: { items: [anAppealSummary()], nextCursor: null } });
    const loader = await open();

    const sort = await loader.getHarness(MatSortHarness);
    const [registered] = await sort.getSortHeaders({ label: RU['queue.col.registered'] });
    await registered.click();

    expect(api.sent('GET', LIST).at(-1)?.query.get('sort')).toBe('registeredAt');
    expect(await registered.getSortDirection()).toBe('desc');
  });

  it('pages with the cursor the API handed out', async () => {
    // A full first page with a cursor to the next one, as the API pages.
    const firstPage = Array.from({ length: 20 }, () => anAppealSummary());
    api.on('GET', LIST, ({ query }) =>
      query.get('cursor') === 'page-2'
        ? { body: { items: [anAppealSummary({ subject: 'Со второй страницы' })], nextCursor: null } }
        : { body: { items: firstPage, nextCursor: 'page-2' } },
    );
    const loader = await open();
    const paginator = await loader.getHarness(MatPaginatorHarness);

    await paginator.goToNextPage();

    const table = await loader.getHarness(MatTableHarness);
    expect((await table.getCellTextByColumnName())['subject'].text).toEqual(['Со второй страницы']);
    expect(api.sent('GET', LIST).at(-1)?.query.get('cursor')).toBe('page-2');
  });

  it('shows the department, the assignee by name, the citizen masked and whether the first reaction is still due', async () => {
    const taken = anAppealSummary({ number: 3001, assigneeName: 'Сидоров Пётр Алексеевич', citizenMasked: 'И*** И. И.' });
    const fresh = anAppealSummary({ number: 3002, citizenMasked: null, firstResponseDueAt: new Date(Date.now() + 3 * 3_600_000).toISOString() });
    api.on('GET', LIST, { body: { items: [taken, fresh], nextCursor: null } });

    const rows = await (await (await open()).getHarness(MatTableHarness)).getCellTextByColumnName();

    expect(rows['department'].text).toEqual(['Дорожное хозяйство', 'Дорожное хозяйство']);
    expect(rows['assignee'].text).toEqual(['Сидоров Пётр Алексеевич', RU['queue.unassigned']]);
    expect(rows['citizen'].text).toEqual(['И*** И. И.', RU['queue.unidentified']]);
    expect(rows['firstResponseDueAt'].text[0]).toBe(RU['common.none']);
    expect(rows['firstResponseDueAt'].text[1]).toMatch(/^2 ч (59|58) мин/);
  });

  it('«Все» asks for every status; the default asks for the open ones', async () => {
    api.on('GET', LIST, { body: { items: [anAppealSummary()], nextCursor: null } });
    const loader = await open();
    expect(api.sent('GET', LIST)[0].query.get('anyStatus')).toBeNull();

    const status = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-status"]' }));
    await status.open();
    await status.clickOptions({ text: RU['common.all'] });

    const last = api.sent('GET', LIST).at(-1);
    expect(last?.query.get('anyStatus')).toBe('true');
    expect(last?.query.get('status')).toBeNull();
  });

  it('sorts on the server by any column, and a second click turns the order round', async () => {
    api.on('GET', LIST, { body: { items: [anAppealSummary()], nextCursor: null } });
    const loader = await open();

    const sort = await loader.getHarness(MatSortHarness);
    const [assignee] = await sort.getSortHeaders({ label: RU['queue.col.assignee'] });
    await assignee.click();
    expect(api.sent('GET', LIST).at(-1)?.query.get('sort')).toBe('assignee');
    expect(api.sent('GET', LIST).at(-1)?.query.get('dir')).toBeNull();
    expect(await assignee.getSortDirection()).toBe('asc');

    await assignee.click();
    expect(api.sent('GET', LIST).at(-1)?.query.get('dir')).toBe('desc');
    expect(await assignee.getSortDirection()).toBe('desc');
  });

  it('marks escalated rows and shows the paused clock with the documents\' due date', async () => {
    const escalated = anAppealSummary({ number: 4001, escalated: true });
    const paused = anAppealSummary({ number: 4002, status: 'awaiting_citizen', slaPausedAt: '2026-12-01T10:00:00.000Z', documentsDueOn: '2026-12-20' });
    api.on('GET', LIST, { body: { items: [escalated, paused], nextCursor: null } });

    const rows = await (await (await open()).getHarness(MatTableHarness)).getCellTextByColumnName();

    expect(rows['subject'].text[0]).toContain(RU['queue.escalatedBadge']);
    expect(rows['subject'].text[1]).not.toContain(RU['queue.escalatedBadge']);
    expect(rows['dueAt'].text[1]).toContain(RU['timeLeft.paused']);
    expect(rows['dueAt'].text[1]).toContain('20.12.2026');
  });

  it('reloads the page on screen when the stream says an appeal of the queue changed', async () => {
    const before = anAppealSummary({ number: 5001, assigneeName: null });
    api.on('GET', LIST, { body: { items: [before], nextCursor: null } });
    const table = await (await open()).getHarness(MatTableHarness);
    await eventually(() => expect(streams.connections).toHaveLength(1));
    expect((await table.getCellTextByColumnName())['assignee'].text).toEqual([RU['queue.unassigned']]);

    api.on('GET', LIST, { body: { items: [{ ...before, assigneeName: 'Коллега Второй', status: 'in_progress' }], nextCursor: null } });
    streams.connections[0].stream.event('queue', { appealId: before.id, number: 5001, event: 'appeal.taken' });

    await eventually(async () => expect((await table.getCellTextByColumnName())['assignee'].text).toEqual(['Коллега Второй']));
  });

  it('shows a colleague on an appeal\'s card on its row, viewing or replying, never the user; presence reloads nothing', async () => {
    const row = anAppealSummary({ number: 5002 });
    api.on('GET', LIST, { body: { items: [row], nextCursor: null } });
    await (await open()).getHarness(MatTableHarness);
    await eventually(() => expect(streams.connections).toHaveLength(1));
    const loads = api.sent('GET', LIST).length;
    const markers = () => [...document.querySelectorAll('tr.queue-row [data-testid="presence-marker"]')].map((m) => [m.getAttribute('aria-label'), m.textContent?.trim()]);
    const colleague = { userId: 'u0000000-0000-4000-8000-000000000002', name: 'Волков Андрей Николаевич', activity: 'viewing' };
    const me = { userId: aUser().id, name: aUser().fullName, activity: 'replying' };

    streams.connections[0].stream.event('presence', { appealId: row.id, present: [colleague, me] });
    await eventually(() => expect(markers()).toEqual([[RU['presence.viewing'].replace('{name}', 'Волков А. Н.'), 'ВА']]));
    streams.connections[0].stream.event('presence', { appealId: row.id, present: [{ ...colleague, activity: 'replying' }] });
    await eventually(() => expect(markers()).toEqual([[RU['presence.replying'].replace('{name}', 'Волков А. Н.'), 'ВА']]));
    streams.connections[0].stream.event('presence', { appealId: row.id, present: [] });
    await eventually(() => expect(markers()).toEqual([]));
    // Past the live debounce: a queue change would have reloaded the page by now.
    await new Promise((resolve) => setTimeout(resolve, LIVE_DEBOUNCE_MS * 2));
    expect(api.sent('GET', LIST)).toHaveLength(loads);
  });

  it('applies a saved view: its view, status and sort go to the API', async () => {
    api.on('GET', '/api/v1/staff/queue-filters', {
      body: [{ id: 'f0000000-0000-4000-8000-000000000001', name: 'Мои просроченные', filters: { view: 'overdue', status: 'all', sort: 'number', dir: 'desc' }, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' }],
    });
    api.on('GET', LIST, { body: { items: [anAppealSummary()], nextCursor: null } });
    const loader = await open();

    const saved = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="saved-views"]' }));
    await saved.open();
    await saved.clickOptions({ text: 'Мои просроченные' });

    const last = api.sent('GET', LIST).at(-1)!;
    expect([last.query.get('view'), last.query.get('anyStatus'), last.query.get('sort'), last.query.get('dir')]).toEqual(['overdue', 'true', 'number', 'desc']);
  });

  it('offers bulk assign only while every ticked appeal is from one department', async () => {
    const ours = anAppealSummary({ number: 2001 });
    const alsoOurs = anAppealSummary({ number: 2002 });
    const theirs = anAppealSummary({ number: 2003, departmentId: 'd0000000-0000-4000-8000-000000000002' });
    api.on('GET', LIST, { body: { items: [ours, alsoOurs, theirs], nextCursor: null } });
    const loader = await open();
    const table = await loader.getHarness(MatTableHarness);
    const assign = () => loader.getHarness(MatButtonHarness.with({ text: RU['bulk.assign'] }));

    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: RU['bulk.assign'] }))).toHaveLength(0);
    await tick(table, 2001);
    await tick(table, 2002);
    expect(await (await assign()).isDisabled()).toBe(false);

    await tick(table, 2003);
    expect(await (await assign()).isDisabled()).toBe(true);
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: RU['bulk.redirect'] }))).isDisabled()).toBe(false);
  });
});
