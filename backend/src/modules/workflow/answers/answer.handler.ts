import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnswerResult, AppealStatus, HistoryEvent, nextStatusForStaff, StaffAction } from '@otklik/shared/domain';
import { Actor } from '../../../common/http/actor';
import { ValidationFailedError } from '../../../common/problem/domain-error';
import { AppealAnswers } from '../../appeals/answer.repository';
import { staffContext } from '../../appeals/appeal-context';
import { AppealThread } from '../../appeals/appeal.repository';
import type { Appeal } from '../../appeals/appeal.repository';
import { AttachmentsService } from '../../attachments/attachments.service';
import { AnswerDraftInputDto, AnswerInputDto } from '../actions/dto/staff-actions.dto';
import { StaffActionHandler, TransitionContext } from '../actions/transition';

/** Who the answer names and who signed it off, when it is not simply the actor's own. */
export interface AnswerAuthorship {
  executorName: string;
  executorPosition: string | null;
  approvedBy: string | null;
  /** Whose uploads the answer's files are (the operator who wrote a draft the supervisor approves). */
  uploader: Actor;
}

/**
 * Structured answers (DOMAIN.md «Answers»): done → resolved, refused (reason required) →
 * rejected, clarification_needed → back to the citizen with the clock paused.
 */
@Injectable()
export class AnswerHandler implements StaffActionHandler<AnswerInputDto> {
  readonly side = 'staff';
  readonly action = StaffAction.Answer;
  readonly body = AnswerInputDto;

  constructor(
    private readonly answers: AppealAnswers,
    private readonly attachments: AttachmentsService,
    private readonly thread: AppealThread,
  ) {}

  event(): HistoryEvent {
    return HistoryEvent.Answered;
  }

  next(appeal: Appeal, body: AnswerInputDto, now: Date): AppealStatus {
    return nextStatusForStaff(StaffAction.Answer, appeal.status, staffContext(appeal, now), body.result);
  }

  async apply(ctx: TransitionContext<AnswerInputDto>): Promise<void> {
    const { manager, actor, appeal, entry } = ctx;
    await this.give(ctx, ctx.body, {
      executorName: actor.name,
      executorPosition: entry.actorPosition ?? null,
      // Given after a sign-off, the answer records who approved it.
      approvedBy: await this.approverOf(manager, appeal),
      uploader: actor,
    });
  }

  /** A refusal needs a reason; a clarification needs an author with an account. */
  static check(appeal: Appeal, body: AnswerDraftInputDto): void {
    if (body.result === AnswerResult.Refused && !body.reason) {
      throw new ValidationFailedError([{ field: 'reason', code: 'reason_required', message: 'a refusal needs a reason' }]);
    }
    // Its author has no account to answer a clarification request with: the appeal would wait for good.
    if (appeal.citizenId === null && body.result === AnswerResult.ClarificationNeeded) {
      throw new ValidationFailedError([{ field: 'result', code: 'clarification_unavailable', message: 'an appeal filed without an account cannot be sent back for clarification' }]);
    }
  }

  /** The answer goes out: its row, its files, the citizen's notice; the caller's journal entry says so. */
  async give({ manager, actor, appeal, now, entry }: TransitionContext<unknown>, body: AnswerDraftInputDto, by: AnswerAuthorship): Promise<string> {
    AnswerHandler.check(appeal, body);
    const answer = await this.answers.insert(manager, {
      appealId: appeal.id,
      result: body.result,
      resultCode: body.resultCode,
      text: body.text,
      reason: body.reason ?? null,
      executorName: by.executorName,
      executorPosition: by.executorPosition,
      executorPhone: body.executorPhone ?? null,
      answeredBy: actor.userId,
      answeredAt: now,
      approvedBy: by.approvedBy,
    });
    // The files travel with the answer: staff uploads, bound to it in the same transaction.
    await this.attachments.bind(manager, by.uploader, body.attachmentIds ?? [], { appealId: appeal.id, answerId: answer.id });
    if (body.result === AnswerResult.ClarificationNeeded) {
      await this.thread.tellCitizen(manager, actor, appeal.id, body.text);
    } else {
      appeal.answeredAt = now;
      // A newer answer goes by post again: back on the to-print list.
      Object.assign(appeal, { answerPrintedAt: null, answerPrintedBy: null });
    }
    entry.comment = body.result === AnswerResult.Refused ? (body.reason ?? null) : null;
    entry.details = { ...entry.details, answerId: answer.id, result: body.result, resultCode: body.resultCode };
    return answer.id;
  }

  /** Who approved the answer, when the last sign-off came after it was sent for approval. */
  private async approverOf(manager: EntityManager, appeal: Appeal): Promise<string | null> {
    if (appeal.status !== AppealStatus.InProgress && appeal.status !== AppealStatus.AwaitingApproval) return null;
    return this.answers.lastApprover(manager, appeal.id);
  }
}
