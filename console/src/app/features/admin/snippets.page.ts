import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Schemas } from '@otklik/shared/api/client';
import { AdminEntriesPage, AdminEntryDepartment, AdminEntryFormFoot, AdminEntryList, provideAdminEntries } from './admin-entries';

type Snippet = Schemas['AnswerSnippetDto'];
type SnippetInput = Schemas['AnswerSnippetInputDto'];

/**
 * Snippets of answer text (admins; a supervisor reads the common ones and their subtree's, with
 * no form and no buttons): the list, and one form to add a snippet or change the one
 * chosen — for every department or one. The API audits each change before → after.
 */
@Component({
  selector: 'ok-snippets-page',
  imports: [ReactiveFormsModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, AdminEntryDepartment, AdminEntryList, AdminEntryFormFoot],
  providers: [provideAdminEntries(() => SnippetsPage)],
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
        <ok-admin-entry-department testId="snippet-department" />
        <mat-checkbox formControlName="active">{{ t('snippets.active') }}</mat-checkbox>
        <ok-admin-entry-form-foot saveTestId="snippet-save" />
      </form>
      }

      <section okAdminEntryList class="panel block"></section>
    </section>
  `,
  styles: `
    .block { padding: 16px 20px; margin-bottom: 16px; display: flex; flex-direction: column; gap: 4px; }
    mat-form-field { width: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SnippetsPage extends AdminEntriesPage<Snippet, SnippetInput> {
  readonly kind = 'snippets';
  readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    body: ['', [Validators.required, Validators.maxLength(5000)]],
    departmentId: [null as string | null],
    active: [true],
  });
  override readonly keepLines = true;

  constructor() {
    super();
    void this.load();
  }

  detail(snippet: Snippet): string {
    return snippet.body;
  }

  protected formValue(snippet: Snippet | null) {
    return snippet
      ? { title: snippet.title, body: snippet.body, departmentId: snippet.departmentId, active: snippet.active }
      : { title: '', body: '', departmentId: null, active: true };
  }

  protected save(): Promise<void> {
    return this.saveWith(() => {
      const { title, body, departmentId, active } = this.form.getRawValue();
      return { title: title.trim(), body, departmentId, active };
    });
  }

  protected async fetch() {
    return (await this.api.GET('/api/v1/admin/snippets')).data;
  }

  protected send(current: Snippet | null, body: SnippetInput) {
    return current ? this.api.PUT('/api/v1/admin/snippets/{id}', { params: { path: { id: current.id } }, body }) : this.api.POST('/api/v1/admin/snippets', { body });
  }

  protected deleteEntry(snippet: Snippet) {
    return this.api.DELETE('/api/v1/admin/snippets/{id}', { params: { path: { id: snippet.id } } });
  }
}
