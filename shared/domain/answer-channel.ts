/**
 * How the citizen wants the answer delivered (issue 18): read in the cabinet, by e-mail, or as a
 * printed, signed letter by post (the operator prints it). Set on the profile as the default and
 * per appeal at filing.
 */
export enum AnswerChannel {
  Cabinet = 'cabinet',
  Email = 'email',
  Post = 'post',
}

export const ANSWER_CHANNELS: readonly AnswerChannel[] = Object.values(AnswerChannel);
