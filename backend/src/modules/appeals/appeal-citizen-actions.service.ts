import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  allowedCitizenActions,
  AppealStatus,
  AppealType,
  CitizenAction,
  citizenActionAllowed,
  HistoryEvent,
  isUnsuccessfulRound,
  nextStatus,
} from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { Actor } from '../../common/http/actor';
import { TransitionNotAllowedError, ValidationFailedError, VersionConflictError } from '../../common/problem/domain-error';
import { Department } from '../users/department.entity';
import { SlaService } from '../workflow/sla/sla.service';
import { AppealAccess } from './appeal-access.service';
import { AppealIntakeService } from './appeal-intake.service';
import { AppealJournal } from './appeal-journal';
import { Appeal } from './appeal.entity';
import { citizenContext } from './appeal-context';
import { toSummary } from './appeal.mapper';
import { ActionBodyDto, RatingDto } from './dto/appeal-action.dto';
import { AppealSummaryDto } from './dto/appeal-output.dto';

/** Actions of POST /appeals/{id}/actions/{action}. */
export const APPEAL_ACTIONS = [
  'withdraw',
  'close',
  'mark-important',
  'unmark-important',
  'request-clarification',
  'reopen',
  'dispute',
  'resubmit',
  'escalate',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

const ACTION_EVENTS: Record<AppealAction, { action: CitizenAction; event: HistoryEvent }> = {
  withdraw: { action: CitizenAction.Withdraw, event: HistoryEvent.Withdrawn },
  close: { action: CitizenAction.Close, event: HistoryEvent.Closed },
  'mark-important': { action: CitizenAction.MarkImportant, event: HistoryEvent.MarkedImportant },
  'unmark-important': { action: CitizenAction.UnmarkImportant, event: HistoryEvent.UnmarkedImportant },
  'request-clarification': { action: CitizenAction.RequestClarification, event: HistoryEvent.ClarificationRequested },
  reopen: { action: CitizenAction.Reopen, event: HistoryEvent.Reopened },
  dispute: { action: CitizenAction.Dispute, event: HistoryEvent.Disputed },
  resubmit: { action: CitizenAction.Resubmit, event: HistoryEvent.Resubmitted },
  escalate: { action: CitizenAction.Escalate, event: HistoryEvent.Escalated },
};



/**
 * What a citizen does to their own appeal after filing it: withdraw, close, importance, and the
 * answer's follow-ups (clarification, reopening, dispute, re-filing, escalation, rating). Each is
 * one transaction with a row lock on the appeal, so concurrent actions serialise and the loser
 * sees the new status (409 when its action is no longer allowed).
 */
@Injectable()
export class AppealCitizenActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AppealAccess,
    private readonly journal: AppealJournal,
    private readonly intake: AppealIntakeService,
    private readonly clock: Clock,
    private readonly sla: SlaService,
  ) {}

  async act(actor: Actor, idOrNumber: string, action: AppealAction, body: ActionBodyDto = {}): Promise<AppealSummaryDto> {
    const { action: citizenAction, event } = ACTION_EVENTS[action];
    return this.dataSource.transaction(async (manager) => {
      const appeal = await this.access.load(actor, idOrNumber, { manager, lock: true });
      const now = this.clock.now();
      this.ensureAllowed(appeal, citizenAction, now, body.expectedVersion);
      const from = appeal.status;
      switch (citizenAction) {
        case CitizenAction.MarkImportant:
        case CitizenAction.UnmarkImportant: {
          const important = citizenAction === CitizenAction.MarkImportant;
          if (appeal.important === important) return toSummary(appeal);
          appeal.important = important;
          break;
        }
        case CitizenAction.Dispute:
        case CitizenAction.Resubmit:
          return this.fileFollowUp(manager, actor, appeal, citizenAction, event, body);
        case CitizenAction.Escalate:
          appeal.escalated = true;
          appeal.escalatedAt = now;
          appeal.escalatedToDepartmentId ??= await this.escalationTarget(manager, appeal.departmentId);
          break;
        case CitizenAction.RequestClarification:
        case CitizenAction.Reopen:
          appeal.status = nextStatus(citizenAction, appeal.status, citizenContext(appeal, now));
          appeal.closedAt = null;
          Object.assign(appeal, await this.sla.renewTermIfPassed(manager, appeal, now));
          break;
        default:
          appeal.status = nextStatus(citizenAction, appeal.status, citizenContext(appeal, now));
          if (appeal.status === AppealStatus.Closed || appeal.status === AppealStatus.Withdrawn) appeal.closedAt = now;
          // Withdrawn or closed by the citizen while staff deliberated: the proposal lapses with the appeal.
          if (appeal.status !== AppealStatus.AwaitingApproval) appeal.pendingProposal = null;
      }
      if (isUnsuccessfulRound(citizenAction)) appeal.unsuccessfulRounds += 1;
      await manager.save(Appeal, appeal);
      await this.journal.record(manager, appeal, actor, {
        event,
        from,
        comment: body.comment ?? null,
        details: citizenAction === CitizenAction.Escalate ? { reason: appeal.overdue ? 'overdue' : 'unsuccessful_rounds', rounds: appeal.unsuccessfulRounds, toDepartmentId: appeal.escalatedToDepartmentId } : undefined,
      });
      return toSummary(appeal);
    });
  }

  /** Rates the answer 1–5; a low score with a comment puts the appeal on the supervisor's re-review list. */
  async rate(actor: Actor, idOrNumber: string, dto: RatingDto): Promise<AppealSummaryDto> {
    return this.dataSource.transaction(async (manager) => {
      const appeal = await this.access.load(actor, idOrNumber, { manager, lock: true });
      const now = this.clock.now();
      this.ensureAllowed(appeal, CitizenAction.Rate, now);
      Object.assign(appeal, { rating: dto.score, ratingComment: dto.comment ?? null, ratedAt: now, rereview: dto.score < 3 && Boolean(dto.comment) });
      await manager.save(Appeal, appeal);
      await this.journal.record(manager, appeal, actor, {
        event: HistoryEvent.Rated,
        from: appeal.status,
        comment: dto.comment ?? null,
        details: { score: dto.score, rereview: appeal.rereview },
      });
      return toSummary(appeal);
    });
  }

  /** Dispute → a decision_appeal linked to this one; resubmit → the same request filed again, linked. */
  private async fileFollowUp(
    manager: EntityManager,
    actor: Actor,
    appeal: Appeal,
    action: CitizenAction.Dispute | CitizenAction.Resubmit,
    event: HistoryEvent,
    body: ActionBodyDto,
  ): Promise<AppealSummaryDto> {
    const dispute = action === CitizenAction.Dispute;
    if (dispute && !body.text) throw new ValidationFailedError([{ field: 'text', code: 'isNotEmpty', message: 'the grounds of the dispute are required' }]);
    const linked = await this.intake.fileLinked(manager, actor, appeal, {
      type: dispute ? AppealType.DecisionAppeal : appeal.type,
      subject: dispute ? `Обжалование решения по обращению № ${appeal.number}` : appeal.subject,
      text: body.text ?? appeal.body,
    });
    if (dispute) appeal.unsuccessfulRounds += 1;
    await manager.save(Appeal, appeal);
    await this.journal.record(manager, appeal, actor, {
      event,
      from: appeal.status,
      comment: body.comment ?? null,
      details: { linkedAppealId: linked.id, linkedNumber: linked.number },
    });
    return toSummary(linked);
  }

  /** Management above the handling department: its parent, or the department itself at the top (as the SLA tick does). */
  private async escalationTarget(manager: EntityManager, departmentId: string | null): Promise<string | null> {
    if (!departmentId) return null;
    const department = await manager.findOneBy(Department, { id: departmentId });
    return department?.parentId ?? departmentId;
  }

  private ensureAllowed(appeal: Appeal, action: CitizenAction, now: Date, expectedVersion?: number): void {
    const context = citizenContext(appeal, now);
    if (!citizenActionAllowed(action, appeal.status, context)) {
      throw new TransitionNotAllowedError(appeal.status, action, allowedCitizenActions(appeal.status, context));
    }
    assertVersion(appeal, expectedVersion);
  }
}

/** Optimistic check for clients that send the version they saw: a stale one is a 409. */
export function assertVersion(appeal: Appeal, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== appeal.version) throw new VersionConflictError(appeal.version);
}

