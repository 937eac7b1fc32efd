import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { Router, provideRouter } from '@angular/router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNotification, aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, type FakeApi } from '../../../testing/fake-api';
import { RU } from '../i18n/messages.ru';
import { NOTIFICATION_STREAM_RETRY } from './notification-center';
import { NotificationBell } from './notification-bell';

const STREAM = '/api/v1/me/notifications/stream';

describe('NotificationBell (the toolbar bell, its menu and the queue toast)', () => {
  let api: FakeApi;
  let streams: ReturnType<FakeApi['eventStream']>;
  let fixture: ComponentFixture<NotificationBell>;
  let loader: HarnessLoader;
  let overlays: HarnessLoader;

  beforeEach(() => {
    api = setUpConsole([
      provideRouter([{ path: '**', children: [] }]),
      { provide: NOTIFICATION_STREAM_RETRY, useValue: { initialMs: 5, maxMs: 20 } },
    ]);
    streams = api.eventStream(STREAM);
  });

  afterEach(() => api.verify());

  async function render(items = [aNotification({ id: '5', appealNumber: 1041, readAt: '2026-11-20T10:00:00.000Z' })], unread = 2) {
    api.on('GET', '/api/v1/me/notifications', { body: { items, nextCursor: null, unread } });
    await signIn(api, aUser());
    fixture = TestBed.createComponent(NotificationBell);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlays = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    await eventually(() => expect(streams.connections).toHaveLength(1));
  }

  const host = () => fixture.nativeElement as HTMLElement;
  const badge = () => host().querySelector<HTMLElement>('.mat-badge-content');
  const bellLabel = () => (host().querySelector('[data-testid="notification-bell"]') as HTMLElement).getAttribute('aria-label');

  it('shows the unread count, and raises it live when an item arrives over the stream', async () => {
    await render();
    expect(badge()?.textContent?.trim()).toBe('2');
    expect(bellLabel()).toBe('Уведомления, непрочитанных: 2');

    streams.connections[0].stream.event('notification', aNotification({ id: '6', kind: 'assigned', appealNumber: 1042 }), '6');
    await eventually(async () => {
      await fixture.whenStable();
      expect(badge()?.textContent?.trim()).toBe('3');
    });

    // Reading in another tab: the server sends the new count.
    streams.connections[0].stream.event('unread', { unread: 0 });
    await eventually(async () => {
      await fixture.whenStable();
      expect(bellLabel()).toBe(RU['bell.label']);
    });
    expect(host().querySelector('.mat-badge-hidden')).not.toBeNull();
  });

  it('past 99 unread the badge says «99+», and so does the name, which must contain what the badge shows', async () => {
    await render(undefined, 143);
    expect(badge()?.textContent?.trim()).toBe('99+');
    expect(bellLabel()).toBe('Уведомления, непрочитанных: 99+');
  });

  it('lists the newest items, unread marked; choosing one reads it and opens its appeal card', async () => {
    await render([aNotification({ id: '5', kind: 'overdue', appealNumber: 1041 }), aNotification({ id: '4', appealNumber: 1040, readAt: '2026-11-20T10:00:00.000Z' })], 1);
    api.on('POST', '/api/v1/me/notifications/read', { body: { unread: 0 } });
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    const items = await menu.getItems();
    const texts = await Promise.all(items.map((item) => item.getText()));
    expect(texts[0]).toContain('Не прочитано');
    expect(texts[0]).toContain('Обращение № 1041');
    expect(texts[1]).not.toContain('Не прочитано');
    expect(texts.slice(2)).toEqual([RU['bell.markAll'], RU['bell.all'], RU['bell.settings']]);

    await items[0].click();
    await eventually(() => expect(TestBed.inject(Router).url).toBe('/appeals/1041'));
    expect(api.sent('POST', '/api/v1/me/notifications/read')[0].body).toEqual({ ids: ['5'] });
    await fixture.whenStable();
    expect(badge()?.textContent?.trim()).toBe('0');
  });

  it('«Отметить все прочитанными» reads the whole feed', async () => {
    await render([aNotification({ id: '5' })], 1);
    api.on('POST', '/api/v1/me/notifications/read-all', { body: { unread: 0 } });
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.clickItem({ text: RU['bell.markAll'] });
    await eventually(() => expect(api.sent('POST', '/api/v1/me/notifications/read-all')).toHaveLength(1));
    await fixture.whenStable();
    expect(bellLabel()).toBe(RU['bell.label']);
  });

  it('a new appeal in the queue pops a toast whose «Открыть» opens the card', async () => {
    await render([], 0);
    api.on('POST', '/api/v1/me/notifications/read', { body: { unread: 0 } });
    streams.connections[0].stream.event('notification', aNotification({ id: '9', kind: 'queue_new', appealNumber: 1077 }), '9');

    const snack = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snack.getMessage()).toBe('Новое обращение № 1077 в очереди');
    expect(await snack.getActionDescription()).toBe(RU['toast.open']);
    await snack.dismissWithAction();
    await eventually(() => expect(TestBed.inject(Router).url).toBe('/appeals/1077'));
    expect(api.sent('POST', '/api/v1/me/notifications/read')[0].body).toEqual({ ids: ['9'] });
  });
  it('leaves a message already on screen alone: the toast does not replace it, the badge still counts', async () => {
    await render([], 0);
    TestBed.inject(MatSnackBar).open('Сервер не смог выполнить запрос', 'Закрыть');
    streams.connections[0].stream.event('notification', aNotification({ id: '9', kind: 'queue_new', appealNumber: 1077 }), '9');
    await eventually(async () => {
      await fixture.whenStable();
      expect(badge()?.textContent?.trim()).toBe('1');
    });
    const snack = await overlays.getHarness(MatSnackBarHarness);
    expect(await snack.getMessage()).toBe('Сервер не смог выполнить запрос');
  });
});
