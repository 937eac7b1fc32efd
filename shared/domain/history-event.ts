/** Kinds of rows in an appeal's status history. */
export enum HistoryEvent {
  Created = 'created',
  Submitted = 'submitted',
  /** «Перепроверено»: the citizen edited a registered appeal. */
  Rechecked = 'rechecked',
  Withdrawn = 'withdrawn',
  Closed = 'closed',
  MarkedImportant = 'marked_important',
  UnmarkedImportant = 'unmarked_important',
  // Staff side of the workflow.
  Taken = 'taken',
  Assigned = 'assigned',
  DocumentsRequested = 'documents_requested',
  SentForApproval = 'sent_for_approval',
  Approved = 'approved',
  Redirected = 'redirected',
  Extended = 'extended',
  NoAnswerRequired = 'no_answer_required',
  CorrespondenceTerminated = 'correspondence_terminated',
  Reopened = 'reopened',
  Answered = 'answered',
  /** An operator proposed an action for the supervisor's decision (59-ФЗ guardrails). */
  ProposalMade = 'proposal_made',
  /** The supervisor returned the proposal with a remark; the appeal is back in work. */
  ProposalReturned = 'proposal_returned',
  /** The supervisor re-reviewed a low-rated answer: upheld, or reopened for a new answer. */
  Reviewed = 'reviewed',
  /** Staff changed the appeal's category and/or priority (the status stays). */
  Reclassified = 'reclassified',
  // Citizen side of the workflow.
  ClarificationRequested = 'clarification_requested',
  Disputed = 'disputed',
  Resubmitted = 'resubmitted',
  Escalated = 'escalated',
  Rated = 'rated',
  MaterialsAdded = 'materials_added',
  // The scheduler.
  /** The scheduler found the deadline passed (SLA). */
  Overdue = 'overdue',
  /** Closed by the scheduler N days after the answer, the citizen having done nothing. */
  AutoClosed = 'auto_closed',
  /** An operator linked this likely duplicate to a main appeal: it keeps its number and gets the main appeal's answer. */
  Merged = 'merged',
  /** A postal answer: the operator printed the signed answer to post it; the appeal leaves the to-print list. */
  AnswerPrinted = 'answer_printed',
}

export const HISTORY_EVENT_LABELS: Record<HistoryEvent, { ru: string; en: string }> = {
  [HistoryEvent.Created]: { ru: 'Черновик создан', en: 'Draft created' },
  [HistoryEvent.Submitted]: { ru: 'Принято', en: 'Registered' },
  [HistoryEvent.Rechecked]: { ru: 'Перепроверено', en: 'Edited by the citizen' },
  [HistoryEvent.Withdrawn]: { ru: 'Отозвано', en: 'Withdrawn' },
  [HistoryEvent.Closed]: { ru: 'Закрыто', en: 'Closed' },
  [HistoryEvent.MarkedImportant]: { ru: 'Отмечено как важное', en: 'Marked important' },
  [HistoryEvent.UnmarkedImportant]: { ru: 'Отметка «важное» снята', en: 'Unmarked important' },
  [HistoryEvent.Taken]: { ru: 'Взято в работу', en: 'Taken' },
  [HistoryEvent.Assigned]: { ru: 'Назначен исполнитель', en: 'Assigned' },
  [HistoryEvent.DocumentsRequested]: { ru: 'Запрошены документы', en: 'Documents requested' },
  [HistoryEvent.SentForApproval]: { ru: 'Отправлено на согласование', en: 'Sent for approval' },
  [HistoryEvent.Approved]: { ru: 'Согласовано', en: 'Approved' },
  [HistoryEvent.Redirected]: { ru: 'Перенаправлено', en: 'Redirected' },
  [HistoryEvent.Extended]: { ru: 'Срок продлён', en: 'Deadline extended' },
  [HistoryEvent.NoAnswerRequired]: { ru: 'Ответ по существу не даётся', en: 'No answer on the merits' },
  [HistoryEvent.CorrespondenceTerminated]: { ru: 'Переписка прекращена', en: 'Correspondence terminated' },
  [HistoryEvent.Reopened]: { ru: 'Возобновлено', en: 'Reopened' },
  [HistoryEvent.Answered]: { ru: 'Дан ответ', en: 'Answered' },
  [HistoryEvent.ProposalMade]: { ru: 'Направлено на согласование руководителю', en: 'Proposed for approval' },
  [HistoryEvent.ProposalReturned]: { ru: 'Возвращено на доработку', en: 'Returned for rework' },
  [HistoryEvent.Reviewed]: { ru: 'Ответ перепроверен руководителем', en: 'Answer re-reviewed by the supervisor' },
  [HistoryEvent.Reclassified]: { ru: 'Изменены категория или приоритет', en: 'Category or priority changed' },
  [HistoryEvent.ClarificationRequested]: { ru: 'Запрошено уточнение', en: 'Clarification requested' },
  [HistoryEvent.Disputed]: { ru: 'Решение оспорено', en: 'Decision disputed' },
  [HistoryEvent.Resubmitted]: { ru: 'Подана повторная заявка', en: 'Re-filed' },
  [HistoryEvent.Escalated]: { ru: 'Эскалировано', en: 'Escalated' },
  [HistoryEvent.Rated]: { ru: 'Ответ оценён', en: 'Answer rated' },
  [HistoryEvent.MaterialsAdded]: { ru: 'Добавлены материалы', en: 'Materials added' },
  [HistoryEvent.Overdue]: { ru: 'Просрочено', en: 'Overdue' },
  [HistoryEvent.AutoClosed]: { ru: 'Закрыто автоматически', en: 'Closed automatically' },
  [HistoryEvent.Merged]: { ru: 'Объединено с другим обращением', en: 'Merged with another appeal' },
  [HistoryEvent.AnswerPrinted]: { ru: 'Ответ распечатан для отправки почтой', en: 'Answer printed for posting' },
};
