// PLACEHOLDER until the catalogue branch lands.
import { Locale, NoticeFacts, NoticeKind, RenderedNotice } from './notice-kinds';

export function renderNotice(kind: NoticeKind, locale: Locale, facts: NoticeFacts): RenderedNotice {
  const title = `${kind} № ${facts.number}`;
  const body = `Статус: ${facts.status}`;
  return { email: { subject: title, text: body, html: `<p>${body}</p>` }, sms: `Ваше обращение № ${facts.number}. ${body}.`, push: { title, body }, inApp: { title, body } };
}
