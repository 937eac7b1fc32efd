import { AppealStatus } from '@otklik/shared/domain';
import { Channel, Locale, NOTICE_KIND_SPECS, NoticeFacts, NoticeKind } from './notice-kinds';
import { NoticeWords } from './notice-text';
import { ALERT_EN } from './texts-en';
import { ALERT_RU } from './texts-ru';

/**
 * The {{placeholders}} an admin's text for a notice may use (notification templates, issue 16).
 * Each is a fact the built-in text of that kind already carries, written out for the locale (dates
 * in Moscow time, statuses by their label): an override can say less than the built-in text or
 * say it differently, never more — so a template cannot leak what the notice would not carry.
 */
export const PLACEHOLDERS = [
  'number',
  'no',
  'subject',
  'status',
  'previousStatus',
  'at',
  'registeredAt',
  'due',
  'documentsDue',
  'department',
  'reason',
  'rating',
  'fileName',
  'escalatedBy',
  'alert',
  'person',
  'webhook',
  'origin',
  'failures',
  'lastError',
  'category',
  'region',
  'citizens',
  'appeals',
  'windowHours',
  'link',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Free texts of variable length: in an SMS they are what gets cut short when the text does not fit. */
export const ELASTIC_PLACEHOLDERS: ReadonlySet<Placeholder> = new Set(['subject', 'department', 'reason', 'fileName', 'escalatedBy', 'alert', 'person', 'webhook', 'origin', 'lastError', 'category', 'region']);

const APPEAL: readonly Placeholder[] = ['number', 'no', 'subject', 'status', 'at', 'registeredAt', 'due', 'department'];
const WITH_REASON: readonly Placeholder[] = [...APPEAL, 'reason'];

const BY_KIND: Record<NoticeKind, readonly Placeholder[]> = {
  registered: APPEAL,
  status_changed: [...APPEAL, 'previousStatus', 'reason'],
  staff_reply: APPEAL,
  documents_requested: [...APPEAL, 'documentsDue'],
  documents_reminder: [...APPEAL, 'documentsDue'],
  extended: WITH_REASON,
  redirected: WITH_REASON,
  law_notice: WITH_REASON,
  answer_ready: APPEAL,
  rating_requested: APPEAL,
  review_outcome: WITH_REASON,
  queue_new: APPEAL,
  assigned: APPEAL,
  citizen_reply: APPEAL,
  due_soon: APPEAL,
  first_reaction_overdue: APPEAL,
  overdue: APPEAL,
  escalated_to_department: [...WITH_REASON, 'escalatedBy'],
  low_rating: [...APPEAL, 'rating'],
  approval_requested: WITH_REASON,
  approval_returned: WITH_REASON,
  infected_file: [...APPEAL, 'fileName'],
  security_alert: ['at', 'alert', 'person'],
  webhook_disabled: ['at', 'webhook', 'origin', 'failures', 'lastError'],
  recurring_problem: ['at', 'category', 'region', 'citizens', 'appeals', 'windowHours'],
};

/** The channels whose text has a subject line: the e-mail's subject, the push and in-app title. An SMS is one text. */
export const CHANNELS_WITH_SUBJECT: readonly Channel[] = ['email', 'push', 'in_app'];

/**
 * The placeholders of a kind on a channel. The appeal's subject (what the citizen wrote) stays out
 * of an SMS and of a push (a lock screen is public), as in the built-in texts. The link is the
 * SMS's own business; the other channels always carry it in their frame (the button, the tap).
 */
export function placeholdersOf(kind: NoticeKind, channel: Channel): Placeholder[] {
  const names = BY_KIND[kind].filter((p) => !(p === 'subject' && (channel === 'sms' || channel === 'push')));
  return channel === 'sms' ? [...names, 'link'] : [...names];
}

const TOKEN = /\{\{([^{}]*)\}\}/g;

/** A template as literal text and placeholders, in order. */
export type TemplatePart = { text: string } | { name: Placeholder };

/** The names written in {{…}} that the kind does not provide on that channel (each once, in order of appearance). */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(TOKEN)) {
    const name = match[1].trim();
    if (!allowed.includes(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** Splits a template whose placeholders were checked (unknownPlaceholders): an unknown one stays literal text. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    const name = match[1].trim();
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) continue;
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ name: name as Placeholder });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** What each placeholder says for these facts in this locale; null when the fact is absent. */
export function placeholderValues(w: NoticeWords): Record<Placeholder, string | null> {
  const f = w.facts;
  const alerts = w.locale === 'en' ? ALERT_EN : ALERT_RU;
  const count = (n: number | null | undefined) => (n === null || n === undefined ? null : String(n));
  return {
    number: w.num,
    no: w.no,
    subject: w.subject,
    status: w.status,
    previousStatus: w.previousStatus,
    at: w.at,
    registeredAt: w.registeredAt,
    due: w.due,
    documentsDue: w.documentsDue,
    department: w.department,
    reason: w.reason,
    rating: count(f.rating),
    fileName: w.fileName,
    escalatedBy: w.escalatedBy,
    alert: f.alert ? (alerts[f.alert.kind] ?? f.alert.kind) : null,
    person: f.alert?.subjectName ?? null,
    webhook: f.webhook?.name ?? null,
    origin: f.webhook?.origin ?? null,
    failures: count(f.webhook?.failures),
    lastError: f.webhook?.lastError ?? null,
    category: f.recurring?.categoryName ?? null,
    region: f.recurring?.region ?? null,
    citizens: count(f.recurring?.citizens),
    appeals: count(f.recurring?.appeals),
    windowHours: count(f.recurring?.windowHours),
    // An applicant an operator registered has no cabinet and no access code: no link to give.
    link: f.accountless && !f.unidentified ? null : f.link,
  };
}

/** An absent fact reads as a dash: the admin's sentence stays a sentence. */
export const ABSENT = '—';

/** Fills a checked template with the values. */
export function fillTemplate(template: string, values: Record<Placeholder, string | null>): string {
  return parseTemplate(template)
    .map((p) => ('text' in p ? p.text : (values[p.name] ?? ABSENT)))
    .join('');
}

/**
 * The facts a preview fills a template with when no appeal is given: made up, plausible and as long
 * as real ones tend to be (an SMS that fits with them fits with most real values; longer ones are
 * cut where the text is free: the subject, a reason, a department).
 */
export function sampleFacts(kind: NoticeKind, locale: Locale, base: { citizen: string; console: string }): NoticeFacts {
  const en = locale === 'en';
  const citizen = NOTICE_KIND_SPECS[kind].audience === 'citizen';
  const at = new Date('2026-12-07T09:30:00Z');
  const facts: NoticeFacts = {
    number: 10012345,
    subject: en ? 'The payment page of the portal does not open' : 'Не открывается страница оплаты на портале',
    status: AppealStatus.InProgress,
    previousStatus: AppealStatus.Registered,
    at,
    registeredAt: new Date('2026-12-04T07:15:00Z'),
    dueAt: new Date('2026-12-18T20:59:59.999Z'),
    documentsDueOn: '2026-12-14',
    departmentName: 'Отдел технической поддержки',
    departmentNameEn: 'Technical support department',
    unidentified: false,
    reason: en ? 'A reply from another body is needed' : 'Требуется ответ другого органа',
    rating: 2,
    fileName: 'scan.pdf',
    escalatedBy: kind === 'escalated_to_department' ? 'staff' : null,
    link: citizen ? `${base.citizen}/appeals/10012345` : `${base.console}/appeals/10012345`,
  };
  if (kind === 'security_alert') return { ...facts, number: null, subject: '', alert: { kind: 'failed_sign_ins', subjectName: 'operator@example.org', accountLocked: false }, link: `${base.console}/audit/alerts` };
  if (kind === 'webhook_disabled') return { ...facts, number: null, subject: '', webhook: { name: en ? 'Document flow' : 'СЭД', origin: 'https://sed.example.org', failures: 10, lastError: 'HTTP 503' }, link: `${base.console}/admin/webhooks` };
  if (kind === 'recurring_problem') {
    return { ...facts, number: null, subject: '', recurring: { categoryName: en ? 'Payment operations' : 'Платёжные операции', region: en ? 'Tver region' : 'Тверская область', citizens: 12, appeals: 14, windowHours: 24 }, link: `${base.console}/reports` };
  }
  return facts;
}
