import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { asProblem, fieldErrors } from '../../../core/api/problem';
import { AuthService } from '../../../core/auth/auth.service';
import { I18n } from '../../../core/i18n/i18n.service';

type Settings = Schemas['RetentionSettingsDto'];
type Destruction = Schemas['RetentionDestructionDto'];
const DEFAULT_MODE: Schemas['RetentionMode'] = 'anonymise';

/**
 * Retention (152-ФЗ): the rule in force (admins change it, auditors read it) and the read-only
 * destruction records — appeal numbers, dates, how and by which rule; no personal data.
 */
@Component({
  selector: 'ok-retention-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <section class="page">
      <h1 class="page-title">{{ t('retention.heading') }}</h1>
      <p class="visually-hidden" role="status" aria-live="polite">{{ notice() ?? '' }}</p>
      @if (failure(); as message) {
        <div class="panel error-text" role="alert">{{ message }}</div>
      }
      @if (settings(); as s) {
        <section class="panel" aria-labelledby="retention-rule-heading">
          <h2 id="retention-rule-heading" class="section-title">{{ t('retention.rule') }}</h2>
          <dl class="facts" data-testid="retention-rule">
            <dt>{{ t('retention.years') }}</dt>
            <dd>{{ s.years }}</dd>
            <dt>{{ t('retention.mode') }}</dt>
            <dd>{{ t(s.mode === 'delete' ? 'retention.modeDelete' : 'retention.modeAnonymise') }}</dd>
            <dt>{{ t('retention.source') }}</dt>
            <dd>{{ s.source === 'admin' ? t('retention.sourceAdmin', { at: i18n.dateTime(s.updatedAt) }) : t('retention.sourceConfiguration') }}</dd>
          </dl>
          @if (isAdmin()) {
            <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-label]="t('retention.change')">
              <div class="form-row">
                <mat-form-field appearance="outline">
                  <mat-label>{{ t('retention.years') }}</mat-label>
                  <input matInput type="number" min="1" max="75" formControlName="years" data-testid="retention-years" />
                  <mat-hint>{{ t('retention.yearsHint') }}</mat-hint>
                  @if (errors()['years']; as e) {
                    <mat-error>{{ e }}</mat-error>
                  }
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>{{ t('retention.mode') }}</mat-label>
                  <mat-select formControlName="mode" data-testid="retention-mode">
                    <mat-option value="anonymise">{{ t('retention.modeAnonymise') }}</mat-option>
                    <mat-option value="delete">{{ t('retention.modeDelete') }}</mat-option>
                  </mat-select>
                </mat-form-field>
              </div>
              <p class="muted">{{ t('retention.warning') }}</p>
              <div class="actions">
                <button mat-flat-button type="submit" [disabled]="busy()" data-testid="retention-save">{{ t('retention.save') }}</button>
              </div>
            </form>
          }
        </section>
      }
      <section class="panel" aria-labelledby="retention-records-heading">
        <h2 id="retention-records-heading" class="section-title">{{ t('retention.records') }}</h2>
        @if (records().length === 0) {
          <p class="muted">{{ t('retention.none') }}</p>
        } @else {
          <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="t('retention.records')">
            <table class="data-table" data-testid="destructions">
              <thead>
                <tr>
                  <th scope="col">{{ t('retention.number') }}</th>
                  <th scope="col">{{ t('retention.closedAt') }}</th>
                  <th scope="col">{{ t('retention.destroyedAt') }}</th>
                  <th scope="col">{{ t('retention.how') }}</th>
                  <th scope="col">{{ t('retention.byRule') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (r of records(); track r.id) {
                  <tr>
                    <td>{{ r.number ?? '—' }}</td>
                    <td>{{ i18n.dateTime(r.closedAt) }}</td>
                    <td>{{ i18n.dateTime(r.destroyedAt) }}</td>
                    <td>{{ t(r.mode === 'deleted' ? 'retention.deleted' : 'retention.anonymised') }}</td>
                    <td>{{ t('retention.ruleYears', { years: r.retentionYears }) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (nextCursor()) {
            <button mat-stroked-button type="button" (click)="more()">{{ t('retention.more') }}</button>
          }
        }
      </section>
    </section>
  `,
  styleUrl: '../admin-pages.scss',
  styles: `
    .data-table { border-collapse: collapse; width: 100%; }
    .data-table th, .data-table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionPage {
  private readonly api = inject(API);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly settings = signal<Settings | null>(null);
  protected readonly records = signal<Destruction[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly form = inject(NonNullableFormBuilder).group({
    years: [3, [Validators.required, Validators.min(1), Validators.max(75)]],
    mode: [DEFAULT_MODE],
  });

  constructor() {
    void this.load();
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.errors.set({});
    try {
      const { years, mode } = this.form.getRawValue();
      const { data, error } = await this.api.PUT('/api/v1/admin/retention/settings', { body: { years: Number(years), mode } });
      if (!data) {
        this.errors.set(fieldErrors(asProblem(error)));
        return;
      }
      this.settings.set(data);
      this.notice.set(this.t('retention.saved'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async more(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor) return;
    const { data } = await this.api.GET('/api/v1/admin/retention/destructions', { params: { query: { cursor, limit: 50 } } });
    if (!data) return;
    this.records.update((r) => [...r, ...data.items]);
    this.nextCursor.set(data.nextCursor);
  }

  private async load(): Promise<void> {
    const [settings, records] = await Promise.all([this.api.GET('/api/v1/admin/retention/settings'), this.api.GET('/api/v1/admin/retention/destructions', { params: { query: { limit: 50 } } })]);
    if (!settings.data || !records.data) {
      this.failure.set(this.t('retention.failed'));
      return;
    }
    this.settings.set(settings.data);
    this.form.reset({ years: settings.data.years, mode: settings.data.mode });
    this.records.set(records.data.items);
    this.nextCursor.set(records.data.nextCursor);
  }
}
