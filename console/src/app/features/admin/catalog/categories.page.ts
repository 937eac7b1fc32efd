import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { AuthService } from '../../../core/auth/auth.service';
import { I18n } from '../../../core/i18n/i18n.service';
import { departmentNames, type DepartmentName } from './department-names';
import { problemText } from './problem-text';
import { emptyField, FIELD_KINDS, formProblems, fromSchema, toSchema, type FieldKind, type FormField } from './form-schema';

type Category = Schemas['AdminCategoryDto'];
type AppealType = Schemas['AppealType'];

interface Draft {
  id: string | null;
  code: string;
  nameRu: string;
  nameEn: string;
  parentId: string | null;
  appealTypes: AppealType[];
  departmentId: string | null;
  priority: boolean;
  totkCode: string;
}

interface Row {
  category: Category;
  depth: number;
  first: boolean;
  last: boolean;
}


/**
 * Categories and subcategories (admins): the tree in its order, each with its form version; one at
 * a time is edited, with the form builder for its extra fields and a live preview of the form a
 * citizen app renders from the schema it produces.
 */
@Component({
  selector: 'ok-categories-page',
  imports: [MatButtonModule, MatTableModule],
  templateUrl: './categories.page.html',
  styleUrl: '../admin-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoriesPage {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly kinds = FIELD_KINDS;

  private readonly auth = inject(AuthService);
  /** Only admins change the catalogue; a supervisor reads it (the form opens disabled, nothing to save). */
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly columns = computed(() => [...(this.isAdmin() ? ['order'] : []), 'code', 'name', 'types', 'department', 'version', 'state', 'actions']);
  protected readonly categories = signal<Category[]>([]);
  protected readonly departments = signal<DepartmentName[]>([]);
  protected readonly types = signal<AppealType[]>([]);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly saved = signal('');
  protected readonly draft = signal<Draft | null>(null);
  protected readonly fields = signal<FormField[]>([]);
  private originalSchema = 'null';

  protected readonly rows = computed<Row[]>(() => {
    const all = this.categories();
    const byOrder = (a: Category, b: Category) => a.sortOrder - b.sortOrder || a.nameRu.localeCompare(b.nameRu);
    const top = all.filter((c) => !c.parentId).sort(byOrder);
    return top.flatMap((c, i) => {
      const children = all.filter((s) => s.parentId === c.id).sort(byOrder);
      return [
        { category: c, depth: 0, first: i === 0, last: i === top.length - 1 },
        ...children.map((s, j) => ({ category: s, depth: 1, first: j === 0, last: j === children.length - 1 })),
      ];
    });
  });
  protected readonly parents = computed(() => this.categories().filter((c) => !c.parentId && c.id !== this.draft()?.id));
  protected readonly schema = computed(() => toSchema(this.fields()));
  protected readonly schemaText = computed(() => JSON.stringify(this.schema(), null, 2));
  protected readonly problems = computed(() => formProblems(this.fields()));

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.failed.set(false);
    try {
      const [categories, departments, types] = await Promise.all([
        this.api.GET('/api/v1/admin/categories'),
        departmentNames(this.api, this.isAdmin()),
        this.api.GET('/api/v1/catalog/appeal-types'),
      ]);
      if (!categories.data || !departments || !types.data) {
        this.failed.set(true);
        return;
      }
      this.categories.set(categories.data);
      this.departments.set(departments);
      this.types.set(types.data.filter((x) => x.intake).map((x) => x.code));
    } catch {
      this.failed.set(true);
    }
  }

  protected departmentName(id: string | null): string {
    if (!id) return this.t('admin.categories.inherited');
    return this.i18n.name(this.departments().find((d) => d.id === id)) || id;
  }

  protected create(): void {
    this.open(null);
  }

  protected open(category: Category | null): void {
    this.error.set('');
    this.saved.set('');
    this.draft.set(
      category
        ? {
            id: category.id,
            code: category.code,
            nameRu: category.nameRu,
            nameEn: category.nameEn,
            parentId: category.parentId,
            appealTypes: [...category.appealTypes],
            departmentId: category.departmentId,
            priority: category.priority,
            totkCode: category.totkCode ?? '',
          }
        : { id: null, code: '', nameRu: '', nameEn: '', parentId: null, appealTypes: this.types().filter((x) => x !== 'gratitude'), departmentId: null, priority: false, totkCode: '' },
    );
    this.fields.set(fromSchema(category?.extraFieldsSchema));
    this.originalSchema = JSON.stringify(toSchema(this.fields()));
  }

  protected close(): void {
    this.draft.set(null);
  }

  protected set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft.update((d) => (d ? { ...d, [key]: value } : d));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected toggleType(type: AppealType, on: boolean): void {
    this.draft.update((d) => (d ? { ...d, appealTypes: on ? [...new Set([...d.appealTypes, type])] : d.appealTypes.filter((x) => x !== type) } : d));
  }

  protected addField(): void {
    this.fields.update((all) => [...all, emptyField(all.length + 1)]);
  }

  protected removeField(index: number): void {
    this.fields.update((all) => all.filter((_, i) => i !== index));
  }

  protected setField<K extends keyof FormField>(index: number, key: K, value: FormField[K]): void {
    this.fields.update((all) => all.map((f, i) => (i === index ? { ...f, [key]: value } : f)));
  }

  /** A preview field's label: its title, marked when required. */
  protected previewLabel(field: FormField): string {
    const title = field.title || field.name;
    return field.required ? `${title} * (${this.t('admin.categories.fieldRequired')})` : title;
  }

  protected kindLabel(kind: FieldKind): string {
    return this.t(`admin.kind.${kind}` as const);
  }

  protected kind(event: Event): FieldKind {
    return (event.target as HTMLSelectElement).value as FieldKind;
  }

  protected options(field: FormField): string[] {
    return [...new Set(field.options.split('\n').map((o) => o.trim()).filter(Boolean))];
  }

  protected async save(): Promise<void> {
    const d = this.draft();
    if (!d || this.problems().length) return;
    this.busy.set(true);
    this.error.set('');
    this.saved.set('');
    try {
      const schema = this.schema();
      const common = {
        nameRu: d.nameRu,
        nameEn: d.nameEn,
        appealTypes: d.appealTypes.length ? d.appealTypes : null,
        departmentId: d.departmentId,
        priority: d.priority,
        totkCode: d.totkCode.trim() || null,
      };
      let result: Category | undefined;
      if (!d.id) {
        const { data, error } = await this.api.POST('/api/v1/admin/categories', { body: { ...common, code: d.code, parentId: d.parentId, extraFieldsSchema: schema } });
        if (!data) return this.error.set(problemText(error));
        result = data;
      } else {
        const { data, error } = await this.api.PATCH('/api/v1/admin/categories/{id}', { params: { path: { id: d.id } }, body: common });
        if (!data) return this.error.set(problemText(error));
        result = data;
        if (JSON.stringify(schema) !== this.originalSchema) {
          const res = await this.api.PUT('/api/v1/admin/categories/{id}/schema', { params: { path: { id: d.id } }, body: { schema } });
          if (!res.data) return this.error.set(problemText(res.error));
          result = res.data;
        }
      }
      await this.load();
      this.open(result);
      this.saved.set(this.t('admin.categories.saved', { version: result.schemaVersion ?? '—' }));
    } finally {
      this.busy.set(false);
    }
  }

  protected async setActive(category: Category, active: boolean): Promise<void> {
    this.busy.set(true);
    try {
      const path = { params: { path: { id: category.id } } };
      const { error } = active ? await this.api.POST('/api/v1/admin/categories/{id}/reinstate', path) : await this.api.POST('/api/v1/admin/categories/{id}/retire', path);
      if (error) this.error.set(problemText(error));
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  /** Moves a category one place up or down among its siblings. */
  protected async move(category: Category, step: -1 | 1): Promise<void> {
    const siblings = this.rows()
      .map((r) => r.category)
      .filter((c) => c.parentId === category.parentId);
    const ids = siblings.map((c) => c.id);
    const at = ids.indexOf(category.id);
    const to = at + step;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to], ids[at]];
    this.busy.set(true);
    try {
      const { error } = await this.api.POST('/api/v1/admin/categories/reorder', { body: { parentId: category.parentId, ids } });
      if (error) this.error.set(problemText(error));
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }
}
