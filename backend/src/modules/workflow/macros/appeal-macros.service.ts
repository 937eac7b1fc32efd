import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { moscowDate } from '@otklik/shared/domain';
import { Clock } from '../../../common/clock/clock';
import { Actor } from '../../../common/http/actor';
import { IdempotencyService, IdempotentRequest } from '../../../common/idempotency/idempotency.service';
import { DomainError, FieldError, NotFoundError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AppealMessagesService } from '../../appeals/appeal-messages.service';
import { AppealStore, assertVersion } from '../../appeals/appeal.repository';
import { toSummary } from '../../appeals/appeal.mapper';
import { AppealSummaryDto } from '../../appeals/dto/appeal-output.dto';
import { AuditService } from '../../audit/audit.service';
import { configScope, withinScope } from '../../users/config-scope';
import { DepartmentTree } from '../../users/department-tree.repository';
import { STAFF_HANDLERS } from '../actions/staff/staff-actions.service';
import { StaffRouteHandler } from '../actions/staff/staff-handlers';
import { TransitionRunner } from '../actions/transition-runner';
import { SlaService } from '../sla/sla.service';
import { AppealMacro } from './appeal-macro.entity';
import { AppealMacroDto, AppealMacroInputDto, ApplyMacroDto, macroDto } from './appeal-macro.dto';
import { MACRO_STEP_ACTION, MacroStep } from './macro-step';
import { isFieldError, Reclassification } from '../actions/reclassification';

/** What an audit row compares of a macro, before → after (the id is the row's entity). */
const fields = (m: AppealMacro): Record<string, unknown> => {
  const { id: _id, ...rest } = macroDto(m);
  return rest;
};

/** The step name a failure names: an action step, or the note. */
type AppliedStep = MacroStep | 'note';

/**
 * Macros: admins keep them (every change audited before → after); staff apply one to an appeal
 * its department may use. Applying runs each step through the transition runner — the same
 * checks, history, audit and outbox rows as the action route — and the note through the thread,
 * all in one transaction: a step the appeal does not admit refuses the whole macro.
 */
@Injectable()
export class AppealMacrosService {
  private readonly handlers: ReadonlyMap<string, StaffRouteHandler>;

  constructor(
    @InjectRepository(AppealMacro) private readonly own: Repository<AppealMacro>,
    @Inject(STAFF_HANDLERS) handlers: StaffRouteHandler[],
    private readonly runner: TransitionRunner,
    private readonly store: AppealStore,
    private readonly thread: AppealMessagesService,
    private readonly audit: AuditService,
    private readonly departments: DepartmentTree,
    private readonly idempotency: IdempotencyService,
    private readonly sla: SlaService,
    private readonly clock: Clock,
    private readonly reclassification: Reclassification,
  ) {
    this.handlers = new Map(handlers.map((h) => [h.action, h]));
  }

  /** Admins: every macro. Supervisors: the common ones and their department subtree's (read-only). */
  async list(actor: Actor): Promise<AppealMacroDto[]> {
    return withinScope(await this.own.find({ order: { title: 'ASC' } }), await configScope(actor, this.departments)).map(macroDto);
  }

  save(actor: Actor, dto: AppealMacroInputDto, id?: string): Promise<AppealMacroDto> {
    const steps = dto.steps ?? [];
    const note = dto.note || null;
    const needsDocuments = steps.includes(MacroStep.RequestDocuments);
    const errors: FieldError[] = [];
    if (steps.length === 0 && !note) errors.push({ field: 'steps', code: 'macro_empty', message: 'a macro runs at least one action or adds a note' });
    if (needsDocuments && !dto.documents?.length) errors.push({ field: 'documents', code: 'isNotEmpty', message: '' });
    if (needsDocuments && !dto.documentsDueInDays) errors.push({ field: 'documentsDueInDays', code: 'isNotEmpty', message: '' });
    const setsPriority = steps.includes(MacroStep.SetPriority);
    const setsCategory = steps.includes(MacroStep.SetCategory);
    if (setsPriority && !dto.priority) errors.push({ field: 'priority', code: 'isNotEmpty', message: '' });
    if (setsCategory && !dto.categoryId) errors.push({ field: 'categoryId', code: 'isNotEmpty', message: '' });
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return this.own.manager.transaction(async (manager) => {
      // Whether it serves the appeal's type is known when applied (the action refuses it then).
      const category = setsCategory ? await this.reclassification.resolve(manager, dto.categoryId!, null, 'categoryId') : null;
      if (category && isFieldError(category)) throw new ValidationFailedError([category]);
      const macro = id ? await this.locked(manager, id) : manager.create(AppealMacro, {});
      const before = id ? fields(macro) : null;
      const departmentId = dto.departmentId ?? null;
      if (departmentId !== null && !(await this.departments.exists(departmentId, manager))) {
        throw new ValidationFailedError([{ field: 'departmentId', code: 'invalid_department', message: '' }]);
      }
      Object.assign(macro, {
        title: dto.title,
        departmentId,
        active: dto.active ?? true,
        steps,
        comment: dto.comment || null,
        documents: needsDocuments ? dto.documents! : [],
        documentsDueInDays: needsDocuments ? dto.documentsDueInDays! : null,
        priority: setsPriority ? dto.priority! : null,
        categoryId: setsCategory ? dto.categoryId! : null,
        note,
      });
      const saved = await manager.save(AppealMacro, macro);
      await this.audit.record(manager, actor, {
        action: id ? 'appeal_macro.update' : 'appeal_macro.create',
        entityType: 'appeal_macro',
        entityId: saved.id,
        details: { title: saved.title },
        change: { before, after: fields(saved) },
      });
      return macroDto(saved);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.own.manager.transaction(async (manager) => {
      const macro = await this.locked(manager, id);
      await manager.delete(AppealMacro, { id });
      await this.audit.record(manager, actor, { action: 'appeal_macro.delete', entityType: 'appeal_macro', entityId: id, details: { title: macro.title }, change: { before: fields(macro), after: null } });
    });
  }

  /** The active macros the appeal's department may use (its own and the common ones). */
  async forAppeal(actor: Actor, idOrNumber: string): Promise<AppealMacroDto[]> {
    const appeal = await this.store.load(actor, idOrNumber);
    const rows = await this.own.find({
      where: appeal.departmentId ? [{ active: true, departmentId: appeal.departmentId }, { active: true, departmentId: IsNull() }] : { active: true, departmentId: IsNull() },
      order: { title: 'ASC' },
    });
    return rows.map(macroDto);
  }

  /**
   * Applies the macro: its steps in order, then its note, in one transaction. A step the appeal
   * does not admit (or whose rules refuse it) fails the whole macro with the step named.
   */
  apply(actor: Actor, idOrNumber: string, macroId: string, dto: ApplyMacroDto, idempotency?: Omit<IdempotentRequest, 'body' | 'userId'>): Promise<AppealSummaryDto> {
    const request = idempotency && { ...idempotency, userId: actor.userId, body: dto };
    return this.store.transaction((manager) =>
      this.idempotency.run(manager, request, 200, async () => {
        const appeal = await this.store.lockForChange(manager, actor, idOrNumber);
        const macro = await manager.findOneBy(AppealMacro, { id: macroId, active: true });
        if (!macro) throw new NotFoundError('appeal_macro');
        if (macro.departmentId !== null && macro.departmentId !== appeal.departmentId) throw new DomainError(403, 'macro_not_allowed', { title: macro.title });
        const comment = macro.comment ?? `Макрос «${macro.title}»`;
        // The client saw this version before the macro; each step then sees the one the previous left.
        assertVersion(appeal, dto.expectedVersion);
        // Each step's own audit row names the macro that ran it.
        const audit = { macro: { id: macro.id, title: macro.title } };
        let current = appeal;
        for (const step of macro.steps) {
          const body = await this.stepBody(manager, actor, macro, step, comment);
          current = (await this.step(step, () => this.runner.run(this.handler(step), actor, appeal.id, body, manager, audit))).appeal;
        }
        if (macro.note) await this.step('note', () => this.thread.postWithin(manager, actor, appeal.id, { text: macro.note!, internal: true }, audit));
        return toSummary(current);
      }),
    );
  }

  private handler(step: MacroStep): StaffRouteHandler {
    const handler = this.handlers.get(MACRO_STEP_ACTION[step]);
    if (!handler) throw new Error(`No handler for the macro step ${step}`);
    return handler;
  }

  /** The step's action body, filled in for this appeal, this day and this operator. */
  private async stepBody(manager: EntityManager, actor: Actor, macro: AppealMacro, step: MacroStep, comment: string): Promise<Record<string, unknown>> {
    switch (step) {
      case MacroStep.Take:
      case MacroStep.SendForApproval:
        return { comment };
      case MacroStep.AssignToMe:
        return { comment, assigneeId: actor.userId };
      case MacroStep.RequestDocuments: {
        const dueOn = (await this.sla.calendar(manager)).addCalendarDays(moscowDate(this.clock.now()), macro.documentsDueInDays ?? 1);
        return { comment, documents: macro.documents, dueOn };
      }
      case MacroStep.SetPriority:
        return { comment, priority: macro.priority };
      case MacroStep.SetCategory:
        return { comment, categoryId: macro.categoryId };
    }
  }

  /** Runs one step; its refusal names the step (409 macro_step_not_allowed for a transition the appeal does not admit). */
  private async step<T>(step: AppliedStep, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'invalid_transition') {
        throw new DomainError(409, 'macro_step_not_allowed', { step, status: String(error.params.status ?? '') }, [], { ...error.extensions, step });
      }
      throw new DomainError(error.status, error.code, error.params, error.errors, { ...error.extensions, step });
    }
  }

  private async locked(manager: EntityManager, id: string): Promise<AppealMacro> {
    const macro = await manager.getRepository(AppealMacro).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
    if (!macro) throw new NotFoundError('appeal_macro');
    return macro;
  }
}
