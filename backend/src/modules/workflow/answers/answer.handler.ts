import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnswerResult, AppealStatus, HistoryEvent, nextStatusForStaff, StaffAction } from '@otklik/shared/domain';
import { ValidationFailedError } from '../../../common/problem/domain-error';
import { AppealAnswers } from '../../appeals/answer.repository';
import { staffContext } from '../../appeals/appeal-context';
import { AppealThread } from '../../appeals/appeal.repository';
import type { Appeal } from '../../appeals/appeal.repository';
import { AttachmentsService } from '../../attachments/attachments.service';
import { AnswerInputDto } from '../actions/dto/staff-actions.dto';
import { StaffActionHandler, TransitionContext } from '../actions/transition';

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

  async apply({ manager, actor, appeal, body, now, entry }: TransitionContext<AnswerInputDto>): Promise<void> {
    // Its author has no account to answer a clarification request with: the appeal would wait for good.
    if (appeal.citizenId === null && body.result === AnswerResult.ClarificationNeeded) {
      throw new ValidationFailedError([{ field: 'result', code: 'clarification_unavailable', message: 'an appeal filed without an account cannot be sent back for clarification' }]);
    }
    const answer = await this.answers.insert(manager, {
      appealId: appeal.id,
      result: body.result,
      resultCode: body.resultCode,
      text: body.text,
      reason: body.reason ?? null,
      executorName: actor.name,
      executorPosition: entry.actorPosition ?? null,
      executorPhone: body.executorPhone ?? null,
      answeredBy: actor.userId,
      answeredAt: now,
      // Given after a sign-off, the answer records who approved it.
      approvedBy: await this.approverOf(manager, appeal),
    });
    // The files travel with the answer: staff uploads, bound to it in the same transaction.
    await this.attachments.bind(manager, actor, body.attachmentIds ?? [], { appealId: appeal.id, answerId: answer.id });
    if (body.result === AnswerResult.ClarificationNeeded) {
      await this.thread.tellCitizen(manager, actor, appeal.id, body.text);
    } else {
      appeal.answeredAt = now;
    }
    entry.comment = body.result === AnswerResult.Refused ? (body.reason ?? null) : null;
    entry.details = { answerId: answer.id, result: body.result, resultCode: body.resultCode };
  }

  /** Who approved the answer, when the last sign-off came after it was sent for approval. */
  private async approverOf(manager: EntityManager, appeal: Appeal): Promise<string | null> {
    if (appeal.status !== AppealStatus.InProgress && appeal.status !== AppealStatus.AwaitingApproval) return null;
    return this.answers.lastApprover(manager, appeal.id);
  }
}
