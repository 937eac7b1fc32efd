import { APPEAL_STATUS_LABELS, AppealStatus } from '@otklik/shared/domain';
import { formatDate, formatDue, formatTime, oneLine, SmsPiece } from './notice-format';
import type { Locale, NoticeFacts, NoticeKind } from './notice-kinds';

/**
 * What a kind says in one locale, before it is laid out per channel (templates.ts): the e-mail
 * subject (also the push and in-app title), the lead sentence (what changed, the number, the
 * time), further lines, the short form for push (no subject: a lock screen is public) and the SMS
 * pieces. Everything here is plain text; the HTML layout escapes it.
 */
export interface NoticeText {
  title: string;
  lead: string;
  details: string[];
  /** Push body: like the lead, without the appeal's subject. */
  short: string;
  sms: SmsPiece[];
  /**
   * What an author without a cabinet cannot read anywhere else, quoted in e-mail and in-app: the
   * step's notice, or the answer itself (59-ФЗ ст. 10 ч. 4 sends the answer to the address given).
   */
  quote?: string | null;
}

/** The facts already written out for a locale. */
export interface NoticeWords {
  locale: Locale;
  facts: NoticeFacts;
  /** № 12345678 / No. 12345678 */
  no: string;
  /** The appeal's number alone (or a dash). */
  num: string;
  /** When the step happened (Moscow time). */
  at: string;
  /** When it was registered (the step's time if unknown). */
  registeredAt: string;
  /** The deadline, or null. */
  due: string | null;
  documentsDue: string | null;
  status: string;
  previousStatus: string | null;
  department: string | null;
  subject: string;
  reason: string | null;
  fileName: string | null;
  /** escalated_to_department: who escalated (the citizen, or staff of the handling department), or null. */
  escalatedBy: string | null;
}

export type NoticeTexts = Record<NoticeKind, (w: NoticeWords) => NoticeText>;

export function statusLabel(status: AppealStatus, locale: Locale): string {
  return APPEAL_STATUS_LABELS[status][locale];
}

export function wordsOf(facts: NoticeFacts, locale: Locale): NoticeWords {
  const num = facts.number === null ? '—' : String(facts.number);
  const clean = (s: string | null | undefined) => (s && oneLine(s) ? oneLine(s) : null);
  return {
    locale,
    facts,
    num,
    no: locale === 'ru' ? `№ ${num}` : `No. ${num}`,
    at: formatTime(facts.at, locale),
    registeredAt: formatTime(facts.registeredAt ?? facts.at, locale),
    due: facts.dueAt ? formatDue(facts.dueAt, locale) : null,
    documentsDue: facts.documentsDueOn ? formatDate(facts.documentsDueOn, locale) : null,
    status: statusLabel(facts.status, locale),
    previousStatus: facts.previousStatus ? statusLabel(facts.previousStatus, locale) : null,
    department: clean(locale === 'en' ? (facts.departmentNameEn ?? facts.departmentName) : facts.departmentName),
    subject: oneLine(facts.subject),
    reason: sentence(clean(facts.reason)),
    fileName: clean(facts.fileName),
    escalatedBy: escalatedByWords(facts, clean(locale === 'en' ? (facts.departmentNameEn ?? facts.departmentName) : facts.departmentName), locale),
  };
}

function escalatedByWords(facts: NoticeFacts, department: string | null, locale: Locale): string | null {
  if (facts.escalatedBy === 'citizen') return locale === 'en' ? 'the citizen' : 'заявитель';
  if (facts.escalatedBy === 'staff') {
    if (locale === 'en') return department ? `staff of ${department}` : 'staff';
    return department ? `сотрудник отдела «${department}»` : 'сотрудник';
  }
  return null;
}

/** A free text as a sentence of ours: ends with a stop, so what follows reads as a new sentence. */
function sentence(text: string | null): string | null {
  return text && !/[.!?…»")]$/.test(text) ? `${text}.` : text;
}

/** Lines that are there only when their fact is. */
export function lines(...values: (string | null | false | undefined)[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** Whether a citizen notice quotes the step's notice (an author without a cabinet): said once, not again in a line. */
export function quotesNotice(w: NoticeWords): boolean {
  return withoutCabinet(w.facts) && !!w.facts.notice?.trim();
}

/** An author without an account: unidentified feedback, or an applicant an operator registered. */
export function withoutCabinet(facts: NoticeFacts): boolean {
  return facts.unidentified || facts.accountless === true;
}

/**
 * The SMS's link: the cabinet's card, or the tracking page of unidentified feedback. An applicant an
 * operator registered has neither (no account, no access code): no link.
 */
export function smsLink(w: NoticeWords): SmsPiece[] {
  return w.facts.accountless && !w.facts.unidentified ? [] : [{ text: ` ${w.facts.link}`, optional: 9 }];
}
