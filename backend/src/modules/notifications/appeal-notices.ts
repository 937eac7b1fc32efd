import { APPEAL_STATUS_LABELS, AppealStatus, HistoryEvent, moscowDate } from '@otklik/shared/domain';

/** What a notice needs to know about the appeal when it is written (read at delivery time). */
export interface AppealFacts {
  number: number | null;
  subject: string;
  status: AppealStatus;
  dueAt: Date | null;
  documentsDueOn: string | null;
  departmentName: string | null;
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

/**
 * The e-mail notices of the workflow, by outbox event type: the citizen hears of what changes
 * their appeal's course (DOMAIN.md: redirect and extension are told to the citizen), staff hear
 * of deadlines (the head of an overdue appeal, the assignee before the deadline). Texts carry
 * the number and the facts, never the citizen's own words beyond the subject.
 */
export const APPEAL_NOTICES: Readonly<Record<string, NoticeSpec>> = {
  [`appeal.${HistoryEvent.Redirected}`]: {
    audience: 'citizen',
    subject: (a) => `Обращение ${no(a)} передано в другой отдел`,
    text: (a) => `Ваше обращение ${no(a)} «${a.subject}» передано на рассмотрение: ${a.departmentName ?? '—'}.\n${CABINET}`,
  },
  [`appeal.${HistoryEvent.Extended}`]: {
    audience: 'citizen',
    subject: (a) => `Срок рассмотрения обращения ${no(a)} продлён`,
    text: (a) => `Срок рассмотрения вашего обращения ${no(a)} «${a.subject}» продлён до ${due(a)}.\n${CABINET}`,
  },
  [`appeal.${HistoryEvent.DocumentsRequested}`]: {
    audience: 'citizen',
    subject: (a) => `По обращению ${no(a)} нужны документы`,
    text: (a) =>
      `Для рассмотрения обращения ${no(a)} «${a.subject}» нужно представить документы` +
      `${a.documentsDueOn ? ` до ${ruDate(a.documentsDueOn)}` : ''}. Список — в сообщении по обращению.\n${CABINET}`,
  },
  [`appeal.${HistoryEvent.Answered}`]: {
    audience: 'citizen',
    subject: (a) => `Ответ на обращение ${no(a)}`,
    text: (a) => `По вашему обращению ${no(a)} «${a.subject}» дан ответ (статус «${APPEAL_STATUS_LABELS[a.status].ru}»). Подписанный ответ можно скачать в личном кабинете.`,
  },
  [`appeal.${HistoryEvent.NoAnswerRequired}`]: {
    audience: 'citizen',
    subject: (a) => `Уведомление по обращению ${no(a)}`,
    text: (a) => `По вашему обращению ${no(a)} «${a.subject}» направлено уведомление (Федеральный закон № 59-ФЗ, ст. 11).\n${CABINET}`,
  },
  [`appeal.${HistoryEvent.CorrespondenceTerminated}`]: {
    audience: 'citizen',
    subject: (a) => `Уведомление по обращению ${no(a)}`,
    text: (a) => `По вашему обращению ${no(a)} «${a.subject}» направлено уведомление о прекращении переписки (Федеральный закон № 59-ФЗ, ст. 11 ч. 5).\n${CABINET}`,
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
};
