import { ComponentHarness, type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import type { Schemas } from '@otklik/shared/api/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aTemplate, aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, problem, type FakeApi } from '../../../testing/fake-api';
import { RU } from '../../core/i18n/messages.ru';
import { AnswerForm } from './answer-form';

const APPEAL_ID = 'a0000000-0000-4000-8000-00000000a001';
const ANSWER = `/api/v1/staff/appeals/${APPEAL_ID}/answer`;
const TEMPLATES = `/api/v1/staff/appeals/${APPEAL_ID}/answer-templates`;
const SNIPPETS = `/api/v1/staff/appeals/${APPEAL_ID}/snippets`;

/** A message the form announces (role="alert"): here, API errors that no field of the form shows. */
class AlertHarness extends ComponentHarness {
  static readonly hostSelector = '[role="alert"]';
}

describe('AnswerForm (the operator answer: validation and submit)', () => {
  let api: FakeApi;
  let loader: HarnessLoader;
  let overlays: HarnessLoader;
  let answered: number;

  beforeEach(async () => {
    api = setUpConsole();
    await signIn(api, aUser());
  });

  afterEach(() => api.verify());

  async function open(templates: Schemas['AnswerTemplateViewDto'][] = [], snippets: Schemas['SnippetViewDto'][] = []): Promise<void> {
    api.on('GET', TEMPLATES, { body: templates });
    api.on('GET', SNIPPETS, { body: snippets });
    const fixture = TestBed.createComponent(AnswerForm);
    fixture.componentRef.setInput('appealId', APPEAL_ID);
    fixture.componentRef.setInput('version', 5);
    answered = 0;
    fixture.componentInstance.answered.subscribe(() => answered++);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlays = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  }

  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const errorsOf = async (label: string) => (await field(label)).getTextErrors();
  const input = async (label: string) => (await field(label)).getControl(MatInputHarness);
  const submit = () => loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="answer-submit"]' }));

  async function chooseResult(label: string): Promise<void> {
    const select = await (await field(RU['answer.result'])).getControl(MatSelectHarness);
    await select?.open();
    await select?.clickOptions({ text: label });
  }

  it('submitted empty, says what is missing under each field and sends nothing', async () => {
    await open();

    await (await submit()).click();

    expect(await errorsOf(RU['answer.result'])).toEqual([RU['answer.required']]);
    expect(await errorsOf(RU['answer.resultCode'])).toEqual([RU['answer.required']]);
    expect(await errorsOf(RU['answer.text'])).toEqual([RU['answer.required']]);
    expect(api.sent('POST', ANSWER)).toHaveLength(0);
  });

  it('refuses a classifier code outside 0–9999 and a text of spaces only', async () => {
    await open();
    await chooseResult(RU['answer.result.done']);
    await (await input(RU['answer.resultCode']))?.setValue('10000');
    await (await input(RU['answer.text']))?.setValue('   ');

    await (await submit()).click();

    expect(await errorsOf(RU['answer.resultCode'])).toEqual([RU['answer.codeRange']]);
    expect(await errorsOf(RU['answer.text'])).toEqual([RU['answer.required']]);
    expect(api.sent('POST', ANSWER)).toHaveLength(0);
  });

  it('asks for the reason of a refusal, in a field that appears only for «refused»', async () => {
    await open();
    expect(await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: RU['answer.reason'] }))).toHaveLength(0);

    await chooseResult(RU['answer.result.refused']);
    await (await input(RU['answer.resultCode']))?.setValue('3');
    await (await input(RU['answer.text']))?.setValue('В ремонте отказано.');
    await (await submit()).click();

    expect(await errorsOf(RU['answer.reason'])).toEqual([RU['answer.required']]);
    expect(api.sent('POST', ANSWER)).toHaveLength(0);
  });

  it('sends the answer with the version seen, shows «sending» meanwhile, then confirms', async () => {
    await open();
    const sending = api.hold('POST', ANSWER);
    await chooseResult(RU['answer.result.done']);
    await (await input(RU['answer.resultCode']))?.setValue('42');
    await (await input(RU['answer.text']))?.setValue('Яма заделана.');
    await (await input(RU['answer.executorPhone']))?.setValue(' +7 495 000-00-00 ');

    const button = await submit();
    await button.click();

    await eventually(() => expect(api.sent('POST', ANSWER)).toHaveLength(1));
    expect(api.sent('POST', ANSWER)[0].body).toEqual({
      result: 'done',
      resultCode: 42,
      text: 'Яма заделана.',
      executorPhone: '+7 495 000-00-00',
      attachmentIds: [],
      expectedVersion: 5,
    });
    expect(await button.getText()).toBe(RU['answer.sending']);
    expect(await button.isDisabled()).toBe(true);

    sending.release({ body: { id: APPEAL_ID } });
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe(RU['answer.sent']);
    expect(answered).toBe(1);
  });

  it('sends the reason only with a refusal', async () => {
    await open();
    api.on('POST', ANSWER, { body: { id: APPEAL_ID } });
    await chooseResult(RU['answer.result.refused']);
    await (await input(RU['answer.resultCode']))?.setValue('3');
    await (await input(RU['answer.text']))?.setValue('В ремонте отказано.');
    await (await input(RU['answer.reason']))?.setValue('Дорога не муниципальная.');

    await (await submit()).click();

    expect(api.sent('POST', ANSWER).map((r) => r.body)).toEqual([
      { result: 'refused', resultCode: 3, text: 'В ремонте отказано.', reason: 'Дорога не муниципальная.', attachmentIds: [], expectedVersion: 5 },
    ]);
    await eventually(() => overlays.getHarness(MatSnackBarHarness));
  });

  it('fills the text and result from a template', async () => {
    await open([aTemplate({ title: 'Яма заделана', result: 'done', text: 'Яма у дома 5 заделана 1 декабря.' })]);

    const template = await (await field(RU['answer.template'])).getControl(MatSelectHarness);
    await template?.open();
    await template?.clickOptions({ text: 'Яма заделана' });

    expect(await (await input(RU['answer.text']))?.getValue()).toBe('Яма у дома 5 заделана 1 декабря.');
    expect(await (await (await field(RU['answer.result'])).getControl(MatSelectHarness))?.getValueText()).toBe(RU['answer.result.done']);
  });

  it('puts the API’s field errors under the fields and the rest under the form', async () => {
    await open();
    api.on('POST', ANSWER, {
      status: 422,
      body: problem(422, 'Проверьте ответ', 'Проверьте ответ', [
        { field: 'text', code: 'TOO_SHORT', message: 'Ответ слишком короткий' },
        { field: 'attachmentIds', code: 'LIMIT', message: 'Слишком много файлов' },
      ]),
    });
    await chooseResult(RU['answer.result.done']);
    await (await input(RU['answer.resultCode']))?.setValue('42');
    await (await input(RU['answer.text']))?.setValue('Да.');

    await (await submit()).click();

    expect(await errorsOf(RU['answer.text'])).toEqual(['Ответ слишком короткий']);
    const alerts = await Promise.all((await loader.getAllHarnesses(AlertHarness)).map(async (a) => (await a.host()).text()));
    expect(alerts).toEqual(['attachmentIds: Слишком много файлов']);
    expect(await (await submit()).isDisabled()).toBe(false);
    expect(answered).toBe(0);
    await eventually(() => overlays.getHarness(MatSnackBarHarness));
  });

  it('inserts a snippet where the cursor is, keeping the text around it', async () => {
    await open([], [{ id: 's0000000-0000-4000-8000-000000000001', title: 'Срок', text: 'до 15.12.2026 ' }]);
    const text = await input(RU['answer.text']);
    await text?.setValue('Работы завершат . Спасибо.');
    const area = document.querySelector('[data-testid="answer-text"]') as HTMLTextAreaElement;
    area.setSelectionRange(16, 16);
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="answer-snippet"]' }));
    await select.open();
    await select.clickOptions({ text: 'Срок' });
    expect(await text?.getValue()).toBe('Работы завершат до 15.12.2026 . Спасибо.');
  });

  it('keeps typed text per appeal in the browser', async () => {
    await open();
    await (await input(RU['answer.text']))?.setValue('Черновик ответа');
    expect(JSON.parse(localStorage.getItem(`otklik.answer-draft.${APPEAL_ID}`) ?? 'null')).toMatchObject({ text: 'Черновик ответа' });
  });

  it('restores the text the browser kept when the form opens again', async () => {
    localStorage.setItem(`otklik.answer-draft.${APPEAL_ID}`, JSON.stringify({ result: 'done', resultCode: 3, text: 'Черновик ответа', reason: '', executorPhone: '', carried: [] }));
    await open();
    expect(await (await input(RU['answer.text']))?.getValue()).toBe('Черновик ответа');
    expect(await (await input(RU['answer.resultCode']))?.getValue()).toBe('3');
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe(RU['answer.localDraftRestored']);
  });
});
