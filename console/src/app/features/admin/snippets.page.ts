import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { Notifier } from '../../core/api/notifier';
import { AuthService } from '../../core/auth/auth.service';
import { asProblem } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { putFieldErrors } from '../appeal/form-errors';
import { departmentNames, type DepartmentName } from './catalog/department-names';

type Snippet = Schemas['AnswerSnippetDto'];

/**
 * Snippets of answer text (admins; a supervisor reads the common ones and their subtree's, with
 * no form and no buttons): the list, and one form to add a snippet or change the one
 * chosen — for every department or one. The API audits each change before → after.
 */
@Component({
  selector: 'ok-snippets-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <section class="page">
      <h1 class="page-title">{{ t('snippets.heading') }}</h1>
      @if (!isAdmin()) {
        <p class="panel block muted" data-testid="read-only">{{ t('admin.readOnly') }}</p>
      } @else {
      <form class="panel block" [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-label]="t(editing() ? 'snippets.edit' : 'snippets.add')">
        <h2 class="section-title">{{ t(editing() ? 'snippets.edit' : 'snippets.add') }}</h2>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('snippets.title') }}</mat-label>
          <input matInput formControlName="title" maxlength="200" data-testid="snippet-title" />
          @if (error('title'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('snippets.body') }}</mat-label>
          <textarea matInput rows="3" formControlName="body" maxlength="5000" data-testid="snippet-body"></textarea>
          <mat-hint>{{ t('snippets.placeholders') }}</mat-hint>
          @if (error('body'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('snippets.department') }}</mat-label>
          <mat-select formControlName="departmentId" data-testid="snippet-department">
            <mat-option [value]="null">{{ t('snippets.everyDepartment') }}</mat-option>
            @for (d of departments(); track d.id) {
              <mat-option [value]="d.id">{{ i18n.name(d) }}</mat-option>
            }
          </mat-select>
          @if (error('departmentId'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-checkbox formControlName="active">{{ t('snippets.active') }}</mat-checkbox>
        @for (message of otherErrors(); track message) {
          <p class="error-text" role="alert">{{ message }}</p>
        }
        <div class="buttons">
          @if (editing()) {
            <button mat-button type="button" (click)="reset()">{{ t('actionDialog.cancel') }}</button>
          }
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="snippet-save">{{ t('snippets.save') }}</button>
        </div>
      </form>
      }

      <section class="panel block" aria-labelledby="snippets-list-heading">
        <h2 id="snippets-list-heading" class="section-title">{{ t('snippets.list') }}</h2>
        @if (failed()) {
          <p class="error-text" role="alert">{{ t('snippets.loadFailed') }}</p>
        } @else if (snippets().length === 0) {
          <p class="muted">{{ t('snippets.none') }}</p>
        }
        <ul class="list">
          @for (s of snippets(); track s.id) {
            <li [attr.data-snippet]="s.title">
              <div class="meta">
                <strong>{{ s.title }}</strong>
                <span class="muted">{{ departmentName(s.departmentId) }} · {{ t(s.active ? 'snippets.on' : 'snippets.off') }}</span>
                <span class="body">{{ s.body }}</span>
              </div>
              @if (isAdmin()) {
                <button mat-stroked-button type="button" [attr.aria-label]="t('snippets.editNamed', { title: s.title })" (click)="edit(s)">{{ t('snippets.editButton') }}</button>
                <button mat-button type="button" [disabled]="busy()" [attr.aria-label]="t('snippets.deleteNamed', { title: s.title })" (click)="remove(s)">{{ t('snippets.delete') }}</button>
              }
            </li>
          }
        </ul>
      </section>
    </section>
  `,
  styles: `
    .block { padding: 16px 20px; margin-bottom: 16px; display: flex; flex-direction: column; gap: 4px; }
    mat-form-field { width: 100%; }
    .buttons { display: flex; gap: 8px; justify-content: flex-end; }
    .list { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
    .list li { display: flex; align-items: center; gap: 8px; }
    .meta { display: flex; flex-direction: column; flex: 1; min-width: 0; }
    .body { white-space: pre-wrap; overflow-wrap: anywhere; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SnippetsPage {
  private readonly api = inject(API);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly auth = inject(AuthService);
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');

  protected readonly snippets = signal<Snippet[]>([]);
  protected readonly departments = signal<DepartmentName[]>([]);
  protected readonly editing = signal<Snippet | null>(null);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);
  protected readonly otherErrors = signal<readonly string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    body: ['', [Validators.required, Validators.maxLength(5000)]],
    departmentId: [null as string | null],
    active: [true],
  });

  constructor() {
    void this.load();
  }

  protected error(field: 'title' | 'body' | 'departmentId'): string | null {
    const control = this.form.controls[field];
    if (control.hasError('server')) return control.getError('server') as string;
    if (!control.touched) return null;
    if (control.hasError('required')) return this.t('actionDialog.required');
    return null;
  }

  protected departmentName(id: string | null): string {
    if (id === null) return this.t('snippets.everyDepartment');
    const department = this.departments().find((d) => d.id === id);
    return department ? this.i18n.name(department) : id;
  }

  protected edit(snippet: Snippet): void {
    this.editing.set(snippet);
    this.form.reset({ title: snippet.title, body: snippet.body, departmentId: snippet.departmentId, active: snippet.active });
  }

  protected reset(): void {
    this.editing.set(null);
    this.form.reset({ title: '', body: '', departmentId: null, active: true });
    this.otherErrors.set([]);
  }

  protected async save(): Promise<void> {
    const { title, body, departmentId, active } = this.form.getRawValue();
    if (title.trim() === '') this.form.controls.title.setValue('');
    if (this.form.invalid || title.trim() === '') {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    try {
      const payload = { title: title.trim(), body, departmentId, active };
      const current = this.editing();
      const { data, error } = current
        ? await this.api.PUT('/api/v1/admin/snippets/{id}', { params: { path: { id: current.id } }, body: payload })
        : await this.api.POST('/api/v1/admin/snippets', { body: payload });
      if (!data) {
        this.otherErrors.set(putFieldErrors(this.form, asProblem(error)));
        return;
      }
      this.notifier.info('snippets.saved');
      this.reset();
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(snippet: Snippet): Promise<void> {
    this.busy.set(true);
    try {
      const { response } = await this.api.DELETE('/api/v1/admin/snippets/{id}', { params: { path: { id: snippet.id } } });
      if (response.ok) {
        if (this.editing()?.id === snippet.id) this.reset();
        await this.load();
      }
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      const [snippets, departments] = await Promise.all([this.api.GET('/api/v1/admin/snippets'), departmentNames(this.api, this.isAdmin())]);
      this.failed.set(!snippets.data);
      this.snippets.set(snippets.data ?? []);
      this.departments.set(departments ?? []);
    } catch {
      this.failed.set(true);
    }
  }
}
