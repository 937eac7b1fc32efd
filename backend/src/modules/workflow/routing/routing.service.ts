import { Expiring } from '../../../common/cache/expiring';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AppealType } from '@otklik/shared/domain';
import { CATALOG_CACHE_MS, CatalogService } from '../../catalog/catalog.service';
import { RoutingRule } from './routing-rule.entity';
import { SettingsChanges } from '../../../database/settings-changes';

/** What routing looks at in an appeal. */
export interface RoutableAppeal {
  type: AppealType;
  categoryId: string;
  subcategoryId: string | null;
  subject: string;
  body: string;
  extraFields: Record<string, unknown>;
  /** The department the category tree names (subcategory first), if any. */
  categoryDepartmentId: string | null;
}

export interface RouteDecision {
  departmentId: string | null;
  /** The rule that matched; null when the category (or the pool) decided. */
  ruleId: string | null;
}

/** Whether every condition the rule states holds for the appeal (conditions it leaves empty match anything). */
export function ruleMatches(rule: Pick<RoutingRule, 'appealType' | 'categoryId' | 'subcategoryId' | 'region' | 'keywords'>, appeal: RoutableAppeal): boolean {
  if (rule.appealType && rule.appealType !== appeal.type) return false;
  if (rule.categoryId && rule.categoryId !== appeal.categoryId) return false;
  if (rule.subcategoryId && rule.subcategoryId !== appeal.subcategoryId) return false;
  if (rule.region) {
    const region = appeal.extraFields?.region;
    if (typeof region !== 'string' || region.trim().toLocaleLowerCase('ru') !== rule.region.trim().toLocaleLowerCase('ru')) return false;
  }
  if (rule.keywords.length > 0) {
    const text = `${appeal.subject}\n${appeal.body}`.toLocaleLowerCase('ru');
    if (!rule.keywords.some((k) => text.includes(k.toLocaleLowerCase('ru')))) return false;
  }
  return true;
}

/**
 * Routing: the admin's ordered rules first, then the category's department, then the general
 * pool. Rules are read on every filing, so each process keeps them; a change reaches every
 * process at its commit (SettingsChanges), and CATALOG_CACHE_MS bounds it while one cannot hear.
 */
@Injectable()
export class RoutingService {
  private readonly rules = new Expiring<RoutingRule[]>(CATALOG_CACHE_MS);

  constructor(
    @InjectRepository(RoutingRule) private readonly own: Repository<RoutingRule>,
    private readonly catalog: CatalogService,
    changes: SettingsChanges,
  ) {
    changes.watch(['routing_rules'], () => this.invalidate());
  }

  async route(manager: EntityManager, appeal: RoutableAppeal): Promise<RouteDecision> {
    const rule = (await this.activeRules(manager)).find((r) => ruleMatches(r, appeal));
    if (rule) return { departmentId: rule.departmentId, ruleId: rule.id };
    if (appeal.categoryDepartmentId) return { departmentId: appeal.categoryDepartmentId, ruleId: null };
    return { departmentId: (await this.catalog.generalPool())?.id ?? null, ruleId: null };
  }

  invalidate(): void {
    this.rules.invalidate();
  }

  private async activeRules(manager: EntityManager): Promise<RoutingRule[]> {
    return this.rules.get(() => manager.find(RoutingRule, { where: { active: true }, order: { position: 'ASC', createdAt: 'ASC' } }));
  }

  list(): Promise<RoutingRule[]> {
    return this.own.manager.getRepository(RoutingRule).find({ order: { position: 'ASC', createdAt: 'ASC' } });
  }
}
