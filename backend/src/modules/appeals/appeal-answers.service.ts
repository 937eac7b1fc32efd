import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnswerResult, AppealStatus, HistoryEvent, nextStatusForStaff, StaffAction } from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { Actor } from '../../common/http/actor';
import { Locale } from '../../common/i18n/messages';
import { DomainError, ValidationFailedError } from '../../common/problem/domain-error';
import { Attachment } from '../attachments/attachment.entity';
import { AnswerSigner } from '../workflow/signing/answer-signer.service';
import { AttachmentsService } from '../attachments/attachments.service';
import { AppealAccess } from './appeal-access.service';
import { assertVersion } from './appeal-citizen-actions.service';
import { AppealJournal } from './appeal-journal';
import { staffContext } from './appeal-context';
import { AppealStaffActionsService } from './appeal-staff-actions.service';
import { Appeal } from './appeal.entity';
import { toSummary } from './appeal.mapper';
import { Answer } from './answer.entity';
import { AppealSummaryDto } from './dto/appeal-output.dto';
import { AnswerInputDto } from './dto/staff-action.dto';


/**
 * Structured answers (DOMAIN.md «Answers»): done → resolved, refused (reason required) →
 * rejected, clarification_needed → back to the citizen with the clock paused.
 */
@Injectable()
export class AppealAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AppealAccess,
    private readonly journal: AppealJournal,
    private readonly staff: AppealStaffActionsService,
    private readonly clock: Clock,
    private readonly attachments: AttachmentsService,
    private readonly signer: AnswerSigner,
  ) {}

  async answer(actor: Actor, idOrNumber: string, dto: AnswerInputDto): Promise<AppealSummaryDto> {
    if (dto.result === AnswerResult.Refused && !dto.reason) {
      throw new ValidationFailedError([{ field: 'reason', code: 'reason_required', message: 'a refusal needs a reason' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const appeal = await this.access.load(actor, idOrNumber, { manager, lock: true });
      const now = this.clock.now();
      await this.staff.ensureAllowed(manager, actor, appeal, StaffAction.Answer, now);
      assertVersion(appeal, dto.expectedVersion);
      // Its author has no account to answer a clarification request with: the appeal would wait for good.
      if (appeal.unidentified && dto.result === AnswerResult.ClarificationNeeded) {
        throw new ValidationFailedError([{ field: 'result', code: 'clarification_unavailable', message: 'an appeal filed without an account cannot be sent back for clarification' }]);
      }
      const from = appeal.status;
      const position = await this.staff.positionOf(manager, actor);
      const answer = manager.create(Answer, {
        appealId: appeal.id,
        result: dto.result,
        resultCode: dto.resultCode,
        text: dto.text,
        reason: dto.reason ?? null,
        executorName: actor.name,
        executorPosition: position,
        executorPhone: dto.executorPhone ?? null,
        answeredBy: actor.userId,
        answeredAt: now,
        // Given after a sign-off, the answer records who approved it.
        approvedBy: await this.approverOf(manager, appeal),
      });
      await manager.insert(Answer, answer);
      // The files travel with the answer: staff uploads, bound to it in the same transaction.
      await this.attachments.bind(manager, actor, dto.attachmentIds ?? [], { appealId: appeal.id, answerId: answer.id });
      appeal.status = nextStatusForStaff(StaffAction.Answer, from, staffContext(appeal, now), dto.result);
      if (dto.result === AnswerResult.ClarificationNeeded) {
        await this.staff.tellCitizen(manager, actor, appeal, dto.text);
      } else {
        appeal.answeredAt = now;
      }
      await this.staff.moveClock(manager, appeal, from, now);
      if (!appeal.firstReactionAt) appeal.firstReactionAt = now;
      await manager.save(Appeal, appeal);
      await this.journal.record(manager, appeal, actor, {
        event: HistoryEvent.Answered,
        from,
        comment: dto.result === AnswerResult.Refused ? (dto.reason ?? null) : null,
        actorPosition: position,
        details: { answerId: answer.id, result: dto.result, resultCode: dto.resultCode },
      });
      return toSummary(appeal);
    });
  }

  /**
   * The latest answer as a signed document (JSON + detached JWS, XML with XMLDSig, or PDF with a
   * signed trailer). Rendered on request: the signing time is the answer's time, so every download
   * of the same answer carries the same signed content.
   */
  async document(actor: Actor, idOrNumber: string, format: 'json' | 'xml' | 'pdf', locale: Locale): Promise<{ body: Buffer; contentType: string; filename: string; signature?: string }> {
    const { appeal, answer } = await this.current(actor, idOrNumber);
    if (!answer || appeal.number === null) throw new DomainError(404, 'answer_not_found');
    const files = await this.dataSource.manager.find(Attachment, { where: { answerId: answer.id }, order: { createdAt: 'ASC' } });
    const doc = this.signer.document({
      answerId: answer.id,
      appealId: appeal.id,
      appealNumber: appeal.number,
      appealType: appeal.type,
      result: answer.result,
      resultCode: answer.resultCode,
      text: answer.text,
      reason: answer.reason ?? undefined,
      answeredAt: answer.answeredAt.toISOString(),
      executor: { name: answer.executorName, position: answer.executorPosition ?? '', workPhone: answer.executorPhone ?? undefined },
      attachments: files.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256, size: f.size })),
    });
    return this.signer.renderFile(doc, format, locale);
  }

  /** The latest answer of an appeal the actor may see. */
  async current(actor: Actor, idOrNumber: string): Promise<{ appeal: Appeal; answer: Answer | null }> {
    const appeal = await this.access.load(actor, idOrNumber);
    return { appeal, answer: await this.latest(this.dataSource.manager, appeal.id) };
  }

  latest(manager: EntityManager, appealId: string): Promise<Answer | null> {
    return manager.findOne(Answer, { where: { appealId }, order: { answeredAt: 'DESC', createdAt: 'DESC' } });
  }

  /** Who approved the answer, when the last sign-off came after it was sent for approval. */
  private async approverOf(manager: EntityManager, appeal: Appeal): Promise<string | null> {
    if (appeal.status !== AppealStatus.InProgress && appeal.status !== AppealStatus.AwaitingApproval) return null;
    const [row] = await manager.query<{ actor_id: string | null; event: string }[]>(
      `SELECT actor_id, event FROM appeal_history WHERE appeal_id = $1 AND event IN ('sent_for_approval', 'approved') ORDER BY created_at DESC, id DESC LIMIT 1`,
      [appeal.id],
    );
    return row?.event === 'approved' ? row.actor_id : null;
  }
}
