import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatActionListHarness } from '@angular/material/list/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, type FakeApi } from '../../../testing/fake-api';
import { RU } from '../../core/i18n/messages.ru';
import { PersonalDataAccessPage } from './personal-data-access.page';

const CITIZEN = 'c0000000-0000-4000-8000-000000000001';
const LOG = `/api/v1/audit/personal-data-access/${CITIZEN}`;

describe("PersonalDataAccessPage (who accessed a citizen's personal data)", () => {
  let api: FakeApi;
  let fixture: ComponentFixture<PersonalDataAccessPage>;
  let loader: HarnessLoader;

  beforeEach(() => {
    api = setUpConsole();
  });

  afterEach(() => api.verify());

  it('asks for a citizen id, then lists who revealed what, when and why', async () => {
    api.on('GET', LOG, {
      body: {
        items: [
          {
            id: '42',
            occurredAt: '2026-12-01T09:00:00.000Z',
            action: 'personal_data.view',
            kind: 'reveal',
            appealNumber: '1001',
            reason: 'Звонок заявителю',
            fields: ['phone'],
            actorId: 'u0000000-0000-4000-8000-000000000001',
            actorRole: 'operator',
            actorName: 'Ольга Операторова',
            actorPosition: 'Специалист',
            departmentId: 'd0000000-0000-4000-8000-000000000001',
            departmentName: 'Отдел технической поддержки',
            ip: '10.0.0.1',
          },
        ],
        nextCursor: null,
      },
    });
    await signIn(api, aUser({ role: 'auditor', department: null }));
    fixture = TestBed.createComponent(PersonalDataAccessPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    const input = await loader.getHarness(MatInputHarness);
    await input.setValue('ab');
    await (await loader.getHarness(MatButtonHarness.with({ text: RU['pdAccess.search'] }))).click();
    expect(api.sent('GET', LOG)).toHaveLength(0);
    expect(api.sent('GET', '/api/v1/audit/citizens')).toHaveLength(0);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(RU['pdAccess.citizenIdInvalid']);

    await input.setValue(CITIZEN);
    await (await loader.getHarness(MatButtonHarness.with({ text: RU['pdAccess.search'] }))).click();
    await eventually(async () => expect(await loader.getAllHarnesses(MatTableHarness)).toHaveLength(1));
    const cells = (await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName()) as Record<string, { text: string[] }>;
    expect(cells.action.text[0]).toBe(`${RU['pdAccess.reveal']} (phone)`);
    expect(cells.appeal.text).toEqual(['1001']);
    expect(cells.who.text).toEqual(['Ольга Операторова, Специалист']);
    expect(cells.department.text).toEqual(['Отдел технической поддержки']);
    expect(cells.reason.text).toEqual(['Звонок заявителю']);
  });

  it('finds the citizen by name, e-mail or phone, and shows the log of the one chosen', async () => {
    api.on('GET', '/api/v1/audit/citizens', {
      body: { items: [{ id: CITIZEN, fullName: 'Иванов Иван Иванович', email: 'i***@example.ru', registeredAt: '2026-11-01T09:00:00.000Z' }] },
    });
    api.on('GET', LOG, {
      body: {
        items: [
          {
            id: '43',
            occurredAt: '2026-12-01T10:00:00.000Z',
            action: 'appeal.viewed',
            kind: 'view',
            appealNumber: '1002',
            reason: null,
            fields: ['subject', 'text'],
            actorId: 'u0000000-0000-4000-8000-000000000001',
            actorRole: 'operator',
            actorName: 'Ольга Операторова',
            actorPosition: 'Специалист',
            departmentId: null,
            departmentName: null,
            ip: null,
          },
        ],
        nextCursor: null,
      },
    });
    await signIn(api, aUser({ role: 'admin', department: null }));
    fixture = TestBed.createComponent(PersonalDataAccessPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    await (await loader.getHarness(MatInputHarness)).setValue('Иванов');
    await (await loader.getHarness(MatButtonHarness.with({ text: RU['pdAccess.search'] }))).click();
    await eventually(async () => expect(await loader.getAllHarnesses(MatActionListHarness)).toHaveLength(1));
    expect(api.sent('GET', '/api/v1/audit/citizens')[0].query.get('q')).toBe('Иванов');
    const [pick] = await (await loader.getHarness(MatActionListHarness)).getItems();
    expect(await pick.getFullText()).toContain('Иванов Иван Иванович');
    expect(await pick.getFullText()).toContain('i***@example.ru');
    await pick.click();
    await eventually(async () => expect(await loader.getAllHarnesses(MatTableHarness)).toHaveLength(1));
    const cells = (await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName()) as Record<string, { text: string[] }>;
    expect(cells.action.text[0]).toBe(`${RU['pdAccess.view']} (subject, text)`);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Иванов Иван Иванович');
  });
});
