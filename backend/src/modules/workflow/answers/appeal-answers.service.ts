import { Injectable } from '@nestjs/common';
import { AnswerResult, AppealStatus, StaffAction, staffActionAllowed } from '@otklik/shared/domain';
import { EntityManager } from 'typeorm';
import { staffContext } from '../../appeals/appeal-context';
import { AppealAccess } from '../../appeals/appeal-access.service';
import { Clock } from '../../../common/clock/clock';
import { TakeHandler } from '../actions/staff/staff-handlers';
import { Actor } from '../../../common/http/actor';
import { Locale } from '../../../common/i18n/messages';
import { DomainError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AppealAnswers } from '../../appeals/answer.repository';
import type { Answer } from '../../appeals/answer.repository';
import type { Appeal } from '../../appeals/appeal.repository';
import { AppealStore } from '../../appeals/appeal.repository';
import { toSummary } from '../../appeals/appeal.mapper';
import { AppealSummaryDto } from '../../appeals/dto/appeal-output.dto';
import { AttachmentsService } from '../../attachments/attachments.service';
import { AnswerInputDto } from '../actions/dto/staff-actions.dto';
import { TransitionRunner } from '../actions/transition-runner';
import { AnswerSigner } from '../signing/answer-signer.service';
import { AnswerDraftDto, toAnswerDraftDto } from './answer-draft.dto';
import { AnswerDrafts } from './answer-drafts.repository';
import { verificationCodeOf } from '../signing/answer-jws';
import { AnswerHandler } from './answer.handler';

/** Answering an appeal (through the transition runner) and the answer as a signed document. */
@Injectable()
export class AppealAnswersService {
  constructor(
    private readonly runner: TransitionRunner,
    private readonly handler: AnswerHandler,
    private readonly store: AppealStore,
    private readonly answers: AppealAnswers,
    private readonly attachments: AttachmentsService,
    private readonly signer: AnswerSigner,
    private readonly take: TakeHandler,
    private readonly access: AppealAccess,
    private readonly clock: Clock,
    private readonly drafts: AnswerDrafts,
  ) {}

  /** The drafts sent for approval, newest first, for staff who may see the appeal. */
  async draftHistory(actor: Actor, idOrNumber: string): Promise<AnswerDraftDto[]> {
    const appeal = await this.store.load(actor, idOrNumber);
    return (await this.drafts.list(this.store.manager, appeal.id)).map(toAnswerDraftDto);
  }

  async answer(actor: Actor, idOrNumber: string, dto: AnswerInputDto): Promise<AppealSummaryDto> {
    // Refused before anything is loaded, as it always was: the body alone says it.
    if (dto.result === AnswerResult.Refused && !dto.reason) {
      throw new ValidationFailedError([{ field: 'reason', code: 'reason_required', message: 'a refusal needs a reason' }]);
    }
    return this.store.transaction(async (manager) => {
      const { appeal } = await this.runner.run(this.handler, actor, idOrNumber, dto, manager);
      // One answer for merged duplicates: the linked appeals get the same answer and status, in the same transaction.
      if (dto.result !== AnswerResult.ClarificationNeeded) await this.answerLinked(manager, actor, appeal.id, dto);
      return toSummary(appeal);
    });
  }

  /**
   * The main appeal's answer given to each appeal merged into it, through the transition runner
   * (taken first when still only registered), by the same executor; its files stay with the main
   * answer. A linked appeal the executor does not handle, or that cannot be answered now (already
   * answered, awaiting the citizen), is left as it is.
   */
  private async answerLinked(manager: EntityManager, actor: Actor, mainId: string, dto: AnswerInputDto): Promise<void> {
    const { attachmentIds: _files, expectedVersion: _version, ...answer } = dto as AnswerInputDto & { expectedVersion?: number };
    for (const id of await this.store.mergedInto(manager, mainId)) {
      const linked = await this.store.lockForChange(manager, actor, id).catch(() => null);
      if (!linked || !(await this.access.handles(actor, linked, manager))) continue;
      const context = staffContext(linked, this.clock.now());
      if (linked.status === AppealStatus.Registered && staffActionAllowed(StaffAction.Take, linked.status, context)) {
        await this.runner.run(this.take, actor, id, {}, manager);
      }
      const now = await this.store.lockForChange(manager, actor, id);
      if (!staffActionAllowed(StaffAction.Answer, now.status, staffContext(now, this.clock.now()))) continue;
      await this.runner.run(this.handler, actor, id, answer, manager);
    }
  }

  /**
   * The latest answer as a signed document (JSON + detached JWS, XML with XMLDSig, or PDF with a
   * signed trailer). Rendered on request: the signing time is the answer's time, so every download
   * of the same answer carries the same signed content.
   */
  async document(actor: Actor, idOrNumber: string, format: 'json' | 'xml' | 'pdf', locale: Locale): Promise<{ body: Buffer; contentType: string; filename: string; signature?: string }> {
    const { appeal, answer } = await this.current(actor, idOrNumber);
    return this.render(appeal, answer, format, locale);
  }

  /**
   * The signed PDF of an appeal's latest answer for the system (the e-mail to an author without a
   * cabinet); null when the appeal or its answer is gone.
   */
  async signedPdf(appealId: string, locale: Locale): Promise<{ body: Buffer; filename: string } | null> {
    const appeal = await this.store.findSystem(appealId);
    const answer = appeal ? await this.answers.latest(this.store.manager, appeal.id) : null;
    if (!appeal || !answer || appeal.number === null) return null;
    const { body, filename } = await this.render(appeal, answer, 'pdf', locale);
    return { body, filename };
  }

  /**
   * The latest answer of an appeal as the СЭД export takes it: the signed PDF (its signature in the
   * document) and the signed JSON with its detached JWS; null when there is no answer.
   */
  async signedForExport(appealId: string, locale: Locale): Promise<{ answer: Answer; pdf: Buffer; json: Buffer; jsonSignature: string } | null> {
    const appeal = await this.store.findSystem(appealId);
    const answer = appeal ? await this.answers.latest(this.store.manager, appeal.id) : null;
    if (!appeal || !answer || appeal.number === null) return null;
    const pdf = await this.render(appeal, answer, 'pdf', locale);
    const json = await this.render(appeal, answer, 'json', locale);
    if (!json.signature) throw new Error('the signed JSON answer came without its detached signature');
    return { answer, pdf: pdf.body, json: json.body, jsonSignature: json.signature };
  }

  private async render(appeal: Appeal, answer: Answer | null, format: 'json' | 'xml' | 'pdf', locale: Locale) {
    if (!answer || appeal.number === null) throw new DomainError(404, 'answer_not_found');
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
      attachments: await this.attachments.filesOfAnswer(answer.id),
    });
    return this.signer.renderFile(doc, format, locale);
  }

  /** The verification code of the latest answer (the one its signed PDF prints), or null when there is none. */
  async verificationCode(actor: Actor, idOrNumber: string, locale: Locale): Promise<string | null> {
    const { appeal, answer } = await this.current(actor, idOrNumber);
    if (!answer || appeal.number === null) return null;
    const json = await this.render(appeal, answer, 'json', locale);
    return json.signature ? verificationCodeOf(json.signature) : null;
  }

  /** The latest answer of an appeal the actor may see. */
  async current(actor: Actor, idOrNumber: string): Promise<{ appeal: Appeal; answer: Answer | null }> {
    const appeal = await this.store.load(actor, idOrNumber);
    return { appeal, answer: await this.answers.latest(this.store.manager, appeal.id) };
  }
}
