/** Priority the citizen (or triage) sets on an appeal. */
export enum AppealPriority {
  Low = 'low',
  Normal = 'normal',
  High = 'high',
}

export const APPEAL_PRIORITIES: readonly AppealPriority[] = Object.values(AppealPriority);
