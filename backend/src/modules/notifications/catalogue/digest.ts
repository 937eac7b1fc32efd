import type { Locale } from './notice-kinds';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One e-mail gathering a staff member's notices since the last digest. */
export function renderDigest(locale: Locale, notices: { subject: string; text: string }[]): { subject: string; text: string; html: string } {
  const subject = locale === 'en' ? `Otklik digest: ${notices.length} notice(s)` : `Сводка «Отклик»: уведомлений — ${notices.length}`;
  const text = notices.map((n) => `• ${n.subject}\n${n.text}`).join('\n\n');
  const html = `<div style="font-family:sans-serif"><h2>${escape(subject)}</h2>${notices
    .map((n) => `<h3 style="margin-bottom:4px">${escape(n.subject)}</h3><p style="white-space:pre-line;margin-top:0">${escape(n.text)}</p>`)
    .join('')}</div>`;
  return { subject, text, html };
}
