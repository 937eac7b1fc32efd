import { Injectable } from '@nestjs/common';
import { AppealStatus, AppealType, CitizenAction } from '@otklik/shared/domain';
import { ValidationFailedError } from '../../../../common/problem/domain-error';
import { AppealIntakeService } from '../../../appeals/appeal-intake.service';
import { AddMaterialsDto } from '../../../appeals/dto/appeal-input.dto';
import { AttachmentsService } from '../../../attachments/attachments.service';
import {
  CitizenReopenActionBody,
  CloseActionBody,
  DisputeActionBody,
  EscalateActionBody,
  MarkImportantActionBody,
  RatingDto,
  RequestClarificationActionBody,
  ResubmitActionBody,
  UnmarkImportantActionBody,
  WithdrawActionBody,
} from '../dto/citizen-actions.dto';

/** The fields every citizen action's body has. */
interface CitizenBody {
  comment?: string;
}
import { SlaService } from '../../sla/sla.service';
import { CitizenActionHandler, TransitionContext, TransitionEffect } from '../transition';
import { Escalation } from '../escalation';

/** Withdrawn or closed by the citizen: it ends, and a proposal awaiting the supervisor lapses with it. */
abstract class EndingHandler implements CitizenActionHandler<CitizenBody> {
  readonly side = 'citizen';
  abstract readonly action: CitizenAction.Withdraw | CitizenAction.Close;
  abstract readonly body: new () => CitizenBody;
  async apply({ appeal, next, now }: TransitionContext<CitizenBody>): Promise<void> {
    if (next === AppealStatus.Closed || next === AppealStatus.Withdrawn) appeal.closedAt = now;
    if (next !== AppealStatus.AwaitingApproval) appeal.pendingProposal = null;
  }
}

@Injectable()
export class WithdrawHandler extends EndingHandler {
  readonly action = CitizenAction.Withdraw;
  readonly body = WithdrawActionBody;
}

@Injectable()
export class CloseHandler extends EndingHandler {
  readonly action = CitizenAction.Close;
  readonly body = CloseActionBody;
}

/** Importance for the citizen's own list: setting what is already set changes nothing (and writes nothing). */
abstract class ImportanceHandler implements CitizenActionHandler<CitizenBody> {
  readonly side = 'citizen';
  abstract readonly action: CitizenAction.MarkImportant | CitizenAction.UnmarkImportant;
  abstract readonly body: new () => CitizenBody;
  async apply({ appeal }: TransitionContext<CitizenBody>): Promise<TransitionEffect> {
    const important = this.action === CitizenAction.MarkImportant;
    if (appeal.important === important) return { unchanged: true };
    appeal.important = important;
  }
}

@Injectable()
export class MarkImportantHandler extends ImportanceHandler {
  readonly action = CitizenAction.MarkImportant;
  readonly body = MarkImportantActionBody;
}

@Injectable()
export class UnmarkImportantHandler extends ImportanceHandler {
  readonly action = CitizenAction.UnmarkImportant;
  readonly body = UnmarkImportantActionBody;
}

/** The answer did not settle it: back to work, with a new term if the old one has passed. */
@Injectable()
abstract class BackToWorkHandler implements CitizenActionHandler<CitizenBody> {
  readonly side = 'citizen';
  abstract readonly action: CitizenAction.RequestClarification | CitizenAction.Reopen;
  abstract readonly body: new () => CitizenBody;
  constructor(private readonly sla: SlaService) {}
  async apply({ manager, appeal, now }: TransitionContext<CitizenBody>): Promise<void> {
    appeal.closedAt = null;
    Object.assign(appeal, await this.sla.renewTermIfPassed(manager, appeal, now));
  }
}

@Injectable()
export class RequestClarificationHandler extends BackToWorkHandler {
  readonly action = CitizenAction.RequestClarification;
  readonly body = RequestClarificationActionBody;
}

@Injectable()
export class CitizenReopenHandler extends BackToWorkHandler {
  readonly action = CitizenAction.Reopen;
  readonly body = CitizenReopenActionBody;
}

/** Dispute → a decision_appeal linked to this one; resubmit → the same request filed again, linked. */
@Injectable()
abstract class FollowUpHandler implements CitizenActionHandler<CitizenBody & { text?: string }> {
  readonly side = 'citizen';
  abstract readonly action: CitizenAction.Dispute | CitizenAction.Resubmit;
  abstract readonly body: new () => CitizenBody & { text?: string };
  constructor(private readonly intake: AppealIntakeService) {}
  async apply({ manager, actor, appeal, body, entry }: TransitionContext<CitizenBody & { text?: string }>): Promise<TransitionEffect> {
    const dispute = this.action === CitizenAction.Dispute;
    if (dispute && !body.text) throw new ValidationFailedError([{ field: 'text', code: 'isNotEmpty', message: 'the grounds of the dispute are required' }]);
    const linked = await this.intake.fileLinked(manager, actor, appeal, {
      type: dispute ? AppealType.DecisionAppeal : appeal.type,
      subject: dispute ? `Обжалование решения по обращению № ${appeal.number}` : appeal.subject,
      text: body.text ?? appeal.body,
    });
    entry.details = { linkedAppealId: linked.id, linkedNumber: linked.number };
    return { respondWith: linked };
  }
}

@Injectable()
export class DisputeHandler extends FollowUpHandler {
  readonly action = CitizenAction.Dispute;
  readonly body = DisputeActionBody;
}

@Injectable()
export class ResubmitHandler extends FollowUpHandler {
  readonly action = CitizenAction.Resubmit;
  readonly body = ResubmitActionBody;
}

/** «Обращение к руководству»: the management above the handling department oversees the appeal. */
@Injectable()
export class EscalateHandler implements CitizenActionHandler<EscalateActionBody> {
  readonly side = 'citizen';
  readonly action = CitizenAction.Escalate;
  readonly body = EscalateActionBody;
  constructor(private readonly escalation: Escalation) {}
  async apply({ manager, appeal, now, entry }: TransitionContext<EscalateActionBody>): Promise<void> {
    // Its parent, or the department itself at the top (as the SLA tick does).
    const target = appeal.escalatedToDepartmentId ?? (await this.escalation.parentOf(manager, appeal.departmentId))?.id ?? appeal.departmentId;
    this.escalation.mark(appeal, target, now);
    entry.details = { reason: appeal.overdue ? 'overdue' : 'unsuccessful_rounds', rounds: appeal.unsuccessfulRounds, toDepartmentId: appeal.escalatedToDepartmentId };
    entry.recipients = await this.escalation.headsOf(appeal.escalatedToDepartmentId);
  }
}

/** Rates the answer 1–5; a low score with a comment puts the appeal on the supervisor's re-review list. */
@Injectable()
export class RateHandler implements CitizenActionHandler<RatingDto> {
  readonly side = 'citizen';
  readonly action = CitizenAction.Rate;
  readonly body = RatingDto;
  async apply({ appeal, body, now, entry }: TransitionContext<RatingDto>): Promise<void> {
    Object.assign(appeal, { rating: body.score, ratingComment: body.comment ?? null, ratedAt: now, rereview: body.score < 3 && Boolean(body.comment) });
    entry.details = { score: body.score, rereview: appeal.rereview };
    entry.score = body.score;
  }
}

/**
 * «Добавить материалы»: the citizen's own uploads bound to an open appeal. When staff were waiting
 * for them (awaiting_citizen), the appeal goes back to work and the SLA clock restarts with the
 * time that was left.
 */
@Injectable()
export class AddMaterialsHandler implements CitizenActionHandler<AddMaterialsDto> {
  readonly side = 'citizen';
  readonly action = CitizenAction.AddMaterials;
  readonly body = AddMaterialsDto;
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly sla: SlaService,
  ) {}
  async apply({ manager, actor, appeal, body, from, next, now, entry }: TransitionContext<AddMaterialsDto>): Promise<void> {
    await this.attachments.bind(manager, actor, body.attachmentIds, { appealId: appeal.id });
    // The clock restarts as for any return to work: policy unit, database calendar, reminder.
    if (from === AppealStatus.AwaitingCitizen) Object.assign(appeal, await this.sla.resume(manager, appeal, now));
    // A proposal waits only while the appeal does (a pending one keeps it in awaiting_approval).
    if (next !== AppealStatus.AwaitingApproval) appeal.pendingProposal = null;
    entry.details = { attachmentIds: body.attachmentIds };
  }
}

export const CITIZEN_ROUTE_HANDLERS = [
  WithdrawHandler,
  CloseHandler,
  MarkImportantHandler,
  UnmarkImportantHandler,
  RequestClarificationHandler,
  CitizenReopenHandler,
  DisputeHandler,
  ResubmitHandler,
  EscalateHandler,
] as const;
