/**
 * How an appeal reached the body (reports filter and group by it). The platform takes appeals over
 * one public API; what distinguishes them is whether the author is identified (a citizen's account,
 * password or ESIA) or filed an unidentified feedback message (number + access code, 59-ФЗ: not an
 * identified appeal). Kept as its own enum so that a future intake channel (mail, reception desk)
 * is one more value.
 */
export enum AppealChannel {
  Account = 'account',
  Anonymous = 'anonymous',
}

export const APPEAL_CHANNELS: readonly AppealChannel[] = Object.values(AppealChannel);

export function channelOf(unidentified: boolean): AppealChannel {
  return unidentified ? AppealChannel.Anonymous : AppealChannel.Account;
}
