import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { AuthService } from '../../../core/auth/auth.service';
import { I18n } from '../../../core/i18n/i18n.service';
import { departmentNames, type DepartmentName } from './department-names';
import { problemText } from './problem-text';

type Rule = Schemas['RoutingRuleDto'];
type RuleInput = Schemas['RoutingRuleInputDto'];
type Category = Schemas['AdminCategoryDto'];
type AppealType = Schemas['AppealType'];
type Report = Schemas['RoutingReplayResultDto'];
type TestResult = Schemas['RoutingTestResultDto'];

interface RuleDraft {
  name: string;
  position: number;
  appealType: AppealType | '';
  categoryId: string;
  keywords: string;
  region: string;
  departmentId: string;
}


/**
 * Routing rules (admins; supervisors read those sending appeals into their subtree and may run
 * the tester, nothing more): the saved rules in the order they are tried; a new rule is first
 * replayed as a draft over the appeals of the last days (the report says how many would move,
 * from where to where) and then saved. The tester shows where a sample appeal goes and why.
 */
@Component({
  selector: 'ok-routing-page',
  imports: [MatButtonModule, MatTableModule],
  templateUrl: './routing.page.html',
  styleUrl: '../admin-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoutingPage {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  private readonly auth = inject(AuthService);
  /** Only admins change configuration; a supervisor sees the screen read-only. */
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly ruleColumns = computed(() => ['position', 'name', 'conditions', 'department', 'active', ...(this.isAdmin() ? ['actions'] : [])]);
  protected readonly moveColumns = ['from', 'to', 'count'];
  protected readonly exampleColumns = ['number', 'registeredAt', 'from', 'to', 'rule'];
  protected readonly rules = signal<Rule[]>([]);
  protected readonly categories = signal<Category[]>([]);
  protected readonly departments = signal<DepartmentName[]>([]);
  protected readonly types = signal<AppealType[]>([]);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly draft = signal<RuleDraft>({ name: '', position: 100, appealType: '', categoryId: '', keywords: '', region: '', departmentId: '' });
  protected readonly days = signal(30);
  protected readonly report = signal<Report | null>(null);
  protected readonly sample = signal<{ type: AppealType; categoryId: string; subject: string; text: string }>({ type: 'question', categoryId: '', subject: '', text: '' });
  protected readonly tested = signal<TestResult | null>(null);
  protected readonly topCategories = computed(() => this.categories().filter((c) => !c.parentId));

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.failed.set(false);
    try {
      const [rules, categories, departments, types] = await Promise.all([
        this.api.GET('/api/v1/admin/routing-rules'),
        this.api.GET('/api/v1/admin/categories'),
        departmentNames(this.api, this.isAdmin()),
        this.api.GET('/api/v1/catalog/appeal-types'),
      ]);
      if (!rules.data || !categories.data || !departments || !types.data) {
        this.failed.set(true);
        return;
      }
      this.rules.set(rules.data);
      this.categories.set(categories.data);
      this.departments.set(departments);
      this.types.set(types.data.map((x) => x.code));
    } catch {
      this.failed.set(true);
    }
  }

  protected departmentName(id: string | null): string {
    return id ? this.i18n.name(this.departments().find((d) => d.id === id)) || id : this.t('common.none');
  }

  protected conditions(rule: Rule): string {
    const parts: string[] = [];
    if (rule.appealType) parts.push(this.i18n.type(rule.appealType));
    const category = this.categories().find((c) => c.id === (rule.subcategoryId ?? rule.categoryId));
    if (category) parts.push(this.i18n.name(category));
    if (rule.region) parts.push(rule.region);
    if (rule.keywords.length) parts.push(rule.keywords.join(', '));
    return parts.join(' · ');
  }

  protected decidedBy(by: Schemas['RouteDecidedBy']): string {
    return this.t(`admin.routing.by.${by}`);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected setDraft<K extends keyof RuleDraft>(key: K, value: RuleDraft[K]): void {
    this.draft.update((d) => ({ ...d, [key]: value }));
  }

  protected setAppealType(value: string): void {
    this.setDraft('appealType', value === '' ? '' : (value as AppealType));
  }

  protected setSample(key: 'type' | 'categoryId' | 'subject' | 'text', value: string): void {
    this.sample.update((s) => ({ ...s, [key]: value }));
  }

  private draftInput(): RuleInput {
    const d = this.draft();
    return {
      position: Number(d.position) || 0,
      name: d.name,
      appealType: d.appealType || null,
      categoryId: d.categoryId || null,
      subcategoryId: null,
      region: d.region.trim() || null,
      keywords: d.keywords.split(',').map((k) => k.trim()).filter(Boolean),
      departmentId: d.departmentId,
      active: true,
    };
  }

  private savedInputs(): RuleInput[] {
    return this.rules().map(({ id: _id, ...rule }) => rule);
  }

  /** The saved rules plus the one in the form, replayed over the last days; nothing is saved. */
  protected async replay(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      const { data, error } = await this.api.POST('/api/v1/admin/routing-rules/replay', { body: { days: Number(this.days()) || 1, rules: [...this.savedInputs(), this.draftInput()] } });
      if (!data) return this.error.set(problemText(error));
      this.report.set(data);
    } finally {
      this.busy.set(false);
    }
  }

  protected async saveRule(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      const { data, error } = await this.api.POST('/api/v1/admin/routing-rules', { body: this.draftInput() });
      if (!data) return this.error.set(problemText(error));
      this.report.set(null);
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(rule: Rule): Promise<void> {
    this.busy.set(true);
    try {
      await this.api.DELETE('/api/v1/admin/routing-rules/{id}', { params: { path: { id: rule.id } } });
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  protected async test(): Promise<void> {
    const s = this.sample();
    this.busy.set(true);
    this.error.set('');
    try {
      const { data, error } = await this.api.POST('/api/v1/admin/routing-rules/test', { body: { type: s.type, categoryId: s.categoryId, subject: s.subject, text: s.text } });
      if (!data) return this.error.set(problemText(error));
      this.tested.set(data);
    } finally {
      this.busy.set(false);
    }
  }
}
