/** Appeal types (DOMAIN.md «Appeal types»). The English value is the API value. */
export enum AppealType {
  Complaint = 'complaint',
  Suggestion = 'suggestion',
  Question = 'question',
  Gratitude = 'gratitude',
  Petition = 'petition',
  DecisionAppeal = 'decision_appeal',
}

export const APPEAL_TYPES: readonly AppealType[] = Object.values(AppealType);

/** Types a citizen may pick at intake; a decision appeal is only created from an answered appeal. */
export const INTAKE_APPEAL_TYPES: readonly AppealType[] = APPEAL_TYPES.filter(
  (t) => t !== AppealType.DecisionAppeal,
);

export const APPEAL_TYPE_LABELS: Record<AppealType, { ru: string; en: string }> = {
  [AppealType.Complaint]: { ru: 'Жалоба', en: 'Complaint' },
  [AppealType.Suggestion]: { ru: 'Предложение', en: 'Suggestion' },
  [AppealType.Question]: { ru: 'Вопрос / запрос информации', en: 'Question / information request' },
  [AppealType.Gratitude]: { ru: 'Благодарность', en: 'Gratitude' },
  [AppealType.Petition]: { ru: 'Петиция', en: 'Petition' },
  [AppealType.DecisionAppeal]: { ru: 'Обжалование решения', en: 'Appeal of a decision' },
};
