import { AppealStatus } from '@otklik/shared/domain';
import { escapeHtml, fitSms, oneLine, SmsPiece } from './notice-format';
import { Channel, Locale, NOTICE_KIND_SPECS, NoticeFacts, NoticeKind, RenderedNotice } from './notice-kinds';
import { ELASTIC_PLACEHOLDERS, fillTemplate, parseTemplate, Placeholder, placeholderValues, ABSENT } from './notice-placeholders';
import { NoticeText, NoticeTexts, NoticeWords, withoutCabinet, wordsOf } from './notice-text';
import { EN_TEXTS } from './texts-en';
import { RU_TEXTS } from './texts-ru';

const TEXTS: Record<Locale, NoticeTexts> = { ru: RU_TEXTS, en: EN_TEXTS };

/** The words around every notice, per locale. */
const FRAME = {
  ru: {
    brand: 'Отклик',
    cabinet: 'Подробности — в личном кабинете «Отклик»:',
    tracking: 'Ход рассмотрения можно проверить на портале «Отклик» по номеру обращения и коду доступа, выданному при подаче:',
    console: 'Карточка обращения в консоли «Отклик»:',
    alerts: 'Оповещения безопасности в консоли «Отклик»:',
    webhooks: 'Подписки на вебхуки в консоли «Отклик»:',
    reports: 'Отчёты по теме в консоли «Отклик»:',
    office: 'О ходе рассмотрения можно узнать в органе, куда вы обратились, назвав номер обращения.',
    button: { cabinet: 'Открыть в личном кабинете', tracking: 'Проверить ход рассмотрения', console: 'Открыть карточку обращения', alerts: 'Открыть оповещения', webhooks: 'Открыть подписки', reports: 'Открыть отчёты' },
    fallback: 'Если кнопка не работает, откройте ссылку:',
    footer: 'Время московское. Письмо отправлено автоматически, отвечать на него не нужно.',
  },
  en: {
    brand: 'Otklik',
    cabinet: 'Details are in your Otklik account:',
    tracking: 'You can follow your appeal on the Otklik portal with its number and the access code you got when you filed it:',
    console: 'The appeal in the Otklik console:',
    alerts: 'Security alerts in the Otklik console:',
    webhooks: 'Webhook subscriptions in the Otklik console:',
    reports: 'Reports on the topic in the Otklik console:',
    office: 'To learn how your appeal is progressing, contact the body you applied to and give the appeal number.',
    button: { cabinet: 'Open in your account', tracking: 'Check the progress', console: 'Open the appeal', alerts: 'Open the alerts', webhooks: 'Open the subscriptions', reports: 'Open the reports' },
    fallback: 'If the button does not work, open this link:',
    footer: 'Times are Moscow time. This message was sent automatically; please do not reply to it.',
  },
} as const;

type Place = 'cabinet' | 'tracking' | 'console' | 'alerts' | 'webhooks' | 'reports';
/** Where a notice points to: a page with a link, or (an applicant an operator registered, who has no account and no access code) the body itself. */
type Pointer = Place | 'office';

/**
 * One notice in every channel for one locale. Citizens with an account are pointed to their
 * cabinet; those who filed without one (unidentified) have no cabinet and no thread to read, so
 * the e-mail quotes the step's notice (or the answer itself) and points to the tracking page; an
 * applicant an operator registered has no access code either, and is pointed to the body, no link.
 * Staff are pointed to the appeal's card in the console (admins to the alerts, for a security alert, or to the webhook subscriptions). The SMS is at most two segments by
 * construction (fitSms).
 */
export function renderNotice(kind: NoticeKind, locale: Locale, facts: NoticeFacts, templates: NoticeTemplates = {}): RenderedNotice {
  const notice = noticeRenderer(kind, locale, facts, templates);
  return { email: notice.email(), sms: notice.sms(), push: notice.push(), inApp: notice.inApp() };
}

/**
 * One notice, rendered channel by channel on demand: the planner asks only for the channels a
 * recipient gets (an SMS-only notice builds no e-mail HTML). Each channel's text is the same as
 * renderNotice's, byte for byte (renderNotice is built on this).
 */
export interface NoticeRenderer {
  email(): RenderedNotice['email'];
  sms(): RenderedNotice['sms'];
  push(): RenderedNotice['push'];
  inApp(): RenderedNotice['inApp'];
}

export function noticeRenderer(kind: NoticeKind, locale: Locale, facts: NoticeFacts, templates: NoticeTemplates = {}): NoticeRenderer {
  const words = wordsOf(facts, locale);
  const text = TEXTS[locale][kind](words);
  const citizen = NOTICE_KIND_SPECS[kind].audience === 'citizen';
  const place: Pointer = facts.webhook
    ? 'webhooks'
    : facts.alert
      ? 'alerts'
      : facts.recurring
        ? 'reports'
        : !citizen
          ? 'console'
          : facts.unidentified
            ? 'tracking'
            : facts.accountless
              ? 'office'
              : 'cabinet';
  const quote = citizen && withoutCabinet(facts) && text.quote?.trim() ? text.quote.trim() : null;
  const link = place === 'office' ? null : facts.link;
  // The admin's texts in place of the built-in ones, channel by channel, inside the same frame: the
  // e-mail keeps its layout, the link button, the footer and — for an author without a cabinet — the
  // quoted notice or answer (59-ФЗ ст. 10 ч. 4); push and in-app keep the link. Every value and the
  // admin's own words are escaped in the HTML part. The SMS stays within two segments: what does not
  // fit is cut where the text is free (fitSms: the link dropped first, then free values shortened).
  let values: Record<Placeholder, string | null> | undefined;
  const fill = (template: string) => fillTemplate(template, (values ??= placeholderValues(words)));
  return {
    email: () => {
      const own: NoticeText = templates.email ? { ...text, title: fill(templates.email.subject ?? ''), lead: fill(templates.email.body).trim(), details: [] } : text;
      return { subject: oneLine(own.title), text: emailText(own, locale, place, quote, link), html: emailHtml(own, locale, place, quote, link) };
    },
    sms: () => (templates.sms ? fitSms(smsPieces(templates.sms.body, (values ??= placeholderValues(words)))) : fitSms(text.sms)),
    push: () =>
      templates.push
        ? { title: oneLine(fill(templates.push.subject ?? '')), body: `${oneLine(fill(templates.push.body))}\n${facts.link}` }
        : { title: oneLine(text.title), body: `${oneLine(text.short)}\n${facts.link}` },
    inApp: () =>
      templates.in_app
        ? { title: oneLine(fill(templates.in_app.subject ?? '')), body: `${oneLine(fill(templates.in_app.body))}\n${facts.link}` }
        : { title: oneLine(text.title), body: `${[text.lead, ...text.details].map(oneLine).join(' ')}\n${facts.link}` },
  };
}

/** An admin's text for one channel of a kind in one locale (subject: the e-mail's subject, the push and in-app title; none for SMS). */
export interface NoticeTemplate {
  subject: string | null;
  body: string;
}
export type NoticeTemplates = Partial<Record<Channel, NoticeTemplate>>;

/** An SMS template as pieces fitSms can shorten: the link optional, free values elastic, the admin's words kept. */
export function smsPieces(template: string, values: Record<Placeholder, string | null>): SmsPiece[] {
  const pieces: SmsPiece[] = [];
  for (const part of parseTemplate(template)) {
    if ('text' in part) {
      pieces.push({ text: part.text });
      continue;
    }
    const value = values[part.name] ?? ABSENT;
    if (part.name === 'link') {
      // The space before the link goes with it when it is left out.
      const before = pieces.at(-1);
      const space = before && 'text' in before && !before.elastic && before.optional === undefined ? (/\s+$/.exec(before.text)?.[0] ?? '') : '';
      if (space) before!.text = before!.text.slice(0, -space.length);
      pieces.push({ text: `${space}${value}`, optional: 9 });
    } else pieces.push(ELASTIC_PLACEHOLDERS.has(part.name) ? { text: oneLine(value), elastic: true } : { text: value });
  }
  return pieces;
}

/**
 * The built-in text of a kind on a channel written as a template: the texts rendered with every
 * fact a {{placeholder}}. Where the built-in text says something only when the fact is there (a
 * deadline, a department) it is shown as if it were; the admin starts editing from this.
 */
export function defaultTemplate(kind: NoticeKind, locale: Locale, channel: Channel): NoticeTemplate {
  const token = (name: Placeholder) => `{{${name}}}`;
  const facts: NoticeFacts = {
    number: null,
    subject: token('subject'),
    status: AppealStatus.Registered,
    at: new Date(0),
    registeredAt: null,
    dueAt: null,
    documentsDueOn: null,
    departmentName: token('department'),
    unidentified: false,
    rating: token('rating') as unknown as number,
    fileName: token('fileName'),
    alert: kind === 'security_alert' ? { kind: token('alert'), subjectName: token('person'), accountLocked: false } : null,
    webhook: kind === 'webhook_disabled' ? { name: token('webhook'), origin: token('origin'), failures: token('failures') as unknown as number, lastError: token('lastError') } : null,
    recurring:
      kind === 'recurring_problem'
        ? { categoryName: token('category'), region: token('region'), citizens: token('citizens') as unknown as number, appeals: token('appeals') as unknown as number, windowHours: token('windowHours') as unknown as number }
        : null,
    link: token('link'),
  };
  const words: NoticeWords = {
    locale,
    facts,
    no: token('no'),
    num: token('number'),
    at: token('at'),
    registeredAt: token('registeredAt'),
    due: token('due'),
    documentsDue: token('documentsDue'),
    status: token('status'),
    previousStatus: token('previousStatus'),
    department: token('department'),
    subject: token('subject'),
    reason: token('reason'),
    fileName: token('fileName'),
    escalatedBy: token('escalatedBy'),
  };
  const built = TEXTS[locale][kind](words);
  // The alert's label comes from a table by its kind: the token is not in it, and the text says its fallback words instead.
  const alert = (s: string) => (kind === 'security_alert' ? s.replaceAll(locale === 'en' ? 'suspicious activity' : 'подозрительная активность', token('alert')) : s);
  const text: NoticeText = { ...built, title: alert(built.title), lead: alert(built.lead), short: alert(built.short), sms: built.sms.map((p) => ({ ...p, text: alert(p.text) })) };
  switch (channel) {
    case 'email':
      return { subject: text.title, body: [text.lead, ...text.details].join('\n') };
    case 'sms':
      return { subject: null, body: text.sms.map((p) => p.text).join('') };
    case 'push':
      return { subject: text.title, body: text.short };
    case 'in_app':
      return { subject: text.title, body: [text.lead, ...text.details].join(' ') };
  }
}

function emailText(text: NoticeText, locale: Locale, place: Pointer, quote: string | null, link: string | null): string {
  const frame = FRAME[locale];
  const pointer = link === null ? frame[place] : `${frame[place]}\n${link}`;
  return [text.lead, text.details.join('\n'), quote, pointer, frame.footer].filter((block) => !!block).join('\n\n');
}

const STYLE = {
  page: 'margin:0;padding:0;background:#f4f5f7;',
  outer: 'background:#f4f5f7;padding:24px 0;',
  card: 'max-width:600px;width:100%;background:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;color:#1f2933;font-size:15px;line-height:1.5;',
  brand: 'padding:18px 28px;border-bottom:3px solid #0d4cd3;font-size:18px;font-weight:bold;color:#0d4cd3;',
  body: 'padding:24px 28px;',
  h1: 'margin:0 0 16px;font-size:20px;line-height:1.3;color:#1f2933;',
  p: 'margin:0 0 12px;',
  quote: 'margin:16px 0;padding:12px 16px;border-left:4px solid #c9d1dc;background:#f7f9fb;color:#3e4c59;',
  button: 'display:inline-block;padding:12px 24px;background:#0d4cd3;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;',
  small: 'margin:0;font-size:13px;color:#616e7c;word-break:break-all;',
  footer: 'padding:16px 28px;font-size:12px;color:#8792a2;border-top:1px solid #e4e7eb;',
} as const;

/** Escaped, with its line breaks kept. */
const html = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');

function emailHtml(text: NoticeText, locale: Locale, place: Pointer, quote: string | null, link: string | null): string {
  const frame = FRAME[locale];
  const href = link === null ? null : escapeHtml(link);
  const button =
    place === 'office' || href === null
      ? ''
      : `<p style="margin:20px 0;"><a href="${href}" style="${STYLE.button}">${frame.button[place]}</a></p>
<p style="${STYLE.small}">${frame.fallback} <a href="${href}" style="color:#0d4cd3;">${href}</a></p>
`;
  const paragraphs = [text.lead, ...text.details].map((line) => `<p style="${STYLE.p}">${html(line)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(oneLine(text.title))}</title></head>
<body style="${STYLE.page}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${STYLE.outer}"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="${STYLE.card}">
<tr><td style="${STYLE.brand}">${frame.brand}</td></tr>
<tr><td style="${STYLE.body}">
<h1 style="${STYLE.h1}">${html(oneLine(text.title))}</h1>
${paragraphs}
${quote ? `<blockquote style="${STYLE.quote}">${html(quote)}</blockquote>\n` : ''}<p style="${STYLE.p}">${html(frame[place])}</p>
${button}</td></tr>
<tr><td style="${STYLE.footer}">${frame.footer}</td></tr>
</table>
</td></tr></table>
</body>
</html>`;
}
