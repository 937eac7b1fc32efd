/** Appeal statuses (DOMAIN.md «Statuses and transitions»). */
export enum AppealStatus {
  Draft = 'draft',
  Registered = 'registered',
  InProgress = 'in_progress',
  AwaitingApproval = 'awaiting_approval',
  AwaitingCitizen = 'awaiting_citizen',
  Resolved = 'resolved',
  Rejected = 'rejected',
  Closed = 'closed',
  Withdrawn = 'withdrawn',
}

export const APPEAL_STATUSES: readonly AppealStatus[] = Object.values(AppealStatus);

export const APPEAL_STATUS_LABELS: Record<AppealStatus, { ru: string; en: string }> = {
  [AppealStatus.Draft]: { ru: 'Черновик', en: 'Draft' },
  [AppealStatus.Registered]: { ru: 'Принято', en: 'Registered' },
  [AppealStatus.InProgress]: { ru: 'В работе', en: 'In progress' },
  [AppealStatus.AwaitingApproval]: { ru: 'На согласовании', en: 'Awaiting approval' },
  [AppealStatus.AwaitingCitizen]: { ru: 'Ожидание документов', en: 'Awaiting documents' },
  [AppealStatus.Resolved]: { ru: 'Решено', en: 'Resolved' },
  [AppealStatus.Rejected]: { ru: 'Отказано', en: 'Rejected' },
  [AppealStatus.Closed]: { ru: 'Закрыто', en: 'Closed' },
  [AppealStatus.Withdrawn]: { ru: 'Отозвано', en: 'Withdrawn' },
};

/** Statuses in which the appeal has not yet been answered: the citizen may still withdraw it. */
export const UNANSWERED_STATUSES: readonly AppealStatus[] = [
  AppealStatus.Registered,
  AppealStatus.InProgress,
  AppealStatus.AwaitingApproval,
  AppealStatus.AwaitingCitizen,
];

/**
 * Statuses in which the deadline runs: the unanswered ones but awaiting_citizen, which pauses the
 * clock (SLA overdue marks, reminders and first-reaction checks look only at these).
 */
export const SLA_RUNNING_STATUSES: readonly AppealStatus[] = UNANSWERED_STATUSES.filter((s) => s !== AppealStatus.AwaitingCitizen);

/** Statuses that end the appeal's life. */
export const FINAL_STATUSES: readonly AppealStatus[] = [AppealStatus.Closed, AppealStatus.Withdrawn];
