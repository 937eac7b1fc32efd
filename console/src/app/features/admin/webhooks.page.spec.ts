import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { Schemas } from '@otklik/shared/api/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, type FakeApi } from '../../../testing/fake-api';
import { RU } from '../../core/i18n/messages.ru';
import { WebhooksPage } from './webhooks.page';

const HOOKS = '/api/v1/admin/webhooks';
const ID = 'b0000000-0000-4000-8000-000000000001';
const DELIVERY = 'd0000000-0000-4000-8000-000000000001';

function aSubscription(overrides: Partial<Schemas['WebhookSubscriptionDto']> = {}): Schemas['WebhookSubscriptionDto'] {
  return {
    id: ID,
    name: 'СЭД',
    url: 'https://sed.example.ru/hook',
    events: ['appeal.submitted'],
    departmentIds: [],
    categoryIds: [],
    enabled: true,
    consecutiveFailures: 0,
    disabledAt: null,
    disabledReason: null,
    secretRotatedAt: null,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

function aDelivery(overrides: Partial<Schemas['WebhookDeliveryDto']> = {}): Schemas['WebhookDeliveryDto'] {
  return {
    id: DELIVERY,
    eventId: '12',
    eventType: 'appeal.submitted',
    status: 'dead',
    attempts: 9,
    replays: 0,
    lastStatusCode: 503,
    lastDurationMs: 41,
    lastError: 'HTTP 503',
    lastAttemptAt: '2026-12-01T10:00:00.000Z',
    nextAttemptAt: null,
    deliveredAt: null,
    createdAt: '2026-12-01T09:30:00.000Z',
    ...overrides,
  };
}

describe('WebhooksPage (subscriptions and their delivery log)', () => {
  let api: FakeApi;
  let fixture: ComponentFixture<WebhooksPage>;
  let loader: HarnessLoader;

  beforeEach(() => {
    api = setUpConsole();
  });

  afterEach(() => api.verify());

  it('lists subscriptions, shows one log, and replays a delivery', async () => {
    api.on('GET', HOOKS, { body: { items: [aSubscription({ enabled: false, consecutiveFailures: 50 })] } });
    api.on('GET', `${HOOKS}/${ID}/deliveries`, { body: { items: [aDelivery()], nextCursor: null } });
    await signIn(api, aUser({ role: 'admin', department: null }));
    fixture = TestBed.createComponent(WebhooksPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    const [subscriptions] = await loader.getAllHarnesses(MatTableHarness);
    const cells = (await subscriptions.getCellTextByColumnName()) as Record<string, { text: string[] }>;
    expect(cells.name.text).toEqual(['СЭД']);
    expect(cells.state.text).toEqual([RU['webhooks.disabled']]);
    expect(cells.failures.text).toEqual(['50']);

    await (await loader.getHarness(MatButtonHarness.with({ text: RU['webhooks.log'] }))).click();
    await eventually(async () => expect(await loader.getAllHarnesses(MatTableHarness)).toHaveLength(2));
    const log = (await (await loader.getAllHarnesses(MatTableHarness))[1].getCellTextByColumnName()) as Record<string, { text: string[] }>;
    expect(log.status.text).toEqual([RU['webhooks.status.dead']]);
    expect(log.code.text).toEqual(['503']);
    expect(log.error.text).toEqual(['HTTP 503']);

    api.on('POST', `${HOOKS}/${ID}/deliveries/${DELIVERY}/replay`, { body: { replayed: 1 } });
    await (await loader.getHarness(MatButtonHarness.with({ text: RU['webhooks.replay'] }))).click();
    await eventually(() => expect(api.sent('POST', `${HOOKS}/${ID}/deliveries/${DELIVERY}/replay`)).toHaveLength(1));
  });
});
