import { escapeHtml, fitSms, oneLine } from './notice-format';
import { Locale, NOTICE_KIND_SPECS, NoticeFacts, NoticeKind, RenderedNotice } from './notice-kinds';
import { NoticeText, NoticeTexts, withoutCabinet, wordsOf } from './notice-text';
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
export function renderNotice(kind: NoticeKind, locale: Locale, facts: NoticeFacts): RenderedNotice {
  const text = TEXTS[locale][kind](wordsOf(facts, locale));
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
  return {
    email: { subject: oneLine(text.title), text: emailText(text, locale, place, quote, link), html: emailHtml(text, locale, place, quote, link) },
    sms: fitSms(text.sms),
    push: { title: oneLine(text.title), body: `${oneLine(text.short)}\n${facts.link}` },
    inApp: { title: oneLine(text.title), body: `${[text.lead, ...text.details].map(oneLine).join(' ')}\n${facts.link}` },
  };
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
