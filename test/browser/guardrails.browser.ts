import { randomUUID } from 'node:crypto';
import { DEMO, signedIn } from '../e2e/support/api';
import { fileTechAppeal } from './support/appeals';
import { useConsole } from './support/console';

/**
 * 59-ФЗ ст. 11 ч. 5 in the console: the operator proposes terminating the correspondence (the
 * earlier answered appeals and the reasoning), the supervisor sees the proposal on the card and
 * returns it with a remark, then approves the second one.
 */
describe('console guardrails: terminating correspondence is proposed and approved', () => {
  const chromium = useConsole(90_000);

  it('the operator proposes with the earlier appeals; the supervisor returns it with a remark, then approves', async () => {
    const citizen = await signedIn(DEMO.citizen);
    const operator = await signedIn(DEMO.operator);
    const file = (subject: string) => fileTechAppeal(subject, { citizen, type: 'complaint' });
    const earlier: number[] = [];
    for (const result of ['done', 'refused'] as const) {
      const appeal = await file(`Вход в кабинет ${randomUUID().slice(0, 8)}`);
      const path = { idOrNumber: appeal.id };
      await operator.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', { params: { path: { ...path, action: 'take' } }, body: {} });
      await operator.POST('/api/v1/staff/appeals/{idOrNumber}/answer', { params: { path }, body: { result, resultCode: 1, text: 'Ответ по существу', reason: 'Нет оснований' } });
      earlier.push(appeal.number!);
    }
    const repeated = await file(`Снова вход ${randomUUID().slice(0, 8)}`);
    const ref = String(repeated.number);

    // The operator: no «Прекратить переписку», only the proposal.
    const op = await chromium.card(DEMO.operator, ref);
    const actions = op.page.getByTestId('appeal-actions');
    expect(await actions.getByRole('button', { name: 'Прекратить переписку', exact: true }).count()).toBe(0);
    const propose = async () => {
      await actions.getByRole('button', { name: 'Предложить прекратить переписку' }).click();
      const dialog = op.page.getByRole('dialog', { name: 'Предложить прекратить переписку' });
      await dialog.waitFor();
      // One earlier appeal is not enough: said in the form, nothing sent.
      await dialog.getByTestId('terminate-repeats').fill(String(earlier[0]));
      await dialog.getByRole('button', { name: 'Направить на согласование' }).click();
      await dialog.locator('mat-error', { hasText: 'не менее двух' }).waitFor();
      await dialog.getByTestId('terminate-repeats').fill(earlier.join(', '));
      // Typed once the dialog has settled: under CPU load, text typed into it right after it opened
      // was lost (seen on a loaded CI machine; not yet explained — see the session note).
      await dialog.getByTestId('terminate-reason').fill('Доводы те же, что в прежних обращениях');
      expect(await dialog.getByTestId('terminate-reason').inputValue()).toBe('Доводы те же, что в прежних обращениях');
      // The error gives way to the hint first (the form shifts): then send.
      await dialog.locator('mat-error', { hasText: 'не менее двух' }).waitFor({ state: 'detached' });
      // Sent from the keyboard (Enter in the field submits the form): a click could land where the
      // button was before the hint replaced the error and the form shifted.
      await dialog.getByTestId('terminate-repeats').press('Enter');
      // If it stays open, say what it shows (a refusal from the API, a field error) instead of a bare time-out.
      await dialog.waitFor({ state: 'detached', timeout: 30_000 }).catch(async (error: Error) => {
        throw new Error(`the proposal dialog stayed open: «${(await dialog.textContent())?.replace(/\s+/g, ' ')}» (${error.message.split('\n')[0]})`);
      });
      await op.page.locator('ok-status-chip').filter({ hasText: 'На согласовании' }).waitFor();
    };
    await propose();
    expect(op.errors).toEqual([]);

    // The supervisor sees the proposal and returns it with a remark.
    const sup = await chromium.card(DEMO.supervisor, ref);
    const proposal = sup.page.getByTestId('appeal-proposal');
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain('Доводы те же, что в прежних обращениях');
    expect(await proposal.textContent()).toContain(earlier.join(', '));
    const supActions = sup.page.getByTestId('appeal-actions');
    await supActions.getByRole('button', { name: 'Вернуть на доработку' }).click();
    const back = sup.page.getByRole('dialog', { name: 'Вернуть предложение на доработку' });
    await back.waitFor();
    await back.getByTestId('return-remark').fill('Есть новый довод: ошибка 502');
    await back.getByRole('button', { name: 'Вернуть' }).click();
    await back.waitFor({ state: 'detached' });
    await sup.page.locator('ok-status-chip').filter({ hasText: 'В работе' }).waitFor();
    await sup.page.getByTestId('message-thread').getByText('Замечание: Есть новый довод: ошибка 502').waitFor();
    expect(await sup.page.getByTestId('appeal-proposal').count()).toBe(0);

    // Proposed again; approved in one click: closed, the citizen told.
    await op.page.reload();
    await op.page.getByRole('heading', { name: `Обращение № ${ref}` }).waitFor();
    await propose();
    await sup.page.reload();
    await sup.page.getByTestId('appeal-proposal').waitFor();
    await supActions.getByRole('button', { name: 'Согласовать предложение' }).click();
    await sup.page.locator('ok-status-chip').filter({ hasText: 'Закрыто' }).waitFor();
    const { data: card } = await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: ref } } });
    expect(card).toMatchObject({ status: 'closed', correspondenceTerminated: true });
    expect(card!.messages.at(-1)!.text).toContain('переписка по данному вопросу прекращена');
    expect(sup.errors).toEqual([]);
    expect(op.errors).toEqual([]);
    await op.context.close();
    await sup.context.close();
  });
});
