/**
 * How an appeal reached the body (reports filter and group by it). Citizens file over the public
 * API: identified (a citizen's account, password or ESIA) or an unidentified feedback message
 * (number + access code, 59-ФЗ: not an identified appeal). Operators register the appeals that
 * came by phone, e-mail, post or in person (the reception desk); e-mail intake files mail from a
 * verified citizen's address as `email` too.
 */
export enum AppealChannel {
  Account = 'account',
  Anonymous = 'anonymous',
  Phone = 'phone',
  Email = 'email',
  Post = 'post',
  InPerson = 'in_person',
}

export const APPEAL_CHANNELS: readonly AppealChannel[] = Object.values(AppealChannel);

/** The channels an operator registers an appeal from (POST /staff/appeals). */
export const STAFF_INTAKE_CHANNELS: readonly AppealChannel[] = [AppealChannel.Phone, AppealChannel.Email, AppealChannel.Post, AppealChannel.InPerson];

export function channelOf(unidentified: boolean): AppealChannel {
  return unidentified ? AppealChannel.Anonymous : AppealChannel.Account;
}
