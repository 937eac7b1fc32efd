import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { allowedStaffActions, StaffAction, staffActionAllowed, StaffActionContext, staffRoleRefusal } from '@otklik/shared/domain';
import { Actor } from '../../../../common/http/actor';
import { DomainError, TransitionNotAllowedError } from '../../../../common/problem/domain-error';
import { AppealAccess } from '../../../appeals/appeal-access.service';
import { OVERSIGHT_ACTIONS, staffContext } from '../../../appeals/appeal-context';
import { AppealGuardrails } from '../../../appeals/appeal-guardrails';
import type { Appeal } from '../../../appeals/appeal.repository';

/** Whether this staff member may take a staff action on this appeal now. */
@Injectable()
export class StaffActionPolicy {
  constructor(
    private readonly access: AppealAccess,
    private readonly guardrails: AppealGuardrails,
  ) {}

  /**
   * The state machine's verdict, and whether this actor may act: staff overseeing an appeal
   * escalated to their department may only do what oversight allows (OVERSIGHT_ACTIONS).
   */
  async ensureAllowed(manager: EntityManager, actor: Actor, appeal: Appeal, action: StaffAction, now: Date): Promise<void> {
    if (!OVERSIGHT_ACTIONS.includes(action) && !(await this.access.handles(actor, appeal, manager))) throw new DomainError(403, 'oversight_only');
    const context = staffContext(appeal, now);
    const asActor: StaffActionContext = { ...context, role: actor.role, approvalRequiredFor: await this.guardrails.approvalRequiredFor(manager, appeal.departmentId) };
    if (!staffActionAllowed(action, appeal.status, context)) {
      throw new TransitionNotAllowedError(appeal.status, action, allowedStaffActions(appeal.status, asActor));
    }
    // The status admits it, the role does not: a supervisor's decision, or one the operator proposes.
    const refusal = staffRoleRefusal(action, asActor);
    if (refusal) throw new DomainError(403, refusal, {}, [], { action, allowedActions: allowedStaffActions(appeal.status, asActor) });
  }
}
