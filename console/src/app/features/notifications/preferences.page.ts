import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { Notifier } from '../../core/api/notifier';
import { asProblem, fieldErrors } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { PushDevices } from '../../core/notifications/push-devices';

type Preferences = Schemas['NotificationPreferencesDto'];
type KindPreference = Schemas['KindPreferenceDto'];
export type Channel = keyof Schemas['ChannelSwitchesDto'];
type LoadState = 'loading' | 'ready' | 'failed';

export const CHANNELS: readonly Channel[] = ['in_app', 'email', 'sms', 'push'];

/** The form's own fields (the kinds × channels table is a signal beside it). */
type SettingsForm = FormGroup<{
  locale: FormControl<'ru' | 'en'>;
  timeZone: FormControl<string>;
  quietOn: FormControl<boolean>;
  quietFrom: FormControl<string>;
  quietTo: FormControl<string>;
  digest: FormControl<Preferences['digest']>;
}>;

/** Which form control shows an API field error: `quietHours.from` under «С», `kinds[3]…` in row 3. */
const FIELD_CONTROLS: Record<string, keyof SettingsForm['controls']> = {
  locale: 'locale',
  timeZone: 'timeZone',
  digest: 'digest',
  quietHours: 'quietFrom',
  'quietHours.from': 'quietFrom',
  'quietHours.to': 'quietTo',
};

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Moscow'];
  }
}

/**
 * The staff member's notification preferences: which notice goes to which channel, quiet hours,
 * the digest, the language and time zone notices are written in. Saved whole in one PUT; the
 * API's field errors (a required notice with every channel off, an unknown time zone) are shown
 * where they belong.
 */
@Component({
  selector: 'ok-notification-preferences-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule],
  templateUrl: './preferences.page.html',
  styleUrl: './preferences.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationPreferencesPage {
  private readonly api = inject(API);
  private readonly notifier = inject(Notifier);
  private readonly push = inject(PushDevices);
  protected readonly pushState = this.push.state;
  protected readonly pushBusy = signal(false);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly channels = CHANNELS;
  protected readonly zones = timeZones();

  protected readonly state = signal<LoadState>('loading');
  protected readonly kinds = signal<KindPreference[]>([]);
  protected readonly reachable = signal<readonly Channel[]>([]);
  /** Server errors of table rows, by kind. */
  protected readonly kindErrors = signal<Record<string, string>>({});
  /** Server errors no field shows. */
  protected readonly otherErrors = signal<string[]>([]);
  protected readonly saving = signal(false);
  protected readonly unreachable = computed(() => CHANNELS.filter((channel) => !this.reachable().includes(channel)));

  protected readonly form: SettingsForm = new FormGroup({
    locale: new FormControl<'ru' | 'en'>('ru', { nonNullable: true }),
    timeZone: new FormControl('Europe/Moscow', { nonNullable: true, validators: [Validators.required] }),
    quietOn: new FormControl(false, { nonNullable: true }),
    quietFrom: new FormControl('22:00', { nonNullable: true }),
    quietTo: new FormControl('08:00', { nonNullable: true }),
    digest: new FormControl<Preferences['digest']>('off', { nonNullable: true }),
  });

  constructor() {
    void this.load();
    void this.push.refresh();
  }

  /** «Включить push-уведомления»: subscribes this browser (or stops), then re-reads where the account is reachable. */
  protected async setPush(on: boolean): Promise<void> {
    this.pushBusy.set(true);
    try {
      const outcome = on ? await this.push.enable() : await this.push.disable();
      if (outcome === 'failed') this.notifier.error('push.failed');
      else if (outcome === 'on' || outcome === 'off') this.notifier.info(outcome === 'on' ? 'push.on' : 'push.off');
      const { data } = await this.api.GET('/api/v1/me/notification-preferences');
      if (data) this.reachable.set(data.reachable);
    } finally {
      this.pushBusy.set(false);
    }
  }

  protected isReachable(channel: Channel): boolean {
    return this.reachable().includes(channel);
  }

  protected toggle(kind: KindPreference['kind'], channel: Channel, on: boolean): void {
    this.kinds.update((kinds) => kinds.map((k) => (k.kind === kind ? { ...k, channels: { ...k.channels, [channel]: on } } : k)));
    this.kindErrors.update(({ [kind]: _dropped, ...rest }) => rest);
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      const { data } = await this.api.GET('/api/v1/me/notification-preferences');
      if (!data) {
        this.state.set('failed');
        return;
      }
      this.show(data);
      this.state.set('ready');
    } catch {
      this.state.set('failed');
    }
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    if (value.quietOn && (!value.quietFrom || !value.quietTo)) {
      this.form.controls.quietFrom.markAsTouched();
      this.form.controls.quietTo.markAsTouched();
      return;
    }
    this.saving.set(true);
    this.kindErrors.set({});
    this.otherErrors.set([]);
    const kinds = this.kinds();
    try {
      const { data, error } = await this.api.PUT('/api/v1/me/notification-preferences', {
        body: {
          locale: value.locale,
          timeZone: value.timeZone.trim(),
          quietHours: value.quietOn ? { from: value.quietFrom, to: value.quietTo } : null,
          digest: value.digest,
          kinds: kinds.map(({ kind, channels }) => ({ kind, channels })),
        },
      });
      if (data) {
        this.show(data);
        this.notifier.info('prefs.saved');
      } else {
        this.showErrors(asProblem(error), kinds);
      }
    } finally {
      this.saving.set(false);
    }
  }

  protected message(control: keyof SettingsForm['controls']): string | null {
    const c = this.form.controls[control];
    if (c.hasError('server')) return c.getError('server') as string;
    if (c.touched && c.hasError('required')) return this.t('prefs.timeRequired');
    return null;
  }

  private show(preferences: Preferences): void {
    this.kinds.set(preferences.kinds);
    this.reachable.set(preferences.reachable);
    this.form.setValue({
      locale: preferences.locale,
      timeZone: preferences.timeZone,
      quietOn: preferences.quietHours !== null,
      quietFrom: preferences.quietHours?.from ?? '22:00',
      quietTo: preferences.quietHours?.to ?? '08:00',
      digest: preferences.digest,
    });
  }

  /** `kinds[i].channels` → row i of what was sent; named fields → their control; the rest listed. */
  private showErrors(problem: ReturnType<typeof asProblem>, sent: KindPreference[]): void {
    const byKind: Record<string, string> = {};
    const other: string[] = [];
    for (const [field, message] of Object.entries(fieldErrors(problem))) {
      const row = /^kinds\[(\d+)\]/.exec(field);
      const kind = row ? sent[Number(row[1])]?.kind : undefined;
      const control = FIELD_CONTROLS[field] ?? FIELD_CONTROLS[field.split(/[.[]/)[0]];
      if (kind) byKind[kind] = byKind[kind] ? `${byKind[kind]}; ${message}` : message;
      else if (control) {
        this.form.controls[control].setErrors({ server: message });
        this.form.controls[control].markAsTouched();
      } else other.push(`${field}: ${message}`);
    }
    this.kindErrors.set(byKind);
    this.otherErrors.set(other);
  }
}
