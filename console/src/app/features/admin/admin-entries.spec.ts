import type { Type } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import type { Schemas } from '@otklik/shared/api/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, DEPARTMENT } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, problem, type FakeApi } from '../../../testing/fake-api';
import { RU } from '../../core/i18n/messages.ru';
import { MacrosPage } from './macros.page';
import { SnippetsPage } from './snippets.page';

const SNIPPETS = '/api/v1/admin/snippets';
const ID = 'e0000000-0000-4000-8000-000000000001';

const aSnippet = (overrides: Partial<Schemas['AnswerSnippetDto']> = {}): Schemas['AnswerSnippetDto'] => ({
  id: ID,
  title: 'Срок',
  body: 'Ответ будет дан\nдо {{dueOn}}.',
  departmentId: DEPARTMENT.id,
  active: true,
  ...overrides,
});

const aMacro = (overrides: Partial<Schemas['AppealMacroDto']> = {}): Schemas['AppealMacroDto'] => ({
  id: ID,
  title: 'Взять и отметить',
  departmentId: null,
  active: false,
  steps: ['take'],
  comment: null,
  documents: [],
  documentsDueInDays: null,
  priority: null,
  categoryId: null,
  note: 'Проверено',
  ...overrides,
});

describe('the snippets and macros admin pages (their shared list and form)', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = setUpConsole();
  });

  afterEach(() => api.verify());

  async function open<T>(page: Type<T>): Promise<{ fixture: ComponentFixture<T>; root: HTMLElement }> {
    const fixture = TestBed.createComponent(page);
    await fixture.whenStable();
    await eventually(() => expect((fixture.nativeElement as HTMLElement).querySelector('li, p.muted:not([data-testid])')).not.toBeNull());
    fixture.detectChanges();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  it('an admin sees each snippet with its department and state, changes one, and the refusal shows under its field', async () => {
    api.on('GET', SNIPPETS, { body: [aSnippet()] });
    api.on('GET', '/api/v1/admin/departments', { body: [DEPARTMENT] });
    await signIn(api, aUser({ role: 'admin', department: null }));
    const { fixture, root } = await open(SnippetsPage);

    const item = root.querySelector<HTMLElement>(`li[data-snippet="Срок"]`)!;
    expect(item.textContent).toContain(`${DEPARTMENT.nameRu} · ${RU['snippets.on']}`);
    expect(item.querySelector('.lines')!.textContent).toBe('Ответ будет дан\nдо {{dueOn}}.');
    expect(root.querySelector('[data-testid="read-only"]')).toBeNull();

    item.querySelector<HTMLButtonElement>(`button[aria-label="${RU['snippets.editNamed'].replace('{title}', 'Срок')}"]`)!.click();
    fixture.detectChanges();
    expect(root.querySelector('form')!.getAttribute('aria-label')).toBe(RU['snippets.edit']);

    api.on('PUT', `${SNIPPETS}/${ID}`, {
      status: 422,
      body: problem(422, 'Проверьте поля', 'Проверьте поля', [{ field: 'departmentId', code: 'invalid_department', message: 'Нет такого подразделения' }]),
    });
    root.querySelector<HTMLButtonElement>('[data-testid="snippet-save"]')!.click();
    await eventually(() => expect(api.sent('PUT', `${SNIPPETS}/${ID}`)).toHaveLength(1));
    expect(api.sent('PUT', `${SNIPPETS}/${ID}`)[0].body).toEqual({ title: 'Срок', body: 'Ответ будет дан\nдо {{dueOn}}.', departmentId: DEPARTMENT.id, active: true });
    await eventually(() => {
      fixture.detectChanges();
      expect(root.querySelector('ok-admin-entry-department mat-error')?.textContent).toContain('Нет такого подразделения');
    });
    // The problem is said in the snackbar as well (the form stays as typed, still changing the snippet).
    await eventually(() => TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness));
    expect(root.querySelector('form')!.getAttribute('aria-label')).toBe(RU['snippets.edit']);
  });

  it('a supervisor reads the macros: the read-only note, no form, no buttons; departments from the staff directory', async () => {
    api.on('GET', '/api/v1/admin/macros', { body: [aMacro()] });
    api.on('GET', '/api/v1/staff/departments', { body: [DEPARTMENT] });
    api.on('GET', '/api/v1/catalog/categories', { body: [] });
    await signIn(api, aUser({ role: 'supervisor' }));
    const { root } = await open(MacrosPage);

    expect(root.querySelector('[data-testid="read-only"]')!.textContent).toContain(RU['admin.readOnly']);
    expect(root.querySelector('form')).toBeNull();
    const item = root.querySelector<HTMLElement>(`li[data-macro="Взять и отметить"]`)!;
    expect(item.textContent).toContain(`${RU['macros.everyDepartment']} · ${RU['macros.off']}`);
    expect(item.textContent).toContain(`${RU['macros.step.take']} → ${RU['macros.notePart'].replace('{note}', 'Проверено')}`);
    expect(item.querySelectorAll('button')).toHaveLength(0);
    expect(root.querySelector('section[aria-labelledby="macros-list-heading"] h2#macros-list-heading')!.textContent).toBe(RU['macros.list']);
  });

  it('an admin\'s macro that sets the priority and the category: the list names both values, the form shows them and sends them back', async () => {
    const roads = { id: 'c0000000-0000-4000-8000-000000000001', code: 'roads', nameRu: 'Дороги', nameEn: 'Roads', appealTypes: ['complaint' as const], departmentId: null, priority: false, extraFieldsSchema: null, schemaVersion: null };
    const pits = { ...roads, id: 'c0000000-0000-4000-8000-000000000011', code: 'pits', nameRu: 'Ямы', nameEn: 'Pits', children: [] };
    api.on('GET', '/api/v1/catalog/categories', { body: [{ ...roads, children: [pits] }] });
    api.on('GET', '/api/v1/admin/macros', { body: [aMacro({ steps: ['set-priority', 'set-category'], priority: 'high', categoryId: pits.id, note: null, active: true })] });
    api.on('GET', '/api/v1/admin/departments', { body: [DEPARTMENT] });
    await signIn(api, aUser({ role: 'admin', department: null }));
    const { fixture, root } = await open(MacrosPage);

    const item = root.querySelector<HTMLElement>(`li[data-macro="Взять и отметить"]`)!;
    await eventually(() => {
      fixture.detectChanges();
      expect(item.textContent).toContain(`${RU['macros.step.setPriority']}: ${RU['priority.high']} → ${RU['macros.step.setCategory']}: Ямы`);
    });
    item.querySelector<HTMLButtonElement>(`button[aria-label="${RU['macros.editNamed'].replace('{title}', 'Взять и отметить')}"]`)!.click();
    fixture.detectChanges();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    expect(await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="macro-priority"]' }))).getValueText()).toBe(RU['priority.high']);
    const category = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="macro-category"]' }));
    expect(await category.getValueText()).toBe('Дороги / Ямы');
    await category.open();
    await category.clickOptions({ text: 'Дороги' });

    api.on('PUT', `/api/v1/admin/macros/${ID}`, { body: aMacro() });
    root.querySelector<HTMLButtonElement>('[data-testid="macro-save"]')!.click();
    await eventually(() => expect(api.sent('PUT', `/api/v1/admin/macros/${ID}`)).toHaveLength(1));
    expect(api.sent('PUT', `/api/v1/admin/macros/${ID}`)[0].body).toMatchObject({ steps: ['set-priority', 'set-category'], priority: 'high', categoryId: roads.id, documents: [], documentsDueInDays: null });
  });
});
