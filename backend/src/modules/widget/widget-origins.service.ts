import { Inject, Injectable } from '@nestjs/common';
import { Expiring } from '../../common/cache/expiring';
import { Actor } from '../../common/http/actor';
import { DomainError, NotFoundError } from '../../common/problem/domain-error';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { SettingsChanges } from '../../database/settings-changes';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import { CategoryDto } from '../catalog/catalog.dto';
import { DepartmentInfo, DepartmentTree } from '../users/department-tree.repository';
import { WidgetBodyDto, WidgetOriginsDto } from './widget-origins.dto';
import { OriginLists, WidgetOriginsStore } from './widget-origins.repository';

/**
 * How long a process trusts its copies of the origin lists and the department tree while it
 * cannot hear SettingsChanges (a change is otherwise announced to every process at its commit).
 */
const CACHE_MS = 30_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The origins allowed to embed the citizen widget, and the checks that use them. A body (the
 * organisation a widget is embedded for) is a top-level department: the root of a department
 * tree. Each body has its admin-set list; the deployment-wide list (admin/widget-origins) is
 * allowed for every body. CORS of the widget's routes answers an origin some list names; a
 * filing through the widget, the widget's sign-in and the body's form then need the origin in
 * that body's list (or the deployment-wide one).
 */
@Injectable()
export class WidgetOriginsService {
  private readonly lists = new Expiring<OriginLists>(CACHE_MS);
  /** Origins of the platform's own apps (console, citizen app, CORS_ORIGINS): not widget callers. */
  private readonly own: Set<string>;

  constructor(
    private readonly store: WidgetOriginsStore,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly tree: DepartmentTree,
    private readonly catalog: CatalogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    changes: SettingsChanges,
  ) {
    changes.watch(['widget_origins', 'widget_body_origins'], () => this.lists.invalidate());
    this.own = new Set([...config.corsOrigins, new URL(config.publicUrl).origin, new URL(config.citizenAppUrl).origin]);
  }

  async list(): Promise<WidgetOriginsDto> {
    return { origins: await this.store.list() };
  }

  async replace(actor: Actor, dto: WidgetOriginsDto): Promise<WidgetOriginsDto> {
    const origins = normalise(dto.origins);
    await this.tx.run(async (manager) => {
      const before = await this.store.list(manager);
      await this.store.replace(manager, origins, actor.userId);
      await this.audit.record(manager, actor, { action: 'widget_origins.replace', entityType: 'widget_origins', entityId: null, details: { before, after: origins }, change: { before: { origins: before }, after: { origins } } });
    });
    this.lists.invalidate();
    return { origins };
  }

  /** One body's list (404 for an unknown department, 422 widget_body_invalid for one that is not a body). */
  async bodyOrigins(bodyId: string): Promise<WidgetOriginsDto> {
    await this.adminBody(bodyId);
    return { origins: await this.store.listForBody(bodyId) };
  }

  async replaceBodyOrigins(actor: Actor, bodyId: string, dto: WidgetOriginsDto): Promise<WidgetOriginsDto> {
    const origins = normalise(dto.origins);
    await this.tx.run(async (manager) => {
      const body = await this.tree.get(bodyId, manager, { lock: true });
      assertBody(body);
      const before = await this.store.listForBody(bodyId, manager);
      await this.store.replaceForBody(manager, bodyId, origins, actor.userId);
      await this.audit.record(manager, actor, {
        action: 'widget_origins.replace_body',
        entityType: 'department',
        entityId: bodyId,
        details: { body: body.code, before, after: origins },
        change: { before: { origins: before }, after: { origins } },
      });
    });
    this.lists.invalidate();
    return { origins };
  }

  /** Whether `origin` is one of the platform's own apps (its calls are not the widget's). */
  isOwn(origin: string): boolean {
    return this.own.has(origin);
  }

  /** CORS of the widget's routes: some list (the deployment-wide one or a body's) names the origin. */
  async isAllowed(origin: string): Promise<boolean> {
    return (await this.lists.get(() => this.store.all())).any.has(origin);
  }

  /** The origin may embed the widget for this body (its list, or the deployment-wide one). */
  async isAllowedFor(origin: string, bodyId: string): Promise<boolean> {
    const lists = await this.lists.get(() => this.store.all());
    return lists.defaults.has(origin) || (lists.byBody.get(bodyId)?.has(origin) ?? false);
  }

  /**
   * 403 widget_origin_not_allowed unless `origin` may embed the widget: for `body` (its code or
   * id; 404 when there is no such body) when given, else for some body.
   */
  async assertAllowed(origin: string, body?: string): Promise<void> {
    const allowed = body === undefined ? await this.isAllowed(origin) : await this.isAllowedFor(origin, (await this.publicBodyInfo(body)).id);
    if (!allowed) throw new DomainError(403, 'widget_origin_not_allowed');
  }

  /**
   * A filing from another site (the widget): the body its category routes to must allow the
   * origin. Calls without an Origin, from the platform's own apps, or naming no known category
   * (intake refuses those) pass.
   */
  async assertFilingAllowed(origin: string | undefined, categoryId: unknown, subcategoryId: unknown): Promise<void> {
    if (!origin || this.isOwn(origin)) return;
    const id = typeof subcategoryId === 'string' && UUID.test(subcategoryId) ? subcategoryId : categoryId;
    if (typeof id !== 'string' || !UUID.test(id)) return;
    const facts = await this.catalog.routingFacts(this.tx.manager, id);
    if (!facts) return;
    const department = facts.departmentId ?? (await this.catalog.generalPool())?.id ?? null;
    const body = department ? await this.rootOf(department) : null;
    if (!body || !(await this.isAllowedFor(origin, body))) throw new DomainError(403, 'widget_origin_not_allowed');
  }

  /**
   * What the widget mounted for `key` (a body's code or id) needs: the body, its categories (those
   * routed into its tree) and the form of the link to a citizen's appeal (as the notices give it).
   * `origin`: the embedding page's, which must be allowed for the body.
   */
  async publicBody(key: string, origin: string | undefined): Promise<WidgetBodyDto> {
    const body = await this.publicBodyInfo(key);
    if (origin && !this.isOwn(origin) && !(await this.isAllowedFor(origin, body.id))) throw new DomainError(403, 'widget_origin_not_allowed');
    const departments = await this.departmentMap();
    const pool = (await this.catalog.generalPool())?.id ?? null;
    const inBody = (departmentId: string | null) => {
      const target = departmentId ?? pool;
      return target !== null && this.root(departments, target) === body.id;
    };
    const pick = (list: CategoryDto[], inherited: string | null): CategoryDto[] =>
      list.flatMap((c) => {
        const department = c.departmentId ?? inherited;
        const children = pick(c.children, department);
        return inBody(department) || children.length ? [{ ...c, children }] : [];
      });
    return {
      code: body.code,
      nameRu: body.nameRu,
      nameEn: body.nameEn,
      categories: pick(await this.catalog.tree(), null),
      citizenAppealUrl: `${this.config.citizenAppUrl}/appeals/{number}`,
    };
  }

  /** The body (root department) a department belongs to. */
  async rootOf(departmentId: string): Promise<string | null> {
    return this.root(await this.departmentMap(), departmentId);
  }

  private root(departments: ReadonlyMap<string, Readonly<DepartmentInfo>>, id: string): string | null {
    let current = departments.get(id);
    for (let hops = 0; current?.parentId && hops < 1000; hops++) current = departments.get(current.parentId);
    return current?.id ?? null;
  }

  private departmentMap(): Promise<ReadonlyMap<string, Readonly<DepartmentInfo>>> {
    return this.tree.byId();
  }

  private async adminBody(id: string): Promise<DepartmentInfo> {
    const body = await this.tree.get(id);
    assertBody(body);
    return body;
  }

  /** A live body by code or id, as the widget names it; 404 otherwise. */
  private async publicBodyInfo(key: string): Promise<DepartmentInfo> {
    const departments = await this.departmentMap();
    const body = UUID.test(key) ? departments.get(key) : [...departments.values()].find((d) => d.code === key);
    if (!body || body.parentId !== null || body.retiredAt) throw new NotFoundError('body');
    return body;
  }
}

function normalise(origins: string[]): string[] {
  return [...new Set(origins)].sort();
}

function assertBody(department: DepartmentInfo | null): asserts department is DepartmentInfo {
  if (!department) throw new NotFoundError('department');
  if (department.parentId !== null || department.retiredAt) throw new DomainError(422, 'widget_body_invalid', { code: department.code });
}
