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
import { I18n, type MessageKey } from '../../core/i18n/i18n.service';
import { putFieldErrors } from '../appeal/form-errors';
import { departmentNames, type DepartmentName } from './catalog/department-names';

type Macro = Schemas['AppealMacroDto'];
type MacroStep = Schemas['MacroStep'];

export const MACRO_STEPS: readonly MacroStep[] = ['take', 'assign-to-me', 'request-documents', 'send-for-approval'];
export const MACRO_STEP_LABEL: Readonly<Record<MacroStep, MessageKey>> = {
  take: 'macros.step.take',
  'assign-to-me': 'macros.step.assignToMe',
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
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
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
        <mat-form-field appearance="outline">
          <mat-label>{{ t('macros.department') }}</mat-label>
          <mat-select formControlName="departmentId" data-testid="macro-department">
            <mat-option [value]="null">{{ t('macros.everyDepartment') }}</mat-option>
            @for (d of departments(); track d.id) {
              <mat-option [value]="d.id">{{ i18n.name(d) }}</mat-option>
            }
          </mat-select>
          @if (error('departmentId'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-checkbox formControlName="active">{{ t('macros.active') }}</mat-checkbox>
        @for (message of otherErrors(); track message) {
          <p class="error-text" role="alert">{{ message }}</p>
        }
        <div class="buttons">
          @if (editing()) {
            <button mat-button type="button" (click)="reset()">{{ t('actionDialog.cancel') }}</button>
          }
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="macro-save">{{ t('macros.save') }}</button>
        </div>
      </form>
      }

      <section class="panel block" aria-labelledby="macros-list-heading">
        <h2 id="macros-list-heading" class="section-title">{{ t('macros.list') }}</h2>
        @if (failed()) {
          <p class="error-text" role="alert">{{ t('macros.loadFailed') }}</p>
        } @else if (macros().length === 0) {
          <p class="muted">{{ t('macros.none') }}</p>
        }
        <ul class="list">
          @for (m of macros(); track m.id) {
            <li [attr.data-macro]="m.title">
              <div class="meta">
                <strong>{{ m.title }}</strong>
                <span class="muted">{{ departmentName(m.departmentId) }} · {{ t(m.active ? 'macros.on' : 'macros.off') }}</span>
                <span>{{ describe(m) }}</span>
              </div>
              @if (isAdmin()) {
                <button mat-stroked-button type="button" [attr.aria-label]="t('macros.editNamed', { title: m.title })" (click)="edit(m)">{{ t('macros.editButton') }}</button>
                <button mat-button type="button" [disabled]="busy()" [attr.aria-label]="t('macros.deleteNamed', { title: m.title })" (click)="remove(m)">{{ t('macros.delete') }}</button>
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
    .meta { display: flex; flex-direction: column; flex: 1; min-width: 0; overflow-wrap: anywhere; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MacrosPage {
  private readonly api = inject(API);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly auth = inject(AuthService);
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly steps = MACRO_STEPS;
  protected readonly stepLabel = MACRO_STEP_LABEL;

  protected readonly macros = signal<Macro[]>([]);
  protected readonly departments = signal<DepartmentName[]>([]);
  protected readonly editing = signal<Macro | null>(null);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);
  protected readonly otherErrors = signal<readonly string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    steps: [[] as MacroStep[]],
    documents: [''],
    documentsDueInDays: [null as number | null],
    comment: [''],
    note: ['', [Validators.maxLength(5000)]],
    departmentId: [null as string | null],
    active: [true],
  });

  constructor() {
    void this.load();
  }

  protected error(field: 'title' | 'steps' | 'documents' | 'documentsDueInDays' | 'note' | 'departmentId'): string | null {
    const control = this.form.controls[field];
    if (control.hasError('server')) return control.getError('server') as string;
    if (!control.touched) return null;
    if (control.hasError('required')) return this.t('actionDialog.required');
    return null;
  }

  protected departmentName(id: string | null): string {
    if (id === null) return this.t('macros.everyDepartment');
    const department = this.departments().find((d) => d.id === id);
    return department ? this.i18n.name(department) : id;
  }

  /** What the macro does, in the order it does it. */
  protected describe(m: Macro): string {
    const parts = m.steps.map((s) => this.t(MACRO_STEP_LABEL[s]));
    if (m.note) parts.push(this.t('macros.notePart', { note: m.note }));
    return parts.join(' → ');
  }

  protected edit(macro: Macro): void {
    this.editing.set(macro);
    this.otherErrors.set([]);
    this.form.reset({
      title: macro.title,
      steps: [...macro.steps],
      documents: macro.documents.join('\n'),
      documentsDueInDays: macro.documentsDueInDays,
      comment: macro.comment ?? '',
      note: macro.note ?? '',
      departmentId: macro.departmentId,
      active: macro.active,
    });
  }

  protected reset(): void {
    this.editing.set(null);
    this.form.reset({ title: '', steps: [], documents: '', documentsDueInDays: null, comment: '', note: '', departmentId: null, active: true });
    this.otherErrors.set([]);
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    if (value.title.trim() === '') this.form.controls.title.setValue('');
    if (this.form.invalid || value.title.trim() === '') {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.otherErrors.set([]);
    try {
      const documents = value.steps.includes('request-documents')
        ? value.documents
            .split('\n')
            .map((d) => d.trim())
            .filter((d) => d !== '')
        : [];
      const payload: Schemas['AppealMacroInputDto'] = {
        title: value.title.trim(),
        steps: value.steps,
        documents,
        documentsDueInDays: value.steps.includes('request-documents') && value.documentsDueInDays ? Number(value.documentsDueInDays) : null,
        comment: value.comment.trim() || null,
        note: value.note.trim() || null,
        departmentId: value.departmentId,
        active: value.active,
      };
      const current = this.editing();
      const { data, error } = current
        ? await this.api.PUT('/api/v1/admin/macros/{id}', { params: { path: { id: current.id } }, body: payload })
        : await this.api.POST('/api/v1/admin/macros', { body: payload });
      if (!data) {
        this.otherErrors.set(putFieldErrors(this.form, asProblem(error)));
        return;
      }
      this.notifier.info('macros.saved');
      this.reset();
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(macro: Macro): Promise<void> {
    this.busy.set(true);
    try {
      const { response } = await this.api.DELETE('/api/v1/admin/macros/{id}', { params: { path: { id: macro.id } } });
      if (response.ok) {
        if (this.editing()?.id === macro.id) this.reset();
        await this.load();
      }
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      const [macros, departments] = await Promise.all([this.api.GET('/api/v1/admin/macros'), departmentNames(this.api, this.isAdmin())]);
      this.failed.set(!macros.data);
      this.macros.set(macros.data ?? []);
      this.departments.set(departments ?? []);
    } catch {
      this.failed.set(true);
    }
  }
}
