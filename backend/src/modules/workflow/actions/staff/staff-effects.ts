import { Injectable } from '@nestjs/common';
import { moscowDate, NO_ANSWER_GROUND_RULES, NoAnswerGround, ProposableAction, StaffAction } from '@otklik/shared/domain';
import { AppealGuardrails, NoticeFields } from '../../../appeals/appeal-guardrails';
import { AppealStore, AppealThread } from '../../../appeals/appeal.repository';
import { SlaService } from '../../sla/sla.service';
import { TransitionContext } from '../transition';

/** How the internal thread names a proposed action. */
export const PROPOSAL_LABELS: Record<ProposableAction, string> = {
  [StaffAction.TerminateCorrespondence]: 'прекратить переписку (59-ФЗ ст. 11 ч. 5)',
  [StaffAction.Extend]: 'продлить срок рассмотрения',
  [StaffAction.NoAnswerRequired]: 'оставить обращение без ответа по существу (59-ФЗ ст. 11)',
};

export interface ExtendFields {
  reason: string;
  days?: number;
}
export interface NoAnswerFields extends NoticeFields {
  grounds: NoAnswerGround;
  comment?: string;
}
export interface TerminationFields extends NoticeFields {
  reason: string;
  repeatsAppealIds?: string[];
  comment?: string;
}

/**
 * The three effects an operator may have to propose instead of taking: the same code runs when
 * a supervisor (or an operator where the department allows it) takes them, and when a proposal
 * of them is approved.
 */
@Injectable()
export class StaffEffects {
  constructor(
    private readonly sla: SlaService,
    private readonly guardrails: AppealGuardrails,
    private readonly thread: AppealThread,
    private readonly store: AppealStore,
  ) {}

  async extend({ manager, actor, appeal, entry }: TransitionContext<unknown>, body: ExtendFields): Promise<void> {
    const before = appeal.dueAt;
    Object.assign(appeal, await this.sla.extend(manager, appeal, body.days));
    // 59-ФЗ ст. 12 ч. 2: the citizen is told of the extension.
    const until = appeal.dueAt ? ` до ${ruDate(moscowDate(appeal.dueAt))}` : '';
    entry.noticeMessageId = await this.thread.tellCitizen(manager, actor, appeal.id, `Срок рассмотрения вашего обращения продлён${until}.\nПричина: ${body.reason}`);
    entry.comment = body.reason;
    entry.details = { from: before?.toISOString() ?? null, dueAt: appeal.dueAt?.toISOString() ?? null };
  }

  /** 59-ФЗ ст. 11: no answer on the merits; the citizen gets the ground's notice (within its term, where the law sets one). */
  async closeWithoutAnswer({ manager, actor, appeal, entry, now }: TransitionContext<unknown>, body: NoAnswerFields): Promise<void> {
    const notice = this.guardrails.noAnswerNotice(body.grounds, body);
    appeal.noAnswerRequired = true;
    appeal.closedAt = now;
    entry.noticeMessageId = await this.thread.tellCitizen(manager, actor, appeal.id, notice);
    const noticeDueOn = this.guardrails.noticeDueOn(body.grounds, appeal.registeredAt);
    entry.details = { grounds: body.grounds, part: NO_ANSWER_GROUND_RULES[body.grounds].part, noticeDueOn, noticeLate: noticeDueOn !== null && moscowDate(now) > noticeDueOn };
    entry.comment = body.comment ?? notice;
  }

  /**
   * 59-ФЗ ст. 11 ч. 5, by the supervisor (the person the head of the body authorises): only on a
   * question already answered on the merits at least twice, with the reason why the new appeal
   * brings nothing new; the citizen gets the statutory notice.
   */
  async terminate({ manager, actor, appeal, entry, now }: TransitionContext<unknown>, body: TerminationFields): Promise<void> {
    const earlier = await this.guardrails.earlierAnswers(manager, appeal, body.repeatsAppealIds);
    appeal.correspondenceTerminated = true;
    appeal.closedAt = now;
    const notice = this.guardrails.terminationNotice(body);
    entry.noticeMessageId = await this.thread.tellCitizen(manager, actor, appeal.id, notice);
    entry.details = { ...entry.details, repeatsAppealIds: earlier };
    entry.comment = body.comment ?? notice;
    await this.thread.noteForStaff(manager, actor, appeal.id, `Переписка прекращена.\nПовторяет обращения: ${await this.store.numbersOf(manager, earlier)}\nОбоснование: ${body.reason}`);
  }
}

/** 2026-05-08 → 08.05.2026, as Russian letters write dates. */
export function ruDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('.');
}
