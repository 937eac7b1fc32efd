import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, somePreferences } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, problem, type FakeApi } from '../../../testing/fake-api';
import { RU } from '../../core/i18n/messages.ru';
import { NotificationPreferencesPage } from './preferences.page';

const PREFS = '/api/v1/me/notification-preferences';

describe('NotificationPreferencesPage (kinds × channels, quiet hours, digest, language, time zone)', () => {
  let api: FakeApi;
  let fixture: ComponentFixture<NotificationPreferencesPage>;
  let loader: HarnessLoader;
  let overlays: HarnessLoader;

  beforeEach(() => {
    api = setUpConsole();
  });

  afterEach(() => api.verify());

  async function open(preferences = somePreferences()): Promise<void> {
    await signIn(api, aUser());
    api.on('GET', PREFS, { body: preferences });
    fixture = TestBed.createComponent(NotificationPreferencesPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlays = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  }

  const toggle = (kind: string, channel: string) =>
    loader.getHarness(
      MatCheckboxHarness.with({
        selector: `tr[data-kind="${kind}"] [data-channel="${channel}"]`,
      }),
    );
  const save = async () => (await loader.getHarness(MatButtonHarness.with({ text: RU['prefs.save'] }))).click();

  it('shows each kind × channel; channels with no address are disabled with the hint; required kinds say so', async () => {
    await open();
    expect(await (await toggle('queue_new', 'email')).isChecked()).toBe(true);
    expect(await (await toggle('queue_new', 'sms')).isDisabled()).toBe(true);
    expect(await (await toggle('queue_new', 'email')).isDisabled()).toBe(false);
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain(RU['prefs.unreachable']);
    // jsdom has no Push API: the page says so instead of offering a switch that cannot work.
    expect(text).toContain(RU['push.unsupported']);
    const overdueRow = (fixture.nativeElement as HTMLElement).querySelector('tr[data-kind="overdue"]');
    expect(overdueRow?.textContent).toContain(RU['prefs.required']);
    expect((fixture.nativeElement as HTMLElement).querySelector('tr[data-kind="queue_new"]')?.textContent).not.toContain(RU['prefs.required']);
  });

  it('saves what was chosen in one PUT', async () => {
    await open();
    api.on('PUT', PREFS, (request) => ({
      body: { ...somePreferences(), ...(request.body as object) },
    }));
    await (await toggle('assigned', 'email')).uncheck();
    await (await loader.getHarness(MatSlideToggleHarness.with({ selector: '[data-testid="quiet-on"]' }))).check();
    await save();
    await eventually(() => expect(api.sent('PUT', PREFS)).toHaveLength(1));
    expect(api.sent('PUT', PREFS)[0].body).toEqual({
      locale: 'ru',
      timeZone: 'Europe/Moscow',
      quietHours: { from: '22:00', to: '08:00' },
      digest: 'off',
      kinds: [
        {
          kind: 'queue_new',
          channels: { in_app: true, email: true, sms: false, push: false },
        },
        {
          kind: 'overdue',
          channels: { in_app: true, email: true, sms: false, push: false },
        },
        {
          kind: 'assigned',
          channels: { in_app: true, email: false, sms: false, push: false },
        },
      ],
    });
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe(RU['prefs.saved']);
  });

  it('puts the 422 field errors where they belong: a required notice in its row, the time zone under its field', async () => {
    await open();
    api.on('PUT', PREFS, {
      status: 422,
      body: problem(422, 'Проверьте данные', 'Проверьте данные', [
        {
          field: 'kinds[1].channels',
          code: 'required_notice',
          message: 'Это уведомление обязательно: оставьте хотя бы один канал',
        },
        {
          field: 'timeZone',
          code: 'invalid_time_zone',
          message: 'Неизвестный часовой пояс',
        },
      ]),
    });
    await (await toggle('overdue', 'in_app')).uncheck();
    await (await toggle('overdue', 'email')).uncheck();
    const zone = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="time-zone"]' }));
    await zone.setValue('Mars/Olympus');
    await save();

    await eventually(async () => {
      await fixture.whenStable();
      const row = (fixture.nativeElement as HTMLElement).querySelector('tr[data-kind="overdue"] [data-testid="kind-error"]');
      expect(row?.textContent).toContain('Это уведомление обязательно');
    });
    expect((fixture.nativeElement as HTMLElement).querySelector('tr[data-kind="queue_new"] [data-testid="kind-error"]')).toBeNull();
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: RU['prefs.timeZone'] }));
    expect(await field.getTextErrors()).toEqual(['Неизвестный часовой пояс']);
    expect(api.sent('PUT', PREFS)[0].body).toMatchObject({
      timeZone: 'Mars/Olympus',
    });
    // The problem's title goes to the snackbar, as for every failed call.
    const snackBar = await eventually(() => overlays.getHarness(MatSnackBarHarness));
    expect(await snackBar.getMessage()).toBe('Проверьте данные');
  });
});
