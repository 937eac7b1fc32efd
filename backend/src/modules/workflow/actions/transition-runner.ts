import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  allowedCitizenActions,
  AppealStatus,
  citizenActionAllowed,
  isUnsuccessfulRound,
  nextStatus,
  nextStatusForStaff,
  pauseClock,
} from '@otklik/shared/domain';
import { Clock } from '../../../common/clock/clock';
import { Actor } from '../../../common/http/actor';
import { TransitionNotAllowedError } from '../../../common/problem/domain-error';
import { citizenContext, staffContext } from '../../appeals/appeal-context';
import { AppealJournal, JournalEntry } from '../../appeals/appeal-journal';
import { AppealStore, assertVersion } from '../../appeals/appeal.repository';
import type { Appeal } from '../../appeals/appeal.repository';
import { StaffDirectory } from '../../users/staff-directory.repository';
import { SlaService } from '../sla/sla.service';
import { checkActionBody } from './action-body';
import { STAFF_EVENTS, CITIZEN_EVENTS } from './events';
import { StaffActionPolicy } from './staff/staff-action-policy';
import { TransitionContext, TransitionHandler, TransitionResult } from './transition';

/**
 * The one way an appeal changes state (ARCHITECTURE.md «Workflow»), for every staff and citizen
 * action: load and lock → the transition table (shared/domain) → the version the client saw →
 * the action's own body → its effect → the SLA clock → save → one journal write (history, audit
 * and outbox rows in one statement). Handlers hold only the effect.
 */
@Injectable()
export class TransitionRunner {
  constructor(
    private readonly store: AppealStore,
    private readonly journal: AppealJournal,
    private readonly clock: Clock,
    private readonly sla: SlaService,
    private readonly staff: StaffActionPolicy,
    private readonly staffDirectory: StaffDirectory,
  ) {}

  /**
   * Runs `handler` on the appeal, in the caller's transaction when given one, else in its own.
   * `auditDetails` join the audit row's details (a macro names itself on each step it runs).
   */
  run<B extends object>(
    handler: TransitionHandler<B>,
    actor: Actor,
    idOrNumber: string,
    raw: object & { expectedVersion?: number; comment?: string },
    manager?: EntityManager,
    auditDetails?: Record<string, unknown>,
  ): Promise<TransitionResult> {
    return this.store.transaction(async (tx) => {
      const appeal = await this.store.lockForChange(tx, actor, idOrNumber);
      const now = this.clock.now();
      await this.ensureAllowed(tx, actor, appeal, handler, now);
      assertVersion(appeal, raw.expectedVersion);
      const body = await checkActionBody(handler.body, raw);
      const from = appeal.status;
      const entry: JournalEntry = { event: this.eventOf(handler, appeal), from, comment: raw.comment ?? null };
      if (handler.side === 'staff') entry.actorPosition = await this.staffDirectory.positionOf(actor.userId, tx);
      const ctx: TransitionContext<B> = { manager: tx, actor, appeal, body, now, from, next: this.nextOf(handler, appeal, body, now), entry };
      const effect = await handler.apply(ctx);
      if (effect && 'unchanged' in effect) return { appeal, respondWith: appeal };
      appeal.status = ctx.next;
      if (handler.side === 'staff') {
        await this.moveClock(tx, appeal, from, now);
        if (!appeal.firstReactionAt) appeal.firstReactionAt = now;
      } else if (isUnsuccessfulRound(handler.action)) {
        appeal.unsuccessfulRounds += 1;
      }
      await this.store.save(tx, appeal);
      if (auditDetails) entry.details = { ...entry.details, ...auditDetails };
      await this.journal.record(tx, appeal, actor, entry);
      return { appeal, respondWith: effect && 'respondWith' in effect ? effect.respondWith : appeal };
    }, manager);
  }

  /** The state machine's verdict for this actor (staff: also oversight and the role rules). */
  private async ensureAllowed(manager: EntityManager, actor: Actor, appeal: Appeal, handler: TransitionHandler<object>, now: Date): Promise<void> {
    if (handler.side === 'staff') return this.staff.ensureAllowed(manager, actor, appeal, handler.action, now);
    const context = citizenContext(appeal, now);
    if (!citizenActionAllowed(handler.action, appeal.status, context)) {
      throw new TransitionNotAllowedError(appeal.status, handler.action, allowedCitizenActions(appeal.status, context));
    }
  }

  private eventOf(handler: TransitionHandler<object>, appeal: Appeal) {
    if (handler.event) return handler.event(appeal);
    return handler.side === 'staff' ? STAFF_EVENTS[handler.action] : CITIZEN_EVENTS[handler.action]!;
  }

  /** Decided before the effect changes the facts it depends on (an extension sets `extended`). */
  private nextOf<B extends object>(handler: TransitionHandler<B>, appeal: Appeal, body: B, now: Date): AppealStatus {
    if (handler.next) return handler.next(appeal, body, now);
    return handler.side === 'staff'
      ? nextStatusForStaff(handler.action, appeal.status, staffContext(appeal, now))
      : nextStatus(handler.action, appeal.status, citizenContext(appeal, now));
  }

  /** The SLA clock stops in awaiting_citizen and starts again, with the time left, when the appeal leaves it. */
  private async moveClock(manager: EntityManager, appeal: Appeal, from: AppealStatus, now: Date): Promise<void> {
    if (appeal.status === AppealStatus.AwaitingCitizen && from !== AppealStatus.AwaitingCitizen) Object.assign(appeal, pauseClock(appeal, now));
    if (from === AppealStatus.AwaitingCitizen && appeal.status !== AppealStatus.AwaitingCitizen) Object.assign(appeal, await this.sla.resume(manager, appeal, now));
  }
}
