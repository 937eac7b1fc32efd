import { APPEAL_STATUS_LABELS, AppealStatus, HistoryEvent, moscowDate } from '@otklik/shared/domain';
import { DomainEventType } from '../outbox/domain-event';

/** What a notice needs to know about the appeal when it is written (read at delivery time). */
export interface AppealFacts {
  number: number | null;
  subject: string;
  status: AppealStatus;
  dueAt: Date | null;
  documentsDueOn: string | null;
  departmentName: string | null;
  /** Filed without an account: no cabinet to point to, only the number and the access code. */
  unidentified: boolean;
  /** The thread message the step posted (a notice, a documents request), quoted to those without a cabinet. */
  notice?: string | null;
  /** The latest answer (read for `appeal.answered` only). */
  answer?: { text: string; executorName: string; executorPosition: string | null; reason: string | null } | null;
}

/** Who a notice goes to: the citizen who filed the appeal, or staff named by the event. */
export type NoticeAudience = 'citizen' | 'recipients';

export interface NoticeSpec {
  audience: NoticeAudience;
  subject: (a: AppealFacts) => string;
  text: (a: AppealFacts) => string;
}

const ruDate = (isoDate: string) => isoDate.split('-').reverse().join('.');
const due = (a: AppealFacts) => (a.dueAt ? ruDate(moscowDate(a.dueAt)) : '—');
const no = (a: AppealFacts) => `№ ${a.number ?? '—'}`;
const CABINET = 'Подробности — в личном кабинете «Отклик».';
const TRACKING = 'Ход рассмотрения можно проверить на портале «Отклик» по номеру обращения и коду доступа, выданному при подаче.';
/**
 * Where the citizen reads more: the cabinet, or — filed without an account, so no cabinet and no
 * thread to read — the notice itself, quoted, and the public tracking page.
 */
const more = (a: AppealFacts) => (a.unidentified ? `${a.notice ? `\n${a.notice}\n` : ''}\n${TRACKING}` : CABINET);

/**
 * The answer itself for an appeal filed without an account: its author has no cabinet to read
 * it in, and the e-mail address they gave is where 59-ФЗ (ст. 10 ч. 4) sends the answer.
 */
function answerBody(a: AppealFacts): string {
  const answer = a.answer;
  if (!answer) return TRACKING;
  const signer = [answer.executorPosition, answer.executorName].filter(Boolean).join(' ');
  return [answer.text, answer.reason ? `Основание: ${answer.reason}` : null, `Исполнитель: ${signer}`, TRACKING].filter((line): line is string => !!line).join('\n\n');
}

/**
 * The e-mail notices of the workflow, by outbox event type: the citizen hears of what changes
 * their appeal's course (DOMAIN.md: redirect and extension are told to the citizen), staff hear
 * of deadlines (the head of an overdue appeal, the assignee before the deadline). Texts carry
 * the number and the facts, never the citizen's own words beyond the subject.
 */
export const APPEAL_NOTICES = {
  [`appeal.${HistoryEvent.Redirected}`]: {
    audience: 'citizen',
    subject: (a) => `Обращение ${no(a)} передано в другой отдел`,
    text: (a) => `Ваше обращение ${no(a)} «${a.subject}» передано на рассмотрение: ${a.departmentName ?? '—'}.\n${more(a)}`,
  },
  [`appeal.${HistoryEvent.Extended}`]: {
    audience: 'citizen',
    subject: (a) => `Срок рассмотрения обращения ${no(a)} продлён`,
    text: (a) => `Срок рассмотрения вашего обращения ${no(a)} «${a.subject}» продлён до ${due(a)}.\n${more(a)}`,
  },
  [`appeal.${HistoryEvent.DocumentsRequested}`]: {
    audience: 'citizen',
    subject: (a) => `По обращению ${no(a)} нужны документы`,
    text: (a) =>
      `Для рассмотрения обращения ${no(a)} «${a.subject}» нужно представить документы` +
      `${a.documentsDueOn ? ` до ${ruDate(a.documentsDueOn)}` : ''}.${a.unidentified ? '' : ' Список — в сообщении по обращению.'}\n${more(a)}`,
  },
  [`appeal.${HistoryEvent.Answered}`]: {
    audience: 'citizen',
    subject: (a) => `Ответ на обращение ${no(a)}`,
    text: (a) =>
      `По вашему обращению ${no(a)} «${a.subject}» дан ответ (статус «${APPEAL_STATUS_LABELS[a.status].ru}»).` +
      (a.unidentified ? `\n\n${answerBody(a)}` : ' Подписанный ответ можно скачать в личном кабинете.'),
  },
  [`appeal.${HistoryEvent.NoAnswerRequired}`]: {
    audience: 'citizen',
    subject: (a) => `Уведомление по обращению ${no(a)}`,
    text: (a) => `По вашему обращению ${no(a)} «${a.subject}» направлено уведомление (Федеральный закон № 59-ФЗ, ст. 11).\n${more(a)}`,
  },
  [`appeal.${HistoryEvent.CorrespondenceTerminated}`]: {
    audience: 'citizen',
    subject: (a) => `Уведомление по обращению ${no(a)}`,
    text: (a) => `По вашему обращению ${no(a)} «${a.subject}» направлено уведомление о прекращении переписки (Федеральный закон № 59-ФЗ, ст. 11 ч. 5).\n${more(a)}`,
  },
  [`appeal.${HistoryEvent.ProposalMade}`]: {
    audience: 'recipients',
    subject: (a) => `На согласовании: обращение ${no(a)}`,
    text: (a) =>
      `Исполнитель направил вам на согласование предложение по обращению ${no(a)} «${a.subject}» (${a.departmentName ?? 'без отдела'}). ` +
      'Предложение и его обоснование — на карточке обращения в консоли «Отклик»: согласуйте его или верните на доработку с замечанием.',
  },
  'appeal.overdue': {
    audience: 'recipients',
    subject: (a) => `Просрочено обращение ${no(a)}`,
    text: (a) => `Обращение ${no(a)} «${a.subject}» (${a.departmentName ?? 'без отдела'}) не рассмотрено в срок: срок истёк ${due(a)}. Обращение эскалировано.`,
  },
  'appeal.deadline_approaching': {
    audience: 'recipients',
    subject: (a) => `Приближается срок по обращению ${no(a)}`,
    text: (a) => `Срок ответа по обращению ${no(a)} «${a.subject}», назначенному вам, истекает ${due(a)}.`,
  },
} as const satisfies Partial<Record<DomainEventType, NoticeSpec>>;

/** The events the e-mail channel tells someone of. */
export type NoticeEvent = keyof typeof APPEAL_NOTICES;
export const NOTICE_EVENTS = Object.keys(APPEAL_NOTICES) as NoticeEvent[];
