import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Role } from '@otklik/shared/domain';
import { Actor } from '../../common/http/actor';
import { DomainError, FieldError, NotFoundError, ValidationFailedError } from '../../common/problem/domain-error';
import { AppealAccess } from '../appeals/appeal-access.service';
import { AuditService } from '../audit/audit.service';
import { isTimeZone } from '../audit/working-hours';
import { CatalogService } from '../catalog/catalog.service';
import { configScope, withinScope } from '../users/config-scope';
import { DepartmentInfo, DepartmentTree } from '../users/department-tree.repository';
import { DepartmentDto } from '../users/users.dto';
import { RoutingRule } from './routing/routing-rule.entity';
import { RoutingService } from './routing/routing.service';
import { RoutingLabService } from './routing/routing-lab.service';
import { AnswerTemplate } from './templates/answer-template.entity';
import {
  AnswerTemplateDto,
  AnswerTemplateInputDto,
  AdminDepartmentDto,
  DepartmentSettingsDto,
  RoutingReplayInputDto,
  RoutingReplayResultDto,
  RoutingRuleDto,
  RoutingRuleInputDto,
  RoutingTestInputDto,
  RoutingTestResultDto,
} from './workflow-admin.dto';
import { DepartmentAdminService, departmentDto } from './department-admin.service';

const ruleDto = (r: RoutingRule): RoutingRuleDto => ({
  id: r.id,
  position: r.position,
  name: r.name,
  appealType: r.appealType,
  categoryId: r.categoryId,
  subcategoryId: r.subcategoryId,
  region: r.region,
  keywords: r.keywords,
  departmentId: r.departmentId,
  active: r.active,
});
const templateDto = (t: AnswerTemplate): AnswerTemplateDto => ({ id: t.id, title: t.title, body: t.body, result: t.result, departmentId: t.departmentId, active: t.active });
/** What an audit row compares of a rule or a template, before → after (the id is the row's entity). */
const ruleFields = (r: RoutingRule): Record<string, unknown> => {
  const { id: _id, ...fields } = ruleDto(r);
  return fields;
};
const templateFields = (t: AnswerTemplate): Record<string, unknown> => {
  const { id: _id, ...fields } = templateDto(t);
  return fields;
};

/** What an admin changes of a department, as its audit row's before → after. */
const settingsOf = (d: DepartmentInfo) => ({
  nameRu: d.nameRu,
  nameEn: d.nameEn,
  parentId: d.parentId,
  autoAssign: d.autoAssign,
  approvalRequiredFor: d.approvalRequiredFor,
  workingHours: d.workingHours ?? null,
  headId: d.headId ?? null,
});

/** Admin management of routing rules, answer templates and department assignment settings; every change is audited. */
@Injectable()
export class WorkflowAdminService {
  constructor(
    @InjectRepository(RoutingRule) private readonly own: Repository<RoutingRule>,
    private readonly routing: RoutingService,
    private readonly audit: AuditService,
    private readonly access: AppealAccess,
    private readonly departmentTree: DepartmentTree,
    private readonly catalog: CatalogService,
    private readonly lab: RoutingLabService,
    private readonly departmentAdmin: DepartmentAdminService,
  ) {}

  /** Admins: every rule. Supervisors: the rules that send appeals into their department subtree (read-only). */
  async rules(actor: Actor): Promise<RoutingRuleDto[]> {
    return withinScope(await this.routing.list(), await configScope(actor, this.departmentTree)).map(ruleDto);
  }

  async saveRule(actor: Actor, dto: RoutingRuleInputDto, id?: string): Promise<RoutingRuleDto> {
    return this.own.manager.transaction(async (manager) => {
      const rule = id ? await manager.findOne(RoutingRule, { where: { id }, lock: { mode: 'pessimistic_write' } }) : manager.create(RoutingRule, {});
      if (!rule) throw new NotFoundError('routing_rule');
      await this.checkRule(manager, dto);
      const before = id ? ruleFields(rule) : null;
      Object.assign(rule, {
        position: dto.position,
        name: dto.name,
        appealType: dto.appealType ?? null,
        categoryId: dto.categoryId ?? null,
        subcategoryId: dto.subcategoryId ?? null,
        region: dto.region ?? null,
        keywords: dto.keywords ?? [],
        departmentId: dto.departmentId,
        active: dto.active ?? true,
      });
      const saved = await manager.save(RoutingRule, rule);
      await this.audit.record(manager, actor, {
        action: id ? 'routing_rule.update' : 'routing_rule.create',
        entityType: 'routing_rule',
        entityId: saved.id,
        details: { ...ruleDto(saved) },
        change: { before, after: ruleFields(saved) },
      });
      this.routing.invalidate();
      return ruleDto(saved);
    });
  }

  async deleteRule(actor: Actor, id: string): Promise<void> {
    await this.own.manager.transaction(async (manager) => {
      const rule = await manager.findOne(RoutingRule, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!rule) throw new NotFoundError('routing_rule');
      await manager.delete(RoutingRule, { id });
      await this.audit.record(manager, actor, { action: 'routing_rule.delete', entityType: 'routing_rule', entityId: id, change: { before: ruleFields(rule), after: null } });
    });
    this.routing.invalidate();
  }

  /**
   * Admins see every template; a supervisor the global ones (their departments use them) and
   * those of their department subtree. Others' templates are not shown at all.
   */
  async templates(actor: Actor): Promise<AnswerTemplateDto[]> {
    const rows = await this.own.manager.getRepository(AnswerTemplate).find({ order: { title: 'ASC' } });
    return withinScope(rows, await configScope(actor, this.departmentTree)).map(templateDto);
  }

  async saveTemplate(actor: Actor, dto: AnswerTemplateInputDto, id?: string): Promise<AnswerTemplateDto> {
    return this.own.manager.transaction(async (manager) => {
      const scope = await this.templateScope(actor, manager);
      const template = id ? await this.writableTemplate(manager, scope, id) : manager.create(AnswerTemplate, {});
      const before = id ? templateFields(template) : null;
      const departmentId = dto.departmentId ?? null;
      // Moving a template to (or creating it for) every department is the admins' call.
      if (scope !== 'all' && departmentId === null) throw new DomainError(403, 'answer_template_out_of_scope');
      // A department outside the supervisor's subtree reads as one that does not exist.
      const departmentKnown = departmentId === null || (scope === 'all' ? await this.departmentTree.exists(departmentId, manager) : scope.includes(departmentId));
      if (!departmentKnown) throw new ValidationFailedError([{ field: 'departmentId', code: 'invalid_department', message: '' }]);
      Object.assign(template, { title: dto.title, body: dto.body, result: dto.result ?? null, departmentId, active: dto.active ?? true });
      const saved = await manager.save(AnswerTemplate, template);
      await this.audit.record(manager, actor, {
        action: id ? 'answer_template.update' : 'answer_template.create',
        entityType: 'answer_template',
        entityId: saved.id,
        details: { title: saved.title },
        change: { before, after: templateFields(saved) },
      });
      return templateDto(saved);
    });
  }

  async deleteTemplate(actor: Actor, id: string): Promise<void> {
    await this.own.manager.transaction(async (manager) => {
      const template = await this.writableTemplate(manager, await this.templateScope(actor, manager), id);
      await manager.delete(AnswerTemplate, { id: template.id });
      await this.audit.record(manager, actor, { action: 'answer_template.delete', entityType: 'answer_template', entityId: id, details: { title: template.title }, change: { before: templateFields(template), after: null } });
    });
  }

  /** Which departments' templates the actor manages: every one (and the global ones) for admins, else the supervisor's subtree. */
  private async templateScope(actor: Actor, manager: EntityManager): Promise<'all' | string[]> {
    return actor.role === Role.Admin ? 'all' : this.access.departmentScope(actor, manager);
  }

  /**
   * A template the actor may change, locked for the change. A global one is visible to a
   * supervisor but only admins change it (403); another subtree's is a 404, like a missing one.
   */
  private async writableTemplate(manager: EntityManager, scope: 'all' | string[], id: string): Promise<AnswerTemplate> {
    const template = await manager.getRepository(AnswerTemplate).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
    if (!template) throw new NotFoundError('answer_template');
    if (scope === 'all') return template;
    if (template.departmentId === null) throw new DomainError(403, 'answer_template_out_of_scope');
    if (!scope.includes(template.departmentId)) throw new NotFoundError('answer_template');
    return template;
  }

  /** Admins: every department. Supervisors read (never change) their own department's subtree, nothing else. */
  async departments(actor: Actor): Promise<AdminDepartmentDto[]> {
    const all = await this.allDepartments();
    const scope = await configScope(actor, this.departmentTree);
    return (scope === 'all' ? all : all.filter((d) => scope.has(d.id))).map(departmentDto);
  }

  /** The organisation as staff see it (redirect targets, the hierarchy), without admin settings. */
  async directory(): Promise<DepartmentDto[]> {
    return (await this.allDepartments()).map((d) => DepartmentDto.from(d));
  }

  private allDepartments(): Promise<DepartmentInfo[]> {
    return this.departmentTree.list();
  }

  async updateDepartment(actor: Actor, id: string, dto: DepartmentSettingsDto): Promise<AdminDepartmentDto> {
    return this.own.manager.transaction(async (manager) => {
      const department = await this.departmentTree.get(id, manager, { lock: true });
      if (!department) throw new NotFoundError('department');
      const before = settingsOf(department);
      if (dto.workingHours && !isTimeZone(dto.workingHours.timeZone)) {
        throw new ValidationFailedError([{ field: 'workingHours.timeZone', code: 'invalid_time_zone', message: 'not an IANA time zone' }]);
      }
      if (dto.headId && dto.headId !== department.headId && !(await this.departmentTree.canHead(dto.headId, id, manager))) {
        throw new ValidationFailedError([{ field: 'headId', code: 'invalid_department_head', message: 'not an active supervisor of this department' }]);
      }
      if (dto.parentId !== undefined && dto.parentId !== department.parentId) await this.departmentAdmin.checkParent(manager, dto.parentId, id);
      if (dto.nameRu !== undefined) department.nameRu = dto.nameRu;
      if (dto.nameEn !== undefined) department.nameEn = dto.nameEn;
      if (dto.parentId !== undefined) department.parentId = dto.parentId;
      if (dto.autoAssign !== undefined) department.autoAssign = dto.autoAssign;
      if (dto.approvalRequiredFor !== undefined) department.approvalRequiredFor = [...new Set(dto.approvalRequiredFor)];
      if (dto.headId !== undefined) department.headId = dto.headId;
      if (dto.workingHours !== undefined) department.workingHours = dto.workingHours && { days: [...dto.workingHours.days].sort((a, b) => a - b), from: dto.workingHours.from, to: dto.workingHours.to, timeZone: dto.workingHours.timeZone };
      const after = settingsOf(department);
      await this.departmentTree.update(manager, id, after);
      await this.audit.record(manager, actor, {
        action: 'department.update',
        entityType: 'department',
        entityId: id,
        details: { before, autoAssign: department.autoAssign, approvalRequiredFor: department.approvalRequiredFor },
        change: { before, after },
      });
      return departmentDto(department);
    }).finally(() => this.departmentTree.forget());
  }

  /** Foreign keys the client names must exist and fit together (a 422 naming the field, not a 500). */
  private async checkRule(manager: EntityManager, dto: RoutingRuleInputDto): Promise<void> {
    const errors = await this.ruleErrors(manager, dto);
    if (errors.length) throw new ValidationFailedError(errors);
  }

  /** What is wrong with a rule (fields named with `prefix`, as a draft set's `rules.3.`). */
  async ruleErrors(manager: EntityManager, dto: RoutingRuleInputDto, prefix = ''): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (!(await this.departmentTree.exists(dto.departmentId, manager))) errors.push({ field: `${prefix}departmentId`, code: 'invalid_department', message: '' });
    const category = dto.categoryId ? await this.catalog.find(manager, dto.categoryId) : null;
    if (dto.categoryId && (!category || category.parentId !== null)) errors.push({ field: `${prefix}categoryId`, code: 'unknown_category', message: '' });
    if (dto.subcategoryId) {
      const sub = await this.catalog.find(manager, dto.subcategoryId);
      if (!sub || sub.parentId === null || (dto.categoryId && sub.parentId !== dto.categoryId)) errors.push({ field: `${prefix}subcategoryId`, code: 'not_a_subcategory', message: '' });
    }
    if (!dto.appealType && !dto.categoryId && !dto.subcategoryId && !dto.region && !(dto.keywords ?? []).length) {
      errors.push({ field: `${prefix}keywords`, code: 'rule_without_conditions', message: 'a rule needs at least one condition' });
    }
    return errors;
  }

  /** The routing tester: where the saved rules send a sample appeal, and why. */
  testRouting(dto: RoutingTestInputDto): Promise<RoutingTestResultDto> {
    return this.lab.test(dto);
  }

  /** Replays a draft rule set over the appeals of the last days; nothing is saved. */
  replayRouting(dto: RoutingReplayInputDto): Promise<RoutingReplayResultDto> {
    return this.lab.replay(dto, (rule, prefix) => this.ruleErrors(this.own.manager, rule, prefix));
  }
}
