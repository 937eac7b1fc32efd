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
}

export const HISTORY_EVENT_LABELS: Record<HistoryEvent, { ru: string; en: string }> = {
  [HistoryEvent.Created]: { ru: 'Черновик создан', en: 'Draft created' },
  [HistoryEvent.Submitted]: { ru: 'Принято', en: 'Registered' },
  [HistoryEvent.Rechecked]: { ru: 'Перепроверено', en: 'Edited by the citizen' },
  [HistoryEvent.Withdrawn]: { ru: 'Отозвано', en: 'Withdrawn' },
  [HistoryEvent.Closed]: { ru: 'Закрыто', en: 'Closed' },
  [HistoryEvent.MarkedImportant]: { ru: 'Отмечено как важное', en: 'Marked important' },
  [HistoryEvent.UnmarkedImportant]: { ru: 'Отметка «важное» снята', en: 'Unmarked important' },
};
