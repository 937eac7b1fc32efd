import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { Schemas } from '@otklik/shared/api/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, type FakeApi } from '../../../testing/fake-api';
import { RU } from '../../core/i18n/messages.ru';
import { AuditAlertsPage } from './alerts.page';

const ALERTS = '/api/v1/audit/alerts';

function anAlert(overrides: Partial<Schemas['AuditAlertDto']> = {}): Schemas['AuditAlertDto'] {
  return {
    id: 'a0000000-0000-4000-8000-000000000001',
    kind: 'failed_sign_ins',
    status: 'open',
    subjectUserId: 'u0000000-0000-4000-8000-000000000009',
    details: { failures: 10 },
    raisedAt: '2026-12-01T09:00:00.000Z',
    lastSeenAt: '2026-12-01T09:00:00.000Z',
    occurrences: 1,
    accountLocked: true,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    resolutionNote: null,
    ...overrides,
  };
}

describe('AuditAlertsPage (security alerts: list and resolve)', () => {
  let api: FakeApi;
  let fixture: ComponentFixture<AuditAlertsPage>;
  let loader: HarnessLoader;

  beforeEach(() => {
    api = setUpConsole();
  });

  afterEach(() => api.verify());

  const rows = async () => (await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName()) as Record<string, { text: string[] }>;

  it('lists open alerts, resolves one (an admin also unlocks the account), and shows the resolved ones', async () => {
    api.on('GET', ALERTS, (request) =>
      request.query.get('status') === 'resolved'
        ? { body: { items: [anAlert({ id: 'a0000000-0000-4000-8000-000000000003', kind: 'bulk_export', status: 'resolved', accountLocked: false, resolvedAt: '2026-12-01T10:00:00.000Z', resolution: 'false_positive' })], nextCursor: null } }
        : { body: { items: [anAlert(), anAlert({ id: 'a0000000-0000-4000-8000-000000000002', kind: 'mass_reveal', accountLocked: false, occurrences: 4 })], nextCursor: null } },
    );
    await signIn(api, aUser({ role: 'admin', department: null }));
    fixture = TestBed.createComponent(AuditAlertsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    expect((await rows()).kind.text).toEqual([RU['alerts.kind.failed_sign_ins'], RU['alerts.kind.mass_reveal']]);
    expect((await rows()).occurrences.text).toEqual(['1', '4']);
    expect((await rows()).state.text[0]).toContain(RU['alerts.locked']);
    expect(api.sent('GET', ALERTS)[0].query.get('status')).toBe('open');

    api.on('POST', `${ALERTS}/a0000000-0000-4000-8000-000000000001/resolve`, { body: anAlert({ status: 'resolved', resolution: 'confirmed', resolvedAt: '2026-12-01T11:00:00.000Z' }) });
    await (await loader.getAllHarnesses(MatButtonHarness.with({ text: RU['alerts.confirm'] })))[0].click();
    await eventually(async () => expect((await rows()).kind.text).toEqual([RU['alerts.kind.mass_reveal']]));
    expect(api.sent('POST', `${ALERTS}/a0000000-0000-4000-8000-000000000001/resolve`)[0].body).toEqual({ resolution: 'confirmed', unlock: true });

    await (await loader.getHarness(MatButtonToggleHarness.with({ text: RU['alerts.resolved'] }))).check();
    await eventually(async () => expect((await rows()).kind.text).toEqual([RU['alerts.kind.bulk_export']]));
    expect((await rows()).state.text[0]).toContain(RU['alerts.falsePositive']);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: RU['alerts.confirm'] }))).toHaveLength(0);
  });

  it('an auditor resolves without unlocking', async () => {
    api.on('GET', ALERTS, { body: { items: [anAlert()], nextCursor: null } });
    await signIn(api, aUser({ role: 'auditor', department: null }));
    fixture = TestBed.createComponent(AuditAlertsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    api.on('POST', `${ALERTS}/a0000000-0000-4000-8000-000000000001/resolve`, { body: anAlert({ status: 'resolved', resolution: 'false_positive' }) });
    await (await loader.getHarness(MatButtonHarness.with({ text: RU['alerts.dismiss'] }))).click();
    await eventually(() => expect(api.sent('POST', `${ALERTS}/a0000000-0000-4000-8000-000000000001/resolve`)).toHaveLength(1));
    expect(api.sent('POST', `${ALERTS}/a0000000-0000-4000-8000-000000000001/resolve`)[0].body).toEqual({ resolution: 'false_positive' });
  });
});
