import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { FieldError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AppealRoutingSamples } from '../../appeals/appeal-routing-sample.repository';
import { CatalogService } from '../../catalog/catalog.service';
import { DepartmentTree } from '../../users/department-tree.repository';
import {
  RouteDecidedBy,
  RoutingReplayInputDto,
  RoutingReplayResultDto,
  RoutingRuleInputDto,
  RoutingTestInputDto,
  RoutingTestResultDto,
} from '../workflow-admin.dto';
import { RoutingRule } from './routing-rule.entity';
import { RoutableAppeal, ruleMatches, RoutingService } from './routing.service';

/** The most appeals one replay reads (newest first). */
export const REPLAY_LIMIT = 5000;
const REPLAY_EXAMPLES = 20;
const DAY_MS = 86_400_000;

type Rule = Pick<RoutingRule, 'appealType' | 'categoryId' | 'subcategoryId' | 'region' | 'keywords' | 'departmentId'> & { id: string | null; name: string };
interface Decision {
  departmentId: string | null;
  decidedBy: RouteDecidedBy;
  rule: Rule | null;
}

/**
 * The routing tester and the replay: the same matching as a filing (ruleMatches, then the
 * category tree, then the general pool), applied to a sample appeal or to a draft rule set over
 * the appeals of the last days. Nothing is written.
 */
@Injectable()
export class RoutingLabService {
  constructor(
    @InjectRepository(RoutingRule) private readonly own: Repository<RoutingRule>,
    private readonly routing: RoutingService,
    private readonly catalog: CatalogService,
    private readonly departments: DepartmentTree,
    private readonly samples: AppealRoutingSamples,
    private readonly clock: Clock,
  ) {}

  async test(dto: RoutingTestInputDto): Promise<RoutingTestResultDto> {
    const facts = await this.catalog.routingFacts(this.own.manager, dto.subcategoryId ?? dto.categoryId);
    const errors: FieldError[] = [];
    if (!facts) errors.push({ field: dto.subcategoryId ? 'subcategoryId' : 'categoryId', code: 'unknown_category', message: '' });
    else if (dto.subcategoryId && facts.categoryId !== dto.categoryId) errors.push({ field: 'subcategoryId', code: 'not_a_subcategory', message: '' });
    else if (!dto.subcategoryId && facts.subcategoryId) errors.push({ field: 'categoryId', code: 'unknown_category', message: 'a subcategory goes in subcategoryId' });
    if (errors.length) throw new ValidationFailedError(errors);
    const appeal: RoutableAppeal = {
      type: dto.type,
      categoryId: dto.categoryId,
      subcategoryId: dto.subcategoryId ?? null,
      subject: dto.subject ?? '',
      body: dto.text ?? '',
      extraFields: dto.extraFields ?? {},
      categoryDepartmentId: facts!.departmentId,
    };
    const decision = this.decide(await this.savedRules(), appeal, await this.poolId());
    const department = decision.departmentId ? await this.departments.known(decision.departmentId) : null;
    return {
      departmentId: decision.departmentId,
      departmentName: department?.nameRu ?? null,
      decidedBy: decision.decidedBy,
      ruleId: decision.rule?.id ?? null,
      ruleName: decision.rule?.name ?? null,
    };
  }

  /**
   * Replays a draft rule set over the appeals registered in the last `days` days (at most
   * REPLAY_LIMIT, newest first) and compares it with the saved rules: how many appeals would go
   * elsewhere, from which department to which, with examples. Cost: one index range scan of at
   * most REPLAY_LIMIT rows (appeals_registered), one read per distinct category, matching in memory.
   */
  async replay(dto: RoutingReplayInputDto, checkRule: (dto: RoutingRuleInputDto, prefix: string) => Promise<FieldError[]>): Promise<RoutingReplayResultDto> {
    const started = process.hrtime.bigint();
    const errors = (await Promise.all(dto.rules.map((r, i) => checkRule(r, `rules.${i}.`)))).flat();
    if (errors.length) throw new ValidationFailedError(errors);
    const draft: Rule[] = dto.rules
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.active ?? true)
      .sort((a, b) => a.r.position - b.r.position || a.i - b.i)
      .map(({ r }) => ({
        id: null,
        name: r.name,
        appealType: r.appealType ?? null,
        categoryId: r.categoryId ?? null,
        subcategoryId: r.subcategoryId ?? null,
        region: r.region ?? null,
        keywords: r.keywords ?? [],
        departmentId: r.departmentId,
      }));
    const saved = await this.savedRules();
    const pool = await this.poolId();
    const since = new Date(this.clock.now().getTime() - dto.days * DAY_MS);
    const rows = await this.samples.since(since, REPLAY_LIMIT + 1);
    const truncated = rows.length > REPLAY_LIMIT;
    const sample = rows.slice(0, REPLAY_LIMIT);
    const categoryDepartment = new Map<string, string | null>();
    const moves = new Map<string, { from: string | null; to: string | null; count: number }>();
    const examples: RoutingReplayResultDto['examples'] = [];
    let moved = 0;
    for (const a of sample) {
      const key = a.subcategoryId ?? a.categoryId;
      if (!categoryDepartment.has(key)) categoryDepartment.set(key, (await this.catalog.routingFacts(this.own.manager, key))?.departmentId ?? null);
      const appeal: RoutableAppeal = { ...a, categoryDepartmentId: categoryDepartment.get(key)! };
      const before = this.decide(saved, appeal, pool);
      const after = this.decide(draft, appeal, pool);
      if (before.departmentId === after.departmentId) continue;
      moved++;
      const k = `${before.departmentId}>${after.departmentId}`;
      const move = moves.get(k) ?? { from: before.departmentId, to: after.departmentId, count: 0 };
      move.count++;
      moves.set(k, move);
      if (examples.length < REPLAY_EXAMPLES) {
        examples.push({
          appealId: a.id,
          number: a.number,
          registeredAt: a.registeredAt.toISOString(),
          currentDepartmentId: a.departmentId,
          fromDepartmentId: before.departmentId,
          toDepartmentId: after.departmentId,
          ruleName: after.rule?.name ?? null,
        });
      }
    }
    const names = new Map([...(await this.departments.byId()).values()].map((d) => [d.id, d.nameRu]));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      since: since.toISOString(),
      days: dto.days,
      scanned: sample.length,
      limit: REPLAY_LIMIT,
      truncated,
      moved,
      unchanged: sample.length - moved,
      moves: [...moves.values()]
        .sort((a, b) => b.count - a.count)
        .map((m) => ({ fromDepartmentId: m.from, fromDepartmentName: m.from ? (names.get(m.from) ?? null) : null, toDepartmentId: m.to, toDepartmentName: m.to ? (names.get(m.to) ?? null) : null, count: m.count })),
      examples,
      cost: `${sample.length} appeals read by one index range scan (appeals_registered, at most ${REPLAY_LIMIT}), ${categoryDepartment.size} categories looked up, ${ms.toFixed(0)} ms`,
    };
  }

  private decide(rules: readonly Rule[], appeal: RoutableAppeal, pool: string | null): Decision {
    const rule = rules.find((r) => ruleMatches(r, appeal));
    if (rule) return { departmentId: rule.departmentId, decidedBy: RouteDecidedBy.Rule, rule };
    if (appeal.categoryDepartmentId) return { departmentId: appeal.categoryDepartmentId, decidedBy: RouteDecidedBy.Category, rule: null };
    return { departmentId: pool, decidedBy: RouteDecidedBy.GeneralPool, rule: null };
  }

  private async savedRules(): Promise<Rule[]> {
    return (await this.routing.list()).filter((r) => r.active);
  }

  private async poolId(): Promise<string | null> {
    return (await this.catalog.generalPool())?.id ?? null;
  }
}
