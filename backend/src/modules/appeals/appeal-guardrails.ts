import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnswerResult, AppealStatus, ApprovableBySetting, moscowDate, NO_ANSWER_GROUND_RULES, NoAnswerGround, TERMINATION_NOTICE } from '@otklik/shared/domain';
import { FieldError, ValidationFailedError } from '../../common/problem/domain-error';
import { Appeal } from './appeal.entity';
import { DepartmentTree } from '../users/department-tree.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** 59-ФЗ ст. 11 ч. 5: answered on the merits «неоднократно» — at least twice before. */
export const MIN_EARLIER_ANSWERS = 2;

/** The parts of an action's body a statutory notice is made of. */
export interface NoticeFields {
  noticeText?: string;
  publishedUrl?: string;
}
const ANSWERED_STATUSES: readonly AppealStatus[] = [AppealStatus.Resolved, AppealStatus.Rejected, AppealStatus.Closed];
const ON_THE_MERITS: readonly AnswerResult[] = [AnswerResult.Done, AnswerResult.Refused];

const refuse = (field: string, code: string): never => {
  throw new ValidationFailedError([{ field, code, message: '' } satisfies FieldError]);
};

/**
 * The 59-ФЗ preconditions the staff actions check against the database: the earlier answers
 * a termination of correspondence rests on, the statutory notices, and the department's setting
 * of what its operators must propose rather than do.
 */
@Injectable()
export class AppealGuardrails {
  constructor(private readonly departments: DepartmentTree) {}

  /**
   * Which of extend / no-answer-required the department's operators must propose: from the
   * process's copy of the departments (dropped at a change's commit in every process), not a
   * TypeORM read of the row in every action; read in the action's transaction when the copy is cold.
   */
  async approvalRequiredFor(manager: EntityManager, departmentId: string | null): Promise<ApprovableBySetting[]> {
    if (!departmentId) return [];
    return (await this.departments.knownIn(manager, departmentId))?.approvalRequiredFor ?? [];
  }

  /**
   * Who decides an operator's proposal: the supervisors nearest up the department tree (the
   * handling department's own, else its parent's, and so on) — the ones told of it by e-mail.
   */
  async approvers(manager: EntityManager, departmentId: string | null): Promise<string[]> {
    if (!departmentId) return [];
    return this.departments.nearestSupervisors(departmentId, manager);
  }

  /**
   * ст. 11 ч. 5: the appeal repeats a question this citizen already had answered on the merits at
   * least twice. Staff name those appeals; each must be this citizen's, not this one, and
   * answered (resolved / rejected, or closed after such an answer). Returns their ids.
   */
  async earlierAnswers(manager: EntityManager, appeal: Appeal, refs: readonly string[] | undefined): Promise<string[]> {
    const field = 'repeatsAppealIds';
    if (!refs || refs.length === 0) refuse(field, 'repeats_required');
    const ids = new Set<string>();
    for (const ref of refs!) {
      const [row] = await manager.query<{ id: string; citizen_id: string | null; status: AppealStatus; answered: boolean }[]>(
        `SELECT a.id, a.citizen_id, a.status,
                EXISTS (SELECT 1 FROM answers x WHERE x.appeal_id = a.id AND x.result = ANY($2)) AS answered
           FROM appeals a WHERE ${UUID.test(ref) ? 'a.id = $1::uuid' : 'a.number = $1::bigint'}`,
        [ref, ON_THE_MERITS],
      );
      if (row?.id === appeal.id) refuse(field, 'repeats_self');
      // Another citizen's appeal is reported like a missing one: staff learn nothing about it.
      if (!row || appeal.citizenId === null || row.citizen_id !== appeal.citizenId) refuse(field, 'repeats_not_same_citizen');
      if (!ANSWERED_STATUSES.includes(row.status) || !row.answered) refuse(field, 'repeats_not_answered');
      ids.add(row.id);
    }
    if (ids.size < MIN_EARLIER_ANSWERS) refuse(field, 'repeats_required');
    return [...ids];
  }

  /** The notice for a ground: the operator's own text, or the statutory one (ч. 5.1 needs the page's address). */
  noAnswerNotice(grounds: NoAnswerGround, body: NoticeFields): string {
    if (body.noticeText) return body.noticeText;
    const text = NO_ANSWER_GROUND_RULES[grounds].notice;
    if (grounds !== NoAnswerGround.AnswerPublished) return text;
    if (!body.publishedUrl) refuse('publishedUrl', 'isNotEmpty');
    return text.replace('{{link}}', body.publishedUrl!);
  }

  terminationNotice(body: NoticeFields): string {
    return body.noticeText ?? TERMINATION_NOTICE;
  }

  /** The date by which the law wants the citizen told (7 days of registration for some grounds), or null. */
  noticeDueOn(grounds: NoAnswerGround, registeredAt: Date | null): string | null {
    const days = NO_ANSWER_GROUND_RULES[grounds].noticeDays;
    if (days === null || !registeredAt) return null;
    return moscowDate(new Date(registeredAt.getTime() + days * 86_400_000));
  }
}
