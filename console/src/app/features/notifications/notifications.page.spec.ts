import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { provideRouter } from '@angular/router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNotification, aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, type FakeApi } from '../../../testing/fake-api';
import { RU } from '../../core/i18n/messages.ru';
import { NOTIFICATION_STREAM_RETRY } from '../../core/notifications/notification-center';
import { NotificationsPage } from './notifications.page';

const FEED = '/api/v1/me/notifications';

describe('NotificationsPage (the whole feed, by cursor)', () => {
  let api: FakeApi;
  let fixture: ComponentFixture<NotificationsPage>;
  let loader: HarnessLoader;

  beforeEach(() => {
    api = setUpConsole([provideRouter([{ path: '**', children: [] }]), { provide: NOTIFICATION_STREAM_RETRY, useValue: { initialMs: 5, maxMs: 20 } }]);
    api.eventStream(`${FEED}/stream`);
  });

  afterEach(() => api.verify());

  const rows = () =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="notification-row"]')].map((row) => ({
      id: row.querySelector('a')?.textContent?.trim(),
      unread: row.classList.contains('unread'),
    }));

  it('pages by cursor, filters to unread, and marks an item read', async () => {
    api.on('GET', FEED, (request) => {
      const unread = request.query.get('unread') === 'true';
      if (unread) return { body: { items: [aNotification({ id: '30', appealNumber: 1030 })], nextCursor: null, unread: 1 } };
      if (request.query.get('cursor') === 'c2') return { body: { items: [aNotification({ id: '10', appealNumber: 1010, readAt: '2026-11-20T10:00:00.000Z' })], nextCursor: null, unread: 1 } };
      return { body: { items: [aNotification({ id: '30', appealNumber: 1030 }), aNotification({ id: '20', appealNumber: 1020, readAt: '2026-11-20T10:00:00.000Z' })], nextCursor: 'c2', unread: 1 } };
    });
    await signIn(api, aUser());
    fixture = TestBed.createComponent(NotificationsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    expect(rows()).toEqual([
      { id: 'Обращение № 1030', unread: true },
      { id: 'Обращение № 1020', unread: false },
    ]);
    await (await loader.getHarness(MatButtonHarness.with({ text: RU['notifications.more'] }))).click();
    await eventually(() => expect(rows().map((r) => r.id)).toEqual(['Обращение № 1030', 'Обращение № 1020', 'Обращение № 1010']));
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: RU['notifications.more'] }))).toHaveLength(0);

    await (await loader.getHarness(MatSlideToggleHarness)).check();
    await eventually(() => expect(rows()).toEqual([{ id: 'Обращение № 1030', unread: true }]));
    expect(api.sent('GET', FEED).at(-1)?.query.get('unread')).toBe('true');

    api.on('POST', `${FEED}/read`, { body: { unread: 0 } });
    await (await loader.getHarness(MatButtonHarness.with({ text: RU['notifications.markRead'] }))).click();
    await eventually(() => expect(rows()).toEqual([{ id: 'Обращение № 1030', unread: false }]));
    expect(api.sent('POST', `${FEED}/read`)[0].body).toEqual({ ids: ['30'] });
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="notifications-unread"]')?.textContent).toContain('0');
  });
});
