import { ComponentHarness, type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import type { Schemas } from '@otklik/shared/api/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNotification, aUser, anAppeal, anAppealSummary } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, problem, type FakeApi } from '../../../testing/fake-api';
import { RU } from '../../core/i18n/messages.ru';
import { AppealCardPage } from './appeal-card.page';

/**
 * The card's action list. Its buttons are plain link-styled buttons, not Material ones, so a small
 * harness of our own reads them: each by its `data-action`, with its label and whether it is usable.
 */
class AppealActionsHarness extends ComponentHarness {
  static readonly hostSelector = '[data-testid="appeal-actions"]';
  private readonly buttons = this.locatorForAll('button[data-action]');
  private readonly alert = this.locatorForOptional('[role="alert"]');

  async actions(): Promise<{ action: string | null; label: string; disabled: boolean }[]> {
    return Promise.all(
      (await this.buttons()).map(async (button) => ({
        action: await button.getAttribute('data-action'),
        label: await button.text(),
        disabled: await button.getProperty<boolean>('disabled'),
      })),
    );
  }

  async click(action: string): Promise<void> {
    for (const button of await this.buttons()) {
      if ((await button.getAttribute('data-action')) === action) return button.click();
    }
    throw new Error(`no «${action}» action on the card`);
  }

  async error(): Promise<string | null> {
    return (await this.alert())?.text() ?? null;
  }
}

const CARD = '/api/v1/staff/appeals/1042';
const actionPath = (id: string, action: string) => `/api/v1/staff/appeals/${id}/actions/${action}`;

describe('AppealCardPage (the appeal card and its actions)', () => {
  let api: FakeApi;
  let loader: HarnessLoader;
  let overlays: HarnessLoader;
  let streams: ReturnType<FakeApi['eventStream']>;

  beforeEach(() => {
    api = setUpConsole();
    api.on('GET', '/api/v1/catalog/categories', { body: [] });
    api.on('GET', /\/answer-templates$/, { body: [] });
    api.on('GET', /^\/api\/v1\/appeals\/[^/]+\/notifications$/, { body: [] });
    api.on('GET', /\/answer-drafts$/, { body: [] });
    api.on('GET', /\/related$/, { body: { linked: [], others: [] } });
    api.on('GET', /\/duplicates$/, { body: [] });
    api.on('GET', /\/snippets$/, { body: [] });
    api.on('GET', /\/macros$/, { body: [] });
    // The card's presence heartbeat (nobody else there unless a test says so).
    api.on('PUT', /\/presence$/, { body: { appealId: 'x', present: [], ttlSeconds: 40 } });
    api.on('DELETE', /\/presence$/, { status: 204 });
    // The staff member's notification stream (the card listens to it for live changes of the appeal).
    streams = api.eventStream('/api/v1/me/notifications/stream');
    api.on('GET', '/api/v1/me/notifications', { body: { items: [], nextCursor: null, unread: 0 } });
  });

  afterEach(() => api.verify());

  async function open(appeal: Schemas['AppealDto'], user = aUser()): Promise<void> {
    await signIn(api, user);
    api.on('GET', CARD, { body: appeal });
    const fixture = TestBed.createComponent(AppealCardPage);
    fixture.componentRef.setInput('idOrNumber', '1042');
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlays = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  }

  const answerSubmit = () => loader.getAllHarnesses(MatButtonHarness.with({ text: RU['answer.submit'] }));

  it('offers an operator exactly what the API allows on a registered appeal, the answer as a form', async () => {
    await open(anAppeal({ number: 1042, status: 'registered', allowedStaffActions: ['take', 'assign', 'redirect', 'answer'] }));

    const actions = await loader.getHarness(AppealActionsHarness);
    expect(await actions.actions()).toEqual([
      { action: 'take', label: RU['appeal.action.take'], disabled: false },
      { action: 'assign', label: RU['appeal.action.assign'], disabled: false },
      { action: 'redirect', label: RU['appeal.action.redirect'], disabled: false },
    ]);
    expect(await answerSubmit()).toHaveLength(1);
  });

  it('offers a supervisor approval of a pending proposal, and no answer form', async () => {
    await open(
      anAppeal({ number: 1042, status: 'awaiting_approval', allowedStaffActions: ['approve-proposal', 'return-proposal'] }),
      aUser({ role: 'supervisor' }),
    );

    const actions = await loader.getHarness(AppealActionsHarness);
    expect((await actions.actions()).map((a) => a.label)).toEqual([RU['appeal.action.approve-proposal'], RU['appeal.action.return-proposal']]);
    expect(await answerSubmit()).toHaveLength(0);
  });

  it('shows the first-reaction deadline while nobody has reacted', async () => {
    await open(anAppeal({ number: 1042, status: 'registered', firstResponseDueAt: new Date(Date.now() + 3 * 3600_000).toISOString(), firstReactionAt: null }));

    expect([...document.querySelectorAll('dt')].map((dt) => dt.textContent)).toContain(RU['appeal.firstResponseDueAt']);
    expect(document.querySelector('[data-testid="appeal-first-reaction"]')).toBeNull();
  });

  it('shows when staff first reacted instead of the met first-reaction deadline (no «due soon» beside it)', async () => {
    const due = new Date(Date.now() + 3 * 3600_000).toISOString();
    await open(anAppeal({ number: 1042, status: 'in_progress', firstResponseDueAt: due, firstReactionAt: new Date().toISOString() }));

    const reacted = document.querySelector('[data-testid="appeal-first-reaction"]');
    expect(reacted?.textContent?.trim()).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(reacted?.previousElementSibling?.textContent).toBe(RU['sla.firstReaction']);
    expect([...document.querySelectorAll('dt')].map((dt) => dt.textContent)).not.toContain(RU['appeal.firstResponseDueAt']);
  });

  it('shows no actions on a closed appeal', async () => {
    await open(anAppeal({ number: 1042, status: 'closed', allowedStaffActions: [] }));

    expect(await loader.getAllHarnesses(AppealActionsHarness)).toHaveLength(0);
    expect(await answerSubmit()).toHaveLength(0);
  });

  it('«take» sends the version seen, locks every action while in flight, then shows the appeal as it is now', async () => {
    const appeal = anAppeal({ number: 1042, version: 7, status: 'registered', allowedStaffActions: ['take', 'redirect'] });
    await open(appeal);
    const taking = api.hold('POST', actionPath(appeal.id, 'take'));
    const actions = await loader.getHarness(AppealActionsHarness);

    await actions.click('take');
    await eventually(() => expect(api.sent('POST', actionPath(appeal.id, 'take')).map((r) => r.body)).toEqual([{ expectedVersion: 7 }]));
    expect((await actions.actions()).map((a) => a.disabled)).toEqual([true, true]);

    api.on('GET', CARD, { body: { ...appeal, version: 8, status: 'in_progress', allowedStaffActions: ['send-for-approval', 'answer'] } });
    taking.release({ body: { ...appeal, version: 8, status: 'in_progress' } });

    // Released outside Angular's view of pending work: wait for the reload the answer starts.
    await eventually(async () =>
      expect(await actions.actions()).toEqual([{ action: 'send-for-approval', label: RU['appeal.action.send-for-approval'], disabled: false }]),
    );
    expect(api.sent('GET', CARD)).toHaveLength(2);
  });

  it('says why the API refused an action and shows the appeal as it is now', async () => {
    const appeal = anAppeal({ number: 1042, status: 'registered', allowedStaffActions: ['take'] });
    await open(appeal);
    api.on('POST', actionPath(appeal.id, 'take'), { status: 409, body: problem(409, 'Обращение уже взято в работу') });
    api.on('GET', CARD, { body: { ...appeal, status: 'in_progress', assigneeName: 'Пётр Коллегин', allowedStaffActions: ['send-for-approval'] } });

    const actions = await loader.getHarness(AppealActionsHarness);
    await actions.click('take');

    expect(await actions.error()).toBe(RU['appeal.action.failed'].replace('{reason}', 'Обращение уже взято в работу'));
    expect((await actions.actions()).map((a) => a.action)).toEqual(['send-for-approval']);
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe('Обращение уже взято в работу');
  });

  it('«extend» opens its dialog, sends the reason and days with the version, and confirms', async () => {
    const appeal = anAppeal({ number: 1042, version: 3, status: 'in_progress', allowedStaffActions: ['extend'] });
    await open(appeal);
    api.on('POST', actionPath(appeal.id, 'extend'), { body: { ...appeal, version: 4, extended: true } });
    api.on('GET', CARD, { body: { ...appeal, version: 4, extended: true, allowedStaffActions: [] } });

    await (await loader.getHarness(AppealActionsHarness)).click('extend');
    const dialog = await overlays.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe(RU['actionDialog.extend.title']);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="extend-reason"]' }))).setValue('  Нужен выезд на место  ');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="extend-days"]' }))).setValue('10');
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['actionDialog.extend.submit'] }))).click();

    expect(api.sent('POST', actionPath(appeal.id, 'extend')).map((r) => r.body)).toEqual([
      { reason: 'Нужен выезд на место', days: 10, expectedVersion: 3 },
    ]);
    expect(await overlays.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe(RU['actionDialog.extend.done']);
    expect(await loader.getAllHarnesses(AppealActionsHarness)).toHaveLength(0);
  });

  it('«record the re-review»: the supervisor picks the outcome and the conclusion; both are sent with the version', async () => {
    const appeal = anAppeal({ number: 1042, version: 9, status: 'closed', allowedStaffActions: ['reopen', 'record-review'] });
    await open(appeal, aUser({ role: 'supervisor' }));
    api.on('POST', actionPath(appeal.id, 'record-review'), { body: { ...appeal, version: 10, status: 'in_progress' } });
    api.on('GET', CARD, { body: { ...appeal, version: 10, status: 'in_progress', allowedStaffActions: [] } });

    const actions = await loader.getHarness(AppealActionsHarness);
    expect((await actions.actions()).map((a) => a.label)).toEqual([RU['appeal.action.reopen'], RU['appeal.action.record-review']]);
    await actions.click('record-review');
    const dialog = await overlays.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe(RU['actionDialog.review.title']);
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['actionDialog.review.submit'] }))).click();
    // No conclusion: nothing is sent.
    expect(api.sent('POST', actionPath(appeal.id, 'record-review'))).toEqual([]);
    await (await dialog.getHarness(MatRadioButtonHarness.with({ label: RU['actionDialog.review.reopened'] }))).check();
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="review-reason"]' }))).setValue(' Нужен ответ по существу ');
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['actionDialog.review.submit'] }))).click();

    expect(api.sent('POST', actionPath(appeal.id, 'record-review')).map((r) => r.body)).toEqual([
      { outcome: 'reopened', reason: 'Нужен ответ по существу', expectedVersion: 9 },
    ]);
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe(RU['actionDialog.review.done']);
  });

  it('«escalate»: the button and the e key open the reason dialog; no reason, nothing sent; the reason is sent with the version', async () => {
    const appeal = anAppeal({ number: 1042, version: 9, status: 'in_progress', allowedStaffActions: ['escalate'] });
    await open(appeal);
    api.on('POST', actionPath(appeal.id, 'escalate'), { body: { ...appeal, version: 10, escalated: true } });
    api.on('GET', CARD, { body: { ...appeal, version: 10, escalated: true, allowedStaffActions: [] } });

    const actions = await loader.getHarness(AppealActionsHarness);
    expect((await actions.actions()).map((a) => a.label)).toEqual([RU['appeal.action.escalate']]);
    // The key opens the same dialog (not while typing: the textarea takes an «e» as a letter).
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
    const dialog = await eventually(() => overlays.getHarness(MatDialogHarness));
    expect(await dialog.getTitleText()).toBe(RU['actionDialog.escalate.title']);
    const reason = await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="escalate-reason"]' }));
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['actionDialog.escalate.submit'] }))).click();
    expect(api.sent('POST', actionPath(appeal.id, 'escalate'))).toEqual([]);
    await reason.setValue('  Нужна позиция руководства  ');
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['actionDialog.escalate.submit'] }))).click();

    expect(api.sent('POST', actionPath(appeal.id, 'escalate')).map((r) => r.body)).toEqual([{ reason: 'Нужна позиция руководства', expectedVersion: 9 }]);
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe(RU['actionDialog.escalate.done']);
    // Escalated: the key does nothing more.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
    expect(await overlays.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
  });

  it('«category and priority»: the dialog offers the categories of the appeal\'s type (subcategories under their parent), sends only what changed with the note and the version', async () => {
    const category = (id: string, nameRu: string, appealTypes: Schemas['AppealType'][], children: Schemas['CategoryDto'][] = []): Schemas['CategoryDto'] => ({
      id,
      code: id,
      nameRu,
      nameEn: nameRu,
      appealTypes,
      departmentId: null,
      priority: false,
      extraFieldsSchema: null,
      schemaVersion: null,
      children,
    });
    const current = 'c0000000-0000-4000-8000-000000000001';
    api.on('GET', '/api/v1/catalog/categories', {
      body: [
        category(current, 'Дороги', ['complaint', 'suggestion'], [category('c0000000-0000-4000-8000-000000000011', 'Ямы', ['complaint', 'suggestion'])]),
        category('c0000000-0000-4000-8000-000000000002', 'Благодарности', ['gratitude']),
        category('c0000000-0000-4000-8000-000000000003', 'Транспорт', ['complaint']),
      ],
    });
    const appeal = anAppeal({ number: 1042, version: 5, status: 'in_progress', type: 'complaint', categoryId: current, priority: 'normal', allowedStaffActions: ['redirect', 'reclassify'] });
    await open(appeal);
    api.on('POST', actionPath(appeal.id, 'reclassify'), { body: { ...appeal, version: 6, priority: 'high' } });
    api.on('GET', CARD, { body: { ...appeal, version: 6, priority: 'high' } });

    const actions = await loader.getHarness(AppealActionsHarness);
    expect((await actions.actions()).map((a) => a.label)).toEqual([RU['appeal.action.redirect'], RU['appeal.action.reclassify']]);
    await actions.click('reclassify');
    const dialog = await overlays.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe(RU['actionDialog.reclassify.title']);
    const categorySelect = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid="reclassify-category"]' }));
    expect(await categorySelect.getValueText()).toBe('Дороги');
    await categorySelect.open();
    // Not the gratitude's category: the appeal is a complaint.
    expect(await Promise.all((await categorySelect.getOptions()).map((o) => o.getText()))).toEqual(['Дороги', 'Ямы', 'Транспорт']);
    // Picked again: the same category (not sent).
    await categorySelect.clickOptions({ text: 'Дороги' });
    const prioritySelect = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid="reclassify-priority"]' }));
    expect(await prioritySelect.getValueText()).toBe(RU['priority.normal']);
    await prioritySelect.open();
    await prioritySelect.clickOptions({ text: RU['priority.high'] });
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="reclassify-comment"]' }))).setValue('  Срочно: угроза безопасности ');
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['actionDialog.reclassify.submit'] }))).click();

    // The category did not change: only the priority is sent.
    expect(api.sent('POST', actionPath(appeal.id, 'reclassify')).map((r) => r.body)).toEqual([{ priority: 'high', comment: 'Срочно: угроза безопасности', expectedVersion: 5 }]);
    expect(await overlays.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe(RU['actionDialog.reclassify.done']);
  });

  it('«category and priority»: a refused category shows under its field and the dialog stays open', async () => {
    api.on('GET', '/api/v1/catalog/categories', {
      body: [
        { id: 'c0000000-0000-4000-8000-000000000001', code: 'a', nameRu: 'Дороги', nameEn: 'Roads', appealTypes: ['complaint'], departmentId: null, priority: false, extraFieldsSchema: null, schemaVersion: null, children: [] },
        { id: 'c0000000-0000-4000-8000-000000000003', code: 'b', nameRu: 'Транспорт', nameEn: 'Transport', appealTypes: ['complaint'], departmentId: null, priority: false, extraFieldsSchema: null, schemaVersion: null, children: [] },
      ],
    });
    const appeal = anAppeal({ number: 1042, version: 5, status: 'registered', type: 'complaint', allowedStaffActions: ['reclassify'] });
    await open(appeal);
    api.on('POST', actionPath(appeal.id, 'reclassify'), {
      status: 422,
      body: problem(422, 'Проверьте поля', 'Проверьте поля', [{ field: 'categoryId', code: 'unknown_category', message: 'Категория не найдена' }]),
    });

    await (await loader.getHarness(AppealActionsHarness)).click('reclassify');
    const dialog = await overlays.getHarness(MatDialogHarness);
    const categorySelect = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid="reclassify-category"]' }));
    await categorySelect.open();
    await categorySelect.clickOptions({ text: 'Транспорт' });
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['actionDialog.reclassify.submit'] }))).click();

    expect(api.sent('POST', actionPath(appeal.id, 'reclassify')).map((r) => r.body)).toEqual([{ categoryId: 'c0000000-0000-4000-8000-000000000003', expectedVersion: 5 }]);
    expect(await overlays.getAllHarnesses(MatDialogHarness)).toHaveLength(1);
    expect(await (await dialog.host()).text()).toContain('Категория не найдена');
  });

  it('sends nothing when the «extend» dialog is cancelled', async () => {
    const appeal = anAppeal({ number: 1042, status: 'in_progress', allowedStaffActions: ['extend'] });
    await open(appeal);

    await (await loader.getHarness(AppealActionsHarness)).click('extend');
    const dialog = await overlays.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['actionDialog.cancel'] }))).click();

    expect(await overlays.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(api.sent('GET', CARD)).toHaveLength(1);
  });
  it('lists the appeal\'s notices: kind, channel, recipient, status, masked address, when, receipt, the last error', async () => {
    const appeal = anAppeal({ number: 1042 });
    const delivery = { attempts: 1, sentAt: null, scheduledFor: null, receiptStatus: null, receiptAt: null, createdAt: '2026-11-20T09:00:00.000Z' };
    api.on('GET', `/api/v1/appeals/${appeal.id}/notifications`, {
      body: [
        {
          ...delivery,
          id: '1',
          kind: 'registered',
          channel: 'email',
          recipient: 'citizen',
          status: 'delivered',
          address: 'i***@example.test',
          sentAt: '2026-11-20T09:01:00.000Z',
          receiptStatus: 'delivered',
          receiptAt: '2026-11-20T09:02:00.000Z',
        },
        { ...delivery, id: '2', kind: 'queue_new', channel: 'sms', recipient: 'staff', status: 'dead', address: '+7 *** ***-**-12', attempts: 5, lastError: 'SMSC: 0x0000000B' },
      ] satisfies Schemas['NotificationDeliveryDto'][],
    });
    await open(appeal);

    const section = document.querySelector('[data-testid="appeal-notifications"]') as HTMLElement;
    const rows = [...section.querySelectorAll('[data-testid="delivery-row"]')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      [RU['kind.registered'], RU['channel.email'], RU['delivery.recipient.citizen'], RU['delivery.status.delivered'], 'i***@example.test', '20.11.2026, 12:01', 'delivered 20.11.2026, 12:02'],
      [RU['kind.queue_new'], RU['channel.sms'], RU['delivery.recipient.staff'], `${RU['delivery.status.dead']} попыток: 5`, '+7 *** ***-**-12', '20.11.2026, 12:00', '— Ошибка: SMSC: 0x0000000B'],
    ]);
  });

  it('«На согласование» sends the answer in the form as its draft, with the version seen', async () => {
    const appeal = anAppeal({ number: 1042, version: 6, status: 'in_progress', allowedStaffActions: ['send-for-approval', 'answer'] });
    await open(appeal);
    api.on('POST', actionPath(appeal.id, 'send-for-approval'), { body: { ...appeal, version: 7, status: 'awaiting_approval' } });
    const actions = await loader.getHarness(AppealActionsHarness);

    // An empty form sends nothing: the fields say what is missing.
    await actions.click('send-for-approval');
    expect(api.sent('POST', actionPath(appeal.id, 'send-for-approval'))).toHaveLength(0);

    api.on('GET', CARD, { body: { ...appeal, version: 7, status: 'awaiting_approval', allowedStaffActions: [] } });
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="answer-result"]' }));
    await select.open();
    await select.clickOptions({ text: RU['answer.result.done'] });
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="answer-result-code"]' }))).setValue('7');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="answer-text"]' }))).setValue('Яму заделают до пятницы.');
    await actions.click('send-for-approval');

    await eventually(() =>
      expect(api.sent('POST', actionPath(appeal.id, 'send-for-approval')).map((r) => r.body)).toEqual([
        { draft: { result: 'done', resultCode: 7, text: 'Яму заделают до пятницы.', attachmentIds: [] }, expectedVersion: 6 },
      ]),
    );
    await eventually(() => expect(api.sent('GET', CARD)).toHaveLength(2));
    // Sent: the browser keeps nothing of it.
    expect(localStorage.getItem(`otklik.answer-draft.${appeal.id}`)).toBeNull();
  }, 20_000);

  it('shows the supervisor the draft on approval and returns it with a remark', async () => {
    const appeal = anAppeal({ number: 1042, version: 9, status: 'awaiting_approval', allowedStaffActions: ['approve', 'return-answer'] });
    const draft: Schemas['AnswerDraftDto'] = {
      id: 'd0000000-0000-4000-8000-000000000001',
      revision: 2,
      state: 'pending',
      result: 'done',
      resultCode: 7,
      text: 'Яму заделают до пятницы.',
      reason: null,
      executorPhone: null,
      attachmentIds: [],
      authorId: 'u0000000-0000-4000-8000-000000000002',
      authorName: 'Сидоров Пётр',
      createdAt: '2026-12-01T09:00:00.000Z',
      remark: null,
      decidedByName: null,
      decidedAt: null,
    };
    api.on('GET', /\/answer-drafts$/, { body: [draft, { ...draft, id: 'd0000000-0000-4000-8000-000000000000', revision: 1, state: 'returned', remark: 'Уточните срок' }] });
    await open(appeal, aUser({ role: 'supervisor' }));

    const panel = document.querySelector('[data-testid="answer-draft"]') as HTMLElement;
    expect(panel.querySelector('[data-testid="answer-draft-state"]')?.textContent?.trim()).toBe(RU['draft.pending'].replace('{revision}', '2'));
    expect(panel.querySelector('[data-testid="answer-draft-text"]')?.textContent).toBe('Яму заделают до пятницы.');
    expect(panel.textContent).toContain('Уточните срок');

    api.on('POST', actionPath(appeal.id, 'return-answer'), { body: { ...appeal, version: 10, status: 'in_progress' } });
    api.on('GET', CARD, { body: { ...appeal, version: 10, status: 'in_progress', allowedStaffActions: [] } });
    await (await loader.getHarness(AppealActionsHarness)).click('return-answer');
    const dialog = await overlays.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe(RU['actionDialog.returnAnswer.title']);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="return-remark"]' }))).setValue('  Укажите номер заявки  ');
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['actionDialog.return.submit'] }))).click();

    expect(api.sent('POST', actionPath(appeal.id, 'return-answer')).map((r) => r.body)).toEqual([{ remark: 'Укажите номер заявки', expectedVersion: 9 }]);
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe(RU['actionDialog.returnAnswer.done']);
  });

  it('reveals the contacts after a reason is given, and shows them unmasked', async () => {
    const appeal = anAppeal({ number: 1042, contact: { phone: '+7 *** ***-**-67' } });
    await open(appeal);
    api.on('POST', `/api/v1/staff/appeals/${appeal.id}/reveal-contact`, { body: { phone: '+7 916 123-45-67' } });

    await (await loader.getHarness(MatButtonHarness.with({ text: RU['reveal.button'] }))).click();
    const dialog = await overlays.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe(RU['reveal.title']);
    // Without a reason nothing is sent.
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['reveal.submit'] }))).click();
    expect(api.sent('POST', `/api/v1/staff/appeals/${appeal.id}/reveal-contact`)).toHaveLength(0);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="reveal-reason"]' }))).setValue('Звонок для уточнения адреса');
    await (await dialog.getHarness(MatButtonHarness.with({ text: RU['reveal.submit'] }))).click();

    expect(api.sent('POST', `/api/v1/staff/appeals/${appeal.id}/reveal-contact`).map((r) => r.body)).toEqual([{ reason: 'Звонок для уточнения адреса' }]);
    await eventually(() => expect(document.querySelector('[data-testid="contact-value"]')?.textContent?.trim()).toBe('+7 916 123-45-67'));
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: RU['reveal.button'] }))).toHaveLength(0);
  });

  it('shows the rating, the linked and other appeals, and reloads live when the stream tells of this appeal', async () => {
    const appeal = anAppeal({ number: 1042, rating: 2, ratingComment: 'Долго', status: 'resolved' });
    const dispute = { ...anAppealSummary({ number: 1050, type: 'decision_appeal', subject: 'Обжалую' }), relation: 'child' as const };
    api.on('GET', /\/related$/, { body: { linked: [dispute], others: [anAppealSummary({ number: 1001, subject: 'Прошлое обращение' })] } });
    await open(appeal);

    expect(document.querySelector('[data-testid="appeal-rating"]')?.textContent).toContain(RU['rating.score'].replace('{score}', '2'));
    await eventually(() => expect(document.querySelector('[data-testid="related-linked"]')?.textContent).toContain(RU['related.dispute']));
    expect(document.querySelector('[data-testid="related-others"]')?.textContent).toContain('Прошлое обращение');
    expect(api.sent('GET', CARD)).toHaveLength(1);

    await eventually(() => expect(streams.connections).toHaveLength(1));
    streams.connections[0].stream.event('notification', aNotification({ id: '77', kind: 'citizen_reply', appealId: appeal.id, appealNumber: 1042 }), '77');
    await eventually(() => expect(api.sent('GET', CARD)).toHaveLength(2));
    // Another appeal's news does not reload this card.
    streams.connections[0].stream.event('notification', aNotification({ id: '78', kind: 'citizen_reply', appealId: 'a0000000-0000-4000-8000-00000000ffff', appealNumber: 9 }), '78');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.sent('GET', CARD)).toHaveLength(2);
  });

  it('says it is here (viewing, then replying in the thread), and shows who else is, never the signed-in user', async () => {
    const appeal = anAppeal({ number: 1042, status: 'in_progress' });
    const me = aUser();
    await open(appeal, me);
    await eventually(() => expect(api.sent('PUT', /\/presence$/).map((r) => r.body)).toEqual([{ activity: 'viewing' }]));
    expect(api.sent('PUT', /\/presence$/)[0].path).toBe(`/api/v1/staff/appeals/${appeal.id}/presence`);
    const here = () => document.querySelector('[data-testid="presence-here"]')?.textContent?.trim();
    expect(here()).toBe('');

    await eventually(() => expect(streams.connections).toHaveLength(1));
    const colleague = { userId: 'u0000000-0000-4000-8000-000000000002', name: 'Волков Андрей Николаевич', activity: 'replying' };
    streams.connections[0].stream.event('presence', { appealId: appeal.id, present: [colleague, { userId: me.id, name: me.fullName, activity: 'viewing' }] });
    await eventually(() => expect(here()).toContain(RU['presence.here'].replace('{names}', RU['presence.hereReplying'].replace('{name}', 'Волков А. Н.'))));
    expect(here()).not.toContain('Операторова');

    const editor = document.querySelector<HTMLTextAreaElement>('ok-message-thread textarea')!;
    editor.focus();
    await eventually(() => expect(api.sent('PUT', /\/presence$/).at(-1)?.body).toEqual({ activity: 'replying' }));
    streams.connections[0].stream.event('presence', { appealId: appeal.id, present: [] });
    await eventually(() => expect(here()).toBe(''));
  });
});
