import { CitizenActionContext, StaffAction, StaffActionContext } from '@otklik/shared/domain';
import { Appeal } from './appeal.entity';
import { Answer } from './answer.entity';
import { AnswerDto } from './dto/answer-output.dto';

/** How long after registration a redirect to another department is allowed (DOMAIN.md: 7 days). */
export const REDIRECT_DAYS = 7;

/** What staff of the department an appeal is escalated to may do with it: move it (to themselves, or where it belongs). */
export const OVERSIGHT_ACTIONS: readonly StaffAction[] = [StaffAction.Redirect];

/** The facts beside the status that the citizen's actions depend on. */
export function citizenContext(a: Appeal, now: Date): CitizenActionContext {
  return {
    type: a.type,
    answeredAt: a.answeredAt,
    now,
    unsuccessfulRounds: a.unsuccessfulRounds,
    overdue: a.overdue,
    escalated: a.escalated,
    rated: a.rating !== null,
  };
}

/** The facts beside the status that staff actions depend on. */
export function staffContext(a: Appeal, now: Date): StaffActionContext {
  return {
    extended: a.extended,
    registeredAt: a.registeredAt,
    now,
    redirectDays: REDIRECT_DAYS,
    unidentified: a.unidentified,
    pendingProposal: a.pendingProposal?.action ?? null,
    rereview: a.rereview,
    escalated: a.escalated,
  };
}

export function toAnswerDto(a: Answer): AnswerDto {
  return {
    id: a.id,
    result: a.result,
    resultCode: a.resultCode,
    text: a.text,
    reason: a.reason,
    answeredAt: a.answeredAt.toISOString(),
    executor: { name: a.executorName, position: a.executorPosition, workPhone: a.executorPhone },
  };
}
