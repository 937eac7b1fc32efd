import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { CatalogService } from '../../core/catalog/catalog.service';
import type { MessageKey } from '../../core/i18n/i18n.service';
import { AdminEntriesPage, AdminEntryDepartment, AdminEntryFormFoot, AdminEntryList, provideAdminEntries } from './admin-entries';

type Macro = Schemas['AppealMacroDto'];
type MacroStep = Schemas['MacroStep'];
type MacroInput = Schemas['AppealMacroInputDto'];
type Priority = Schemas['AppealPriority'];

export const MACRO_STEPS: readonly MacroStep[] = ['take', 'assign-to-me', 'set-priority', 'set-category', 'request-documents', 'send-for-approval'];
export const MACRO_STEP_LABEL: Readonly<Record<MacroStep, MessageKey>> = {
  take: 'macros.step.take',
  'assign-to-me': 'macros.step.assignToMe',
  'set-priority': 'macros.step.setPriority',
  'set-category': 'macros.step.setCategory',
  'request-documents': 'macros.step.requestDocuments',
  'send-for-approval': 'macros.step.sendForApproval',
};

/**
 * Macros (admins; a supervisor reads the common ones and their subtree's, with no form and no
 * buttons): the list, and one form to add a macro or change the one chosen — its staff
 * actions in order, its note, and the department allowed to use it (or every one). The API
 * audits each change before → after; applying runs the steps through the workflow's own rules.
 */
@Component({
  selector: 'ok-macros-page',
  imports: [ReactiveFormsModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, AdminEntryDepartment, AdminEntryList, AdminEntryFormFoot],
  providers: [provideAdminEntries(() => MacrosPage)],
  template: `
    <section class="page">
      <h1 class="page-title">{{ t('macros.heading') }}</h1>
      @if (!isAdmin()) {
        <p class="panel block muted" data-testid="read-only">{{ t('admin.readOnly') }}</p>
      } @else {
      <form class="panel block" [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-label]="t(editing() ? 'macros.edit' : 'macros.add')">
        <h2 class="section-title">{{ t(editing() ? 'macros.edit' : 'macros.add') }}</h2>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('macros.title') }}</mat-label>
          <input matInput formControlName="title" maxlength="200" data-testid="macro-title" />
          @if (error('title'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('macros.steps') }}</mat-label>
          <mat-select formControlName="steps" multiple data-testid="macro-steps">
            @for (step of steps; track step) {
              <mat-option [value]="step">{{ t(stepLabel[step]) }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ t('macros.stepsHint') }}</mat-hint>
          @if (error('steps'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        @if (form.controls.steps.value.includes('set-priority')) {
          <mat-form-field appearance="outline">
            <mat-label>{{ t('macros.priority') }}</mat-label>
            <mat-select formControlName="priority" data-testid="macro-priority">
              @for (p of priorities; track p) {
                <mat-option [value]="p">{{ i18n.priority(p) }}</mat-option>
              }
            </mat-select>
            @if (error('priority'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        }
        @if (form.controls.steps.value.includes('set-category')) {
          <mat-form-field appearance="outline">
            <mat-label>{{ t('macros.category') }}</mat-label>
            <mat-select formControlName="categoryId" data-testid="macro-category">
              @for (option of categoryOptions(); track option.id) {
                <mat-option [value]="option.id">{{ option.label }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ t('macros.categoryHint') }}</mat-hint>
            @if (error('categoryId'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        }
        @if (form.controls.steps.value.includes('request-documents')) {
          <mat-form-field appearance="outline">
            <mat-label>{{ t('macros.documents') }}</mat-label>
            <textarea matInput rows="2" formControlName="documents" data-testid="macro-documents"></textarea>
            <mat-hint>{{ t('macros.documentsHint') }}</mat-hint>
            @if (error('documents'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('macros.dueInDays') }}</mat-label>
            <input matInput type="number" min="1" max="60" formControlName="documentsDueInDays" data-testid="macro-due-days" />
            @if (error('documentsDueInDays'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ t('macros.comment') }}</mat-label>
          <input matInput formControlName="comment" maxlength="2000" data-testid="macro-comment" />
          <mat-hint>{{ t('macros.commentHint') }}</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('macros.note') }}</mat-label>
          <textarea matInput rows="3" formControlName="note" maxlength="5000" data-testid="macro-note"></textarea>
          <mat-hint>{{ t('macros.noteHint') }}</mat-hint>
          @if (error('note'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <ok-admin-entry-department testId="macro-department" />
        <mat-checkbox formControlName="active">{{ t('macros.active') }}</mat-checkbox>
        <ok-admin-entry-form-foot saveTestId="macro-save" />
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
export class MacrosPage extends AdminEntriesPage<Macro, MacroInput> {
  readonly kind = 'macros';
  protected readonly steps = MACRO_STEPS;
  protected readonly stepLabel = MACRO_STEP_LABEL;
  protected readonly priorities: readonly Priority[] = ['low', 'normal', 'high'];
  private readonly catalog = inject(CatalogService);
  /** Every active category, a subcategory named under its parent. */
  protected readonly categoryOptions = computed(() =>
    this.catalog.roots().flatMap((c) => [{ id: c.id, label: this.i18n.name(c) }, ...c.children.map((s) => ({ id: s.id, label: `${this.i18n.name(c)} / ${this.i18n.name(s)}` }))]),
  );
  readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    steps: [[] as MacroStep[]],
    documents: [''],
    documentsDueInDays: [null as number | null],
    priority: [null as Priority | null],
    categoryId: [null as string | null],
    comment: [''],
    note: ['', [Validators.maxLength(5000)]],
    departmentId: [null as string | null],
    active: [true],
  });

  constructor() {
    super();
    void this.load();
    void this.catalog.load();
  }

  /** What the macro does, in the order it does it. */
  detail(m: Macro): string {
    const parts = m.steps.map((s) => {
      const label = this.t(MACRO_STEP_LABEL[s]);
      if (s === 'set-priority' && m.priority) return `${label}: ${this.i18n.priority(m.priority)}`;
      if (s === 'set-category' && m.categoryId) return `${label}: ${this.i18n.name(this.catalog.category(m.categoryId)) || m.categoryId}`;
      return label;
    });
    if (m.note) parts.push(this.t('macros.notePart', { note: m.note }));
    return parts.join(' → ');
  }

  protected formValue(macro: Macro | null) {
    return macro
      ? {
          title: macro.title,
          steps: [...macro.steps],
          documents: macro.documents.join('\n'),
          documentsDueInDays: macro.documentsDueInDays,
          priority: macro.priority,
          categoryId: macro.categoryId,
          comment: macro.comment ?? '',
          note: macro.note ?? '',
          departmentId: macro.departmentId,
          active: macro.active,
        }
      : { title: '', steps: [], documents: '', documentsDueInDays: null, priority: null, categoryId: null, comment: '', note: '', departmentId: null, active: true };
  }

  protected save(): Promise<void> {
    return this.saveWith(() => {
      const value = this.form.getRawValue();
      const documents = value.steps.includes('request-documents')
        ? value.documents
            .split('\n')
            .map((d) => d.trim())
            .filter((d) => d !== '')
        : [];
      return {
        title: value.title.trim(),
        steps: value.steps,
        documents,
        documentsDueInDays: value.steps.includes('request-documents') && value.documentsDueInDays ? Number(value.documentsDueInDays) : null,
        priority: value.steps.includes('set-priority') ? value.priority : null,
        categoryId: value.steps.includes('set-category') ? value.categoryId : null,
        comment: value.comment.trim() || null,
        note: value.note.trim() || null,
        departmentId: value.departmentId,
        active: value.active,
      };
    });
  }

  protected async fetch() {
    return (await this.api.GET('/api/v1/admin/macros')).data;
  }

  protected send(current: Macro | null, body: MacroInput) {
    return current ? this.api.PUT('/api/v1/admin/macros/{id}', { params: { path: { id: current.id } }, body }) : this.api.POST('/api/v1/admin/macros', { body });
  }

  protected deleteEntry(macro: Macro) {
    return this.api.DELETE('/api/v1/admin/macros/{id}', { params: { path: { id: macro.id } } });
  }
}
