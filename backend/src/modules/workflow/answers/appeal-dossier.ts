import { APPEAL_STATUS_LABELS, APPEAL_TYPE_LABELS } from '@otklik/shared/domain';
import { Locale } from '../../../common/i18n/messages';
import type { AppealDto } from '../../appeals/dto/appeal-output.dto';

const LABELS = {
  title: { ru: 'Дело по обращению № {n}', en: 'Dossier of appeal No. {n}' },
  type: { ru: 'Тип', en: 'Type' },
  status: { ru: 'Статус', en: 'Status' },
  registered: { ru: 'Зарегистрировано', en: 'Registered' },
  due: { ru: 'Срок ответа', en: 'Due' },
  department: { ru: 'Подразделение', en: 'Department' },
  executor: { ru: 'Исполнитель', en: 'Executor' },
  subject: { ru: 'Тема', en: 'Subject' },
  text: { ru: 'Текст обращения', en: 'Text' },
  history: { ru: 'История', en: 'History' },
  thread: { ru: 'Переписка', en: 'Messages' },
  answer: { ru: 'Ответ', en: 'Answer' },
  code: { ru: 'Код проверки подписи ответа', en: 'Verification code of the signed answer' },
  files: { ru: 'Файлы', en: 'Files' },
  none: { ru: 'нет', en: 'none' },
  bytes: { ru: 'байт', en: 'bytes' },
  generated: { ru: 'Сформировано', en: 'Generated' },
} satisfies Record<string, Record<Locale, string>>;

const moscow = (iso: string | null, locale: Locale) =>
  iso ? new Date(iso).toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—';

/**
 * The pdfmake definition of an appeal's dossier (pure): the card's facts, the text, the whole
 * status history, the thread as the citizen sees it (no internal notes), the latest answer with
 * its verification code, and the list of files.
 */
export function dossierDefinition(card: AppealDto, verificationCode: string | null, locale: Locale, now: Date): object {
  const l = (k: keyof typeof LABELS) => LABELS[k][locale];
  const row = (label: string, value: string) => [{ text: label, color: '#555' }, { text: value }];
  const executor = card.executor ? [card.executor.name, card.executor.position].filter(Boolean).join(', ') : '—';
  const messages = card.messages.filter((m) => !m.internal);
  return {
    // The number and the answer's code also as ASCII metadata: a reader's search and a script find them without rendering the page.
    info: {
      title: l('title').replace('{n}', String(card.number ?? '')),
      keywords: [`appeal ${card.number ?? card.id}`, ...(verificationCode ? [`verification ${verificationCode}`] : [])].join('; '),
      producer: 'Otklik',
      creator: 'Otklik',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: [
      { text: l('title').replace('{n}', String(card.number ?? '')), fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      {
        table: {
          widths: [120, '*'],
          body: [
            row(l('subject'), card.subject),
            row(l('type'), APPEAL_TYPE_LABELS[card.type][locale]),
            row(l('status'), APPEAL_STATUS_LABELS[card.status][locale]),
            row(l('registered'), moscow(card.registeredAt, locale)),
            row(l('due'), moscow(card.term.dueAt, locale)),
            row(l('department'), card.department?.name ?? '—'),
            row(l('executor'), executor),
          ],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 10],
      },
      { text: l('text'), bold: true, margin: [0, 0, 0, 4] },
      { text: card.text, margin: [0, 0, 0, 10] },
      { text: l('history'), bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          headerRows: 0,
          widths: ['auto', '*', 'auto'],
          body: card.history.map((h) => [moscow(h.at, locale), [h.label, ...(h.comment ? [{ text: h.comment, color: '#555' }] : [])], [h.actorName, h.actorPosition].filter(Boolean).join(', ')]),
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
        margin: [0, 0, 0, 10],
      },
      { text: l('thread'), bold: true, margin: [0, 0, 0, 4] },
      ...(messages.length
        ? messages.map((m) => ({ stack: [{ text: `${moscow(m.createdAt, locale)} · ${m.authorName}`, color: '#555', fontSize: 8 }, { text: m.text }], margin: [0, 0, 0, 6] }))
        : [{ text: l('none'), margin: [0, 0, 0, 6] }]),
      { text: l('answer'), bold: true, margin: [0, 6, 0, 4] },
      ...(card.answer
        ? [
            { text: `${moscow(card.answer.answeredAt, locale)} · ${[card.answer.executor.name, card.answer.executor.position].filter(Boolean).join(', ')}`, color: '#555', fontSize: 8 },
            { text: card.answer.text, margin: [0, 2, 0, 4] },
            ...(card.answer.reason ? [{ text: card.answer.reason, margin: [0, 0, 0, 4] }] : []),
            ...(verificationCode ? [{ text: [`${l('code')}: `, { text: verificationCode, bold: true }], margin: [0, 0, 0, 10] }] : []),
          ]
        : [{ text: l('none'), margin: [0, 0, 0, 10] }]),
      { text: l('files'), bold: true, margin: [0, 0, 0, 4] },
      card.attachments.length ? { ul: card.attachments.map((a) => `${a.originalName} — ${a.size} ${l('bytes')}`), fontSize: 9 } : { text: l('none') },
      { text: `${l('generated')}: ${moscow(now.toISOString(), locale)}`, color: '#555', fontSize: 8, margin: [0, 16, 0, 0] },
    ],
  };
}
