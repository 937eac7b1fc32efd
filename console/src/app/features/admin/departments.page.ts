import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { asProblem, fieldErrors, problemMessage } from '../../core/api/problem';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';

type Department = Schemas['AdminDepartmentDto'];
type StaffAccount = Schemas['StaffAccountDto'];
export interface TreeRow {
  department: Department;
  depth: number;
}

/** The departments in tree order (each parent before its children, siblings by name), with their depth. */
export function treeRows(all: Department[]): TreeRow[] {
  const byParent = new Map<string | null, Department[]>();
  const ids = new Set(all.map((d) => d.id));
  for (const d of all) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), d]);
  }
  const rows: TreeRow[] = [];
  const walk = (parent: string | null, depth: number, seen: Set<string>) => {
    for (const d of [...(byParent.get(parent) ?? [])].sort((a, b) => a.nameRu.localeCompare(b.nameRu, 'ru'))) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      rows.push({ department: d, depth });
      walk(d.id, depth + 1, seen);
    }
  };
  walk(null, 0, new Set());
  return rows;
}

/** The origins typed into the list, one a line: trimmed, blank lines dropped (the API checks each). */
export function originLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The department tree (admins change it; supervisors read): add a department under another,
 * rename or move the one chosen, name its head (one of its supervisors) and set its auto-assignment,
 * retire it when nothing depends on it (the API says what does). A top-level department is a body:
 * the admin lists the sites that may embed its citizen widget.
 */
@Component({
  selector: 'ok-departments-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './departments.page.html',
  styleUrl: './admin-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentsPage {
  private readonly api = inject(API);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly departments = signal<Department[]>([]);
  protected readonly rows = computed(() => treeRows(this.departments()));
  protected readonly live = computed(() => this.departments().filter((d) => !d.retiredAt));
  protected readonly selected = signal<Department | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly createErrors = signal<Record<string, string>>({});
  protected readonly editErrors = signal<Record<string, string>>({});
  protected readonly busy = signal(false);
  /** Who may head the chosen department: its supervisors who can sign in (the API checks the same). */
  protected readonly headCandidates = signal<StaffAccount[]>([]);
  /** The selected body's widget origins (null: not a body, or not loaded). */
  protected readonly origins = signal<string[] | null>(null);
  protected readonly originsError = signal<string | null>(null);
  protected readonly originsForm = this.fb.group({ origins: [''] });

  protected readonly createForm = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(/^[a-z0-9][a-z0-9-]{0,63}$/)]],
    nameRu: ['', [Validators.required, Validators.maxLength(200)]],
    nameEn: ['', [Validators.required, Validators.maxLength(200)]],
    parentId: [''],
  });
  protected readonly editForm = this.fb.group({
    nameRu: ['', [Validators.required, Validators.maxLength(200)]],
    nameEn: ['', [Validators.required, Validators.maxLength(200)]],
    parentId: [''],
    headId: [''],
    autoAssign: [false],
  });

  constructor() {
    void this.load();
  }

  protected choose(d: Department): void {
    this.selected.set(d);
    this.editErrors.set({});
    this.editForm.reset({ nameRu: d.nameRu, nameEn: d.nameEn, parentId: d.parentId ?? '', headId: d.headId ?? '', autoAssign: d.autoAssign });
    this.headCandidates.set([]);
    this.origins.set(null);
    this.originsError.set(null);
    if (this.isAdmin()) void this.loadHeadCandidates(d.id);
    if (this.isAdmin() && d.parentId === null && !d.retiredAt) void this.loadOrigins(d);
  }

  private async loadHeadCandidates(departmentId: string): Promise<void> {
    const { data } = await this.api.GET('/api/v1/admin/staff', { params: { query: { departmentId, role: 'supervisor', status: 'active', limit: 100 } } });
    if (data && this.selected()?.id === departmentId) this.headCandidates.set(data.items);
  }

  protected async saveOrigins(): Promise<void> {
    const d = this.selected();
    if (!d) return;
    this.originsError.set(null);
    await this.run(async () => {
      const { data, error } = await this.api.PUT('/api/v1/admin/departments/{id}/widget-origins', { params: { path: { id: d.id } }, body: { origins: originLines(this.originsForm.getRawValue().origins) } });
      if (!data) {
        const problem = asProblem(error);
        const fields = Object.values(fieldErrors(problem));
        this.originsError.set(fields.length ? fields.join('; ') : problem ? problemMessage(problem) : this.t('departments.failed'));
        return;
      }
      this.showOrigins(data.origins);
      this.notice.set(this.t('departments.widgetOriginsSaved', { name: this.i18n.name(d) }));
    });
  }

  private async loadOrigins(d: Department): Promise<void> {
    const { data } = await this.api.GET('/api/v1/admin/departments/{id}/widget-origins', { params: { path: { id: d.id } } });
    if (this.selected()?.id !== d.id) return;
    if (data) this.showOrigins(data.origins);
    else this.failure.set(this.t('departments.failed'));
  }

  private showOrigins(origins: string[]): void {
    this.origins.set(origins);
    this.originsForm.setValue({ origins: origins.join('\n') });
  }

  protected async create(): Promise<void> {
    this.createErrors.set({});
    if (this.createForm.invalid) {
      this.createForm.markAllAsTouched();
      return;
    }
    const v = this.createForm.getRawValue();
    await this.run(async () => {
      const { data, error } = await this.api.POST('/api/v1/admin/departments', { body: { code: v.code, nameRu: v.nameRu, nameEn: v.nameEn, parentId: v.parentId || null } });
      if (!data) return this.createErrors.set(fieldErrors(asProblem(error)));
      this.notice.set(this.t('departments.created', { name: this.i18n.name(data) }));
      this.createForm.reset({ code: '', nameRu: '', nameEn: '', parentId: '' });
      await this.load();
    });
  }

  protected async save(): Promise<void> {
    const d = this.selected();
    if (!d || this.editForm.invalid) return;
    const v = this.editForm.getRawValue();
    this.editErrors.set({});
    await this.run(async () => {
      const { data, error } = await this.api.PATCH('/api/v1/admin/departments/{id}', {
        params: { path: { id: d.id } },
        body: { nameRu: v.nameRu, nameEn: v.nameEn, parentId: v.parentId || null, headId: v.headId || null, autoAssign: v.autoAssign },
      });
      if (!data) return this.editErrors.set(fieldErrors(asProblem(error)));
      this.notice.set(this.t('departments.saved', { name: this.i18n.name(data) }));
      await this.load();
      this.choose(data);
    });
  }

  protected async retire(): Promise<void> {
    const d = this.selected();
    if (!d) return;
    await this.run(async () => {
      const { data, error } = await this.api.POST('/api/v1/admin/departments/{id}/retire', { params: { path: { id: d.id } } });
      if (!data) {
        const problem = asProblem(error);
        this.failure.set(problem ? problemMessage(problem) : this.t('departments.failed'));
        return;
      }
      this.notice.set(this.t('departments.retiredNotice', { name: this.i18n.name(data) }));
      await this.load();
      this.choose(data);
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    this.failure.set(null);
    try {
      await work();
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    const { data } = await this.api.GET('/api/v1/admin/departments');
    if (data) this.departments.set(data);
    else this.failure.set(this.t('departments.failed'));
  }
}
