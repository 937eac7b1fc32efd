import { ChangeDetectionStrategy, Component, computed, forwardRef, inject, InjectionToken, input, signal, type Provider, type Type } from '@angular/core';
import { ReactiveFormsModule, type FormControl, type FormGroup } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { API } from '../../core/api/api-client';
import { Notifier } from '../../core/api/notifier';
import { asProblem } from '../../core/api/problem';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import { putFieldErrors } from '../appeal/form-errors';
import { departmentNames, type DepartmentName } from './catalog/department-names';

/** What the snippets and macros pages keep alike: an entry with a title, for every department or one, in use or off. */
export interface AdminEntry {
  readonly id: string;
  readonly title: string;
  readonly departmentId: string | null;
  readonly active: boolean;
}

/** The prefix of the page's messages (`snippets.list`, `macros.list`, …). */
export type AdminEntryKind = 'snippets' | 'macros';

/** The messages both pages have, each under its own prefix. */
type EntrySuffix = 'list' | 'loadFailed' | 'none' | 'on' | 'off' | 'editNamed' | 'editButton' | 'deleteNamed' | 'delete' | 'everyDepartment' | 'save' | 'saved';
type EntryMessage = `${AdminEntryKind}.${EntrySuffix}`;

/** The answer of a create or change: the saved entry, or the API's refusal. */
type Sent = { data?: unknown; error?: unknown };

/**
 * What the snippets and macros pages share (admins change them; a supervisor reads the common
 * ones and their subtree's, with no form and no buttons): the entries with the departments to
 * name, the entry being changed, one request at a time, and the refusal shown in the form —
 * field errors under the fields, the rest at its foot. Each page says how its entries are
 * fetched, sent and deleted, and what its form holds.
 */
export abstract class AdminEntriesPage<Entry extends AdminEntry, Payload> {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly notifier = inject(Notifier);
  private readonly auth = inject(AuthService);
  protected readonly api = inject(API);
  readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');

  readonly entries = signal<Entry[]>([]);
  readonly departments = signal<DepartmentName[]>([]);
  readonly editing = signal<Entry | null>(null);
  readonly busy = signal(false);
  readonly failed = signal(false);
  readonly otherErrors = signal<readonly string[]>([]);

  abstract readonly kind: AdminEntryKind;
  abstract readonly form: FormGroup;
  /** What the entry holds, in one line of text (under its title in the list). */
  abstract detail(entry: Entry): string;
  /** The list shows the detail's line breaks (a snippet's text). */
  readonly keepLines: boolean = false;

  /** The entries this user may read (undefined: not loaded). */
  protected abstract fetch(): Promise<Entry[] | undefined>;
  /** Creates the entry, or changes `current`. */
  protected abstract send(current: Entry | null, payload: Payload): Promise<Sent>;
  /** Deletes the entry. */
  protected abstract deleteEntry(entry: Entry): Promise<{ response: Response }>;
  /** The form as it stands for `entry`, or empty for a new one. */
  protected abstract formValue(entry: Entry | null): Record<string, unknown>;

  error(field: string): string | null {
    const control = this.form.controls[field];
    if (control.hasError('server')) return control.getError('server') as string;
    if (!control.touched) return null;
    if (control.hasError('required')) return this.t('actionDialog.required');
    return null;
  }

  edit(entry: Entry): void {
    this.editing.set(entry);
    this.otherErrors.set([]);
    this.form.reset(this.formValue(entry));
  }

  reset(): void {
    this.editing.set(null);
    this.form.reset(this.formValue(null));
    this.otherErrors.set([]);
  }

  /** Sends `payload` (built from a valid form with a title of more than blanks); `null` leaves the form to show what is missing. */
  protected async saveWith(payload: () => Payload): Promise<void> {
    const title = this.form.controls['title'];
    if ((title.value as string).trim() === '') title.setValue('');
    if (this.form.invalid || (title.value as string).trim() === '') {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.otherErrors.set([]);
    try {
      const { data, error } = await this.send(this.editing(), payload());
      if (!data) {
        this.otherErrors.set(putFieldErrors(this.form, asProblem(error)));
        return;
      }
      this.notifier.info(`${this.kind}.saved` satisfies EntryMessage);
      this.reset();
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  async remove(entry: Entry): Promise<void> {
    this.busy.set(true);
    try {
      if ((await this.deleteEntry(entry)).response.ok) {
        if (this.editing()?.id === entry.id) this.reset();
        await this.load();
      }
    } finally {
      this.busy.set(false);
    }
  }

  /** Fetches the entries (each page's constructor starts it). */
  protected async load(): Promise<void> {
    try {
      // The departments to name them by: a supervisor's from the staff directory.
      const [entries, departments] = await Promise.all([this.fetch(), departmentNames(this.api, this.isAdmin())]);
      this.failed.set(!entries);
      this.entries.set(entries ?? []);
      this.departments.set(departments ?? []);
    } catch {
      this.failed.set(true);
    }
  }
}

const ADMIN_ENTRIES = new InjectionToken<AdminEntriesPage<AdminEntry, unknown>>('AdminEntriesPage');

/** In a snippets or macros page's `providers`: its list and form foot read the page itself. */
export function provideAdminEntries(page: () => Type<unknown>): Provider {
  return { provide: ADMIN_ENTRIES, useExisting: forwardRef(page) };
}

/**
 * The list of a snippets or macros page, on the page's own `<section>`: each entry's title, its
 * department and whether it is in use, what it holds, and — for an admin — Change and Delete.
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- on the page's own <section>, so the page's panel styles hold
  selector: 'section[okAdminEntryList]',
  imports: [MatButtonModule],
  host: { '[attr.aria-labelledby]': 'headingId' },
  template: `
    <h2 [id]="headingId" class="section-title">{{ t(key('list')) }}</h2>
    @if (page.failed()) {
      <p class="error-text" role="alert">{{ t(key('loadFailed')) }}</p>
    } @else if (page.entries().length === 0) {
      <p class="muted">{{ t(key('none')) }}</p>
    }
    <ul class="list">
      @for (e of page.entries(); track e.id) {
        <li [attr.data-snippet]="page.kind === 'snippets' ? e.title : null" [attr.data-macro]="page.kind === 'macros' ? e.title : null">
          <div class="meta">
            <strong>{{ e.title }}</strong>
            <span class="muted">{{ departmentName(e.departmentId) }} · {{ t(key(e.active ? 'on' : 'off')) }}</span>
            <span [class.lines]="page.keepLines">{{ page.detail(e) }}</span>
          </div>
          @if (page.isAdmin()) {
            <button mat-stroked-button type="button" [attr.aria-label]="t(key('editNamed'), { title: e.title })" (click)="page.edit(e)">{{ t(key('editButton')) }}</button>
            <button mat-button type="button" [disabled]="page.busy()" [attr.aria-label]="t(key('deleteNamed'), { title: e.title })" (click)="page.remove(e)">{{ t(key('delete')) }}</button>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .list { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
    .list li { display: flex; align-items: center; gap: 8px; }
    .meta { display: flex; flex-direction: column; flex: 1; min-width: 0; overflow-wrap: anywhere; }
    .lines { white-space: pre-wrap; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminEntryList {
  protected readonly page = inject(ADMIN_ENTRIES);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly headingId = `${this.page.kind}-list-heading`;

  protected key(name: EntrySuffix): EntryMessage {
    return `${this.page.kind}.${name}`;
  }

  protected departmentName(id: string | null): string {
    if (id === null) return this.t(this.key('everyDepartment'));
    const department = this.page.departments().find((d) => d.id === id);
    return department ? this.i18n.name(department) : id;
  }
}

/** The foot of a snippets or macros form: what no field shows, Cancel while changing an entry, and Save. */
@Component({
  selector: 'ok-admin-entry-form-foot',
  imports: [MatButtonModule],
  // Its parts stand in the form's own column, as if written there.
  host: { style: 'display: contents' },
  template: `
    @for (message of page.otherErrors(); track message) {
      <p class="error-text" role="alert">{{ message }}</p>
    }
    <div class="buttons">
      @if (page.editing()) {
        <button mat-button type="button" (click)="page.reset()">{{ t('actionDialog.cancel') }}</button>
      }
      <button mat-flat-button type="submit" [disabled]="page.busy()" [attr.data-testid]="saveTestId()">{{ t(saveLabel) }}</button>
    </div>
  `,
  styles: `
    .buttons { display: flex; gap: 8px; justify-content: flex-end; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminEntryFormFoot {
  protected readonly page = inject(ADMIN_ENTRIES);
  protected readonly t = inject(I18n).t;
  protected readonly saveLabel = `${this.page.kind}.save` satisfies EntryMessage;
  readonly saveTestId = input.required<string>();
}

/** The department field of a snippets or macros form: every department, or one. */
@Component({
  selector: 'ok-admin-entry-department',
  imports: [MatFormFieldModule, MatSelectModule, ReactiveFormsModule],
  host: { style: 'display: contents' },
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ t(departmentLabel) }}</mat-label>
      <mat-select [formControl]="control" [attr.data-testid]="testId()">
        <mat-option [value]="null">{{ t(everyDepartment) }}</mat-option>
        @for (d of page.departments(); track d.id) {
          <mat-option [value]="d.id">{{ i18n.name(d) }}</mat-option>
        }
      </mat-select>
      @if (page.error('departmentId'); as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    mat-form-field { width: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminEntryDepartment {
  protected readonly page = inject(ADMIN_ENTRIES);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly control = this.page.form.controls['departmentId'] as FormControl<string | null>;
  protected readonly departmentLabel = `${this.page.kind}.department` satisfies `${AdminEntryKind}.department`;
  protected readonly everyDepartment = `${this.page.kind}.everyDepartment` satisfies EntryMessage;
  readonly testId = input.required<string>();
}
