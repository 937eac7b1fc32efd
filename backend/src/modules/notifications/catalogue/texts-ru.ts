import { lines, NoticeTexts, NoticeWords, quotesNotice, smsLink, withoutCabinet } from './notice-text';

/** «Отдел …» as the SMS names it: optional (dropped before anything else is cut) and elastic. */
const dept = (w: NoticeWords, prefix: string, optional = 2) => (w.department ? [{ text: `${prefix}${w.department}.`, optional, elastic: true }] : []);
const link = smsLink;
const dueLine = (w: NoticeWords) => (w.due ? `Срок ответа: до ${w.due}.` : null);
const statusLine = (w: NoticeWords) => `Статус: ${w.status}.`;
const inDept = (w: NoticeWords) => (w.department ? ` (${w.department})` : '');

/**
 * The Russian texts. Citizen texts name the appeal by its number (and, in e-mail and in-app, by
 * the subject the citizen gave it) and never quote anything else the citizen wrote; SMS follow
 * «Ваше обращение № 12345678 получено. Статус: Принято.» and leave the subject out.
 */
export const RU_TEXTS: NoticeTexts = {
  registered: (w) => ({
    title: `Обращение ${w.no} зарегистрировано`,
    lead: `Ваше обращение ${w.no} «${w.subject}» зарегистрировано ${w.registeredAt}.`,
    details: lines(statusLine(w), w.department && `Рассматривает: ${w.department}.`, dueLine(w)),
    short: `Ваше обращение ${w.no} зарегистрировано ${w.registeredAt}. ${statusLine(w)}`,
    sms: [
      { text: `Ваше обращение ${w.no} получено ${w.registeredAt}. ${statusLine(w)}` },
      ...dept(w, ' Отдел: '),
      ...(w.due ? [{ text: ` Срок ответа: до ${w.due}.`, optional: 1 }] : []),
      ...link(w),
    ],
  }),

  status_changed: (w) => ({
    title: `Статус обращения ${w.no}: ${w.status}`,
    lead: `Статус вашего обращения ${w.no} «${w.subject}» изменён ${w.at}: ${w.previousStatus ? `«${w.previousStatus}» → ` : ''}«${w.status}».`,
    details: lines(w.reason && `Комментарий: ${w.reason}`),
    short: `Обращение ${w.no}: статус изменён ${w.at}${w.previousStatus ? ` с «${w.previousStatus}»` : ''} на «${w.status}».`,
    sms: [
      { text: `Ваше обращение ${w.no}: статус изменён ${w.at}. Новый статус: ${w.status}.` },
      ...(w.previousStatus ? [{ text: ` Прежний: ${w.previousStatus}.`, optional: 1 }] : []),
      ...link(w),
    ],
  }),

  staff_reply: (w) => ({
    title: `Новое сообщение по обращению ${w.no}`,
    lead: `По вашему обращению ${w.no} «${w.subject}» ${w.at} получено сообщение${w.department ? ` от отдела «${w.department}»` : ' от исполнителя'}.`,
    details: lines(statusLine(w)),
    short: `По вашему обращению ${w.no} ${w.at} получено новое сообщение.`,
    sms: [{ text: `Ваше обращение ${w.no}: новое сообщение от исполнителя ${w.at}. ${statusLine(w)}` }, ...link(w)],
    quote: w.facts.notice,
  }),

  documents_requested: (w) => ({
    title: `По обращению ${w.no} нужны документы`,
    lead: `Для рассмотрения обращения ${w.no} «${w.subject}» нужно представить документы${w.documentsDue ? ` до ${w.documentsDue}` : ''} (запрос от ${w.at}).`,
    details: lines(
      statusLine(w),
      'Срок рассмотрения приостановлен до получения документов.',
      !withoutCabinet(w.facts) && 'Список документов — в сообщении по обращению.',
    ),
    short: `По обращению ${w.no} ${w.at} запрошены документы${w.documentsDue ? ` — до ${w.documentsDue}` : ''}.`,
    sms: [
      { text: `Ваше обращение ${w.no}: ${w.at} запрошены документы${w.documentsDue ? ` до ${w.documentsDue}` : ''}. ${statusLine(w)}` },
      ...link(w),
    ],
    quote: w.facts.notice,
  }),

  documents_reminder: (w) => ({
    title: `Напоминание: документы по обращению ${w.no}${w.documentsDue ? ` до ${w.documentsDue}` : ''}`,
    lead: `Напоминаем: для рассмотрения обращения ${w.no} «${w.subject}» нужно представить документы${w.documentsDue ? ` до ${w.documentsDue}` : ''}.`,
    details: lines(statusLine(w), 'Пока документов нет, рассмотрение приостановлено.', `Напоминание от ${w.at}.`),
    short: `Напоминаем: документы по обращению ${w.no} нужно представить${w.documentsDue ? ` до ${w.documentsDue}` : ''} (${w.at}).`,
    sms: [
      { text: `Напоминание от ${w.at}: по обращению ${w.no} ждём документы${w.documentsDue ? ` до ${w.documentsDue}` : ''}. ${statusLine(w)}` },
      ...link(w),
    ],
  }),

  extended: (w) => ({
    title: `Срок рассмотрения обращения ${w.no} продлён`,
    lead: `Срок рассмотрения вашего обращения ${w.no} «${w.subject}» продлён ${w.at}${w.due ? ` до ${w.due}` : ''}.`,
    details: lines(w.reason && `Причина: ${w.reason}`, statusLine(w)),
    short: `Срок по обращению ${w.no} продлён${w.due ? ` до ${w.due}` : ''} (${w.at}).`,
    sms: [
      { text: `Срок по вашему обращению ${w.no} продлён${w.due ? ` до ${w.due}` : ''}, ${w.at}.` },
      ...(w.reason ? [{ text: ` Причина: ${w.reason}`, elastic: true }] : []),
      ...link(w),
    ],
  }),

  redirected: (w) => ({
    title: `Обращение ${w.no} передано в другой отдел`,
    lead: `Ваше обращение ${w.no} «${w.subject}» ${w.at} передано на рассмотрение${w.department ? `: ${w.department}` : ' в другой отдел'}.`,
    details: lines(w.reason && `Причина: ${w.reason}`, statusLine(w), dueLine(w)),
    short: `Обращение ${w.no} ${w.at} передано${w.department ? `: ${w.department}` : ' в другой отдел'}.`,
    sms: [
      { text: `Ваше обращение ${w.no} передано ${w.at}` },
      ...(w.department ? [{ text: `: ${w.department}.`, elastic: true }] : [{ text: ' в другой отдел.' }]),
      { text: ` ${statusLine(w)}` },
      ...link(w),
    ],
    quote: w.facts.notice,
  }),

  law_notice: (w) => ({
    title: `Уведомление по обращению ${w.no} (59-ФЗ)`,
    lead: `По вашему обращению ${w.no} «${w.subject}» ${w.at} направлено уведомление в соответствии с Федеральным законом от 02.05.2006 № 59-ФЗ.`,
    // The ground is the statutory notice itself: quoted in full where it is quoted, else its line.
    details: lines(w.reason && !quotesNotice(w) && `Основание: ${w.reason}`, statusLine(w)),
    short: `По обращению ${w.no} ${w.at} направлено уведомление (59-ФЗ). ${statusLine(w)}`,
    sms: [
      { text: `Ваше обращение ${w.no}: уведомление по 59-ФЗ от ${w.at}. ${statusLine(w)}` },
      ...(w.reason ? [{ text: ` Основание: ${w.reason}`, elastic: true }] : []),
      ...link(w),
    ],
    quote: w.facts.notice,
  }),

  answer_ready: (w) => ({
    title: `Ответ на обращение ${w.no}`,
    lead: `По вашему обращению ${w.no} «${w.subject}» ${w.at} дан ответ.`,
    details: lines(statusLine(w), !withoutCabinet(w.facts) && 'Подписанный ответ можно прочитать и скачать в личном кабинете.'),
    short: `По вашему обращению ${w.no} ${w.at} дан ответ. ${statusLine(w)}`,
    sms: [{ text: `Ваше обращение ${w.no}: дан ответ ${w.at}. ${statusLine(w)}` }, ...link(w)],
    quote: withoutCabinet(w.facts) ? answerQuote(w) : null,
  }),

  rating_requested: (w) => ({
    title: `Оцените ответ на обращение ${w.no}`,
    lead: `Обращение ${w.no} «${w.subject}» закрыто ${w.at}. Оцените, пожалуйста, ответ по шкале от 1 до 5 — это поможет нам работать лучше.`,
    details: lines(statusLine(w)),
    short: `Обращение ${w.no} закрыто ${w.at}. Оцените ответ от 1 до 5.`,
    sms: [{ text: `Ваше обращение ${w.no} закрыто ${w.at}. ${statusLine(w)} Оцените ответ от 1 до 5.` }, ...link(w)],
  }),

  review_outcome: (w) => ({
    title: `Обращение ${w.no} рассмотрено повторно`,
    lead: `Руководитель повторно рассмотрел ваше обращение ${w.no} «${w.subject}» ${w.at}.`,
    details: lines(w.reason && `Решение: ${w.reason}`, statusLine(w), dueLine(w)),
    short: `Обращение ${w.no} рассмотрено руководителем повторно ${w.at}. ${statusLine(w)}`,
    sms: [
      { text: `Ваше обращение ${w.no} повторно рассмотрено руководителем ${w.at}. ${statusLine(w)}` },
      ...(w.reason ? [{ text: ` Решение: ${w.reason}`, elastic: true }] : []),
      ...link(w),
    ],
    quote: w.facts.notice,
  }),

  // Staff.
  queue_new: (w) => ({
    title: `Новое обращение ${w.no}${w.department ? `: ${w.department}` : ''}`,
    lead: `${w.registeredAt} в очередь${w.department ? ` отдела «${w.department}»` : ''} поступило обращение ${w.no} «${w.subject}».`,
    details: lines(statusLine(w), dueLine(w)),
    short: `Новое обращение ${w.no} в очереди${w.department ? ` отдела «${w.department}»` : ''}, ${w.registeredAt}.`,
    sms: [
      { text: `Новое обращение ${w.no} в очереди, ${w.registeredAt}.` },
      ...dept(w, ' Отдел: '),
      ...(w.due ? [{ text: ` Срок: до ${w.due}.`, optional: 1 }] : []),
      ...link(w),
    ],
  }),

  assigned: (w) => ({
    title: `Вам назначено обращение ${w.no}`,
    lead: `${w.at} вам назначено обращение ${w.no} «${w.subject}»${inDept(w)}.`,
    details: lines(statusLine(w), dueLine(w)),
    short: `Вам назначено обращение ${w.no}${inDept(w)}, ${w.at}.`,
    sms: [
      { text: `Вам назначено обращение ${w.no}, ${w.at}. ${statusLine(w)}` },
      ...(w.due ? [{ text: ` Срок: до ${w.due}.`, optional: 1 }] : []),
      ...link(w),
    ],
  }),

  citizen_reply: (w) => ({
    title: `Заявитель ответил по обращению ${w.no}`,
    lead: `${w.at} заявитель написал или добавил материалы по обращению ${w.no} «${w.subject}»${inDept(w)}.`,
    details: lines(statusLine(w), dueLine(w)),
    short: `Заявитель ответил по обращению ${w.no}, ${w.at}. ${statusLine(w)}`,
    sms: [{ text: `Заявитель ответил по обращению ${w.no}, ${w.at}. ${statusLine(w)}` }, ...link(w)],
  }),

  due_soon: (w) => ({
    title: `Приближается срок по обращению ${w.no}`,
    lead: `Срок ответа по обращению ${w.no} «${w.subject}»${inDept(w)} истекает${w.due ? ` ${w.due}` : ' скоро'}.`,
    details: lines(statusLine(w), `Напоминание от ${w.at}.`),
    short: `Срок по обращению ${w.no} истекает${w.due ? ` ${w.due}` : ' скоро'} (напоминание от ${w.at}).`,
    sms: [{ text: `Напоминание от ${w.at}: срок по обращению ${w.no} истекает${w.due ? ` ${w.due}` : ' скоро'}. ${statusLine(w)}` }, ...link(w)],
  }),

  first_reaction_overdue: (w) => ({
    title: `Нет первой реакции по обращению ${w.no}`,
    lead: `По обращению ${w.no} «${w.subject}»${inDept(w)} никто не отреагировал в срок первой реакции (на ${w.at}).`,
    details: lines(statusLine(w), dueLine(w), 'Возьмите обращение в работу или назначьте исполнителя.'),
    short: `Обращение ${w.no}: нет первой реакции в срок (${w.at}).`,
    sms: [{ text: `Обращение ${w.no}: нет первой реакции в срок, ${w.at}. ${statusLine(w)}` }, ...dept(w, ' Отдел: '), ...link(w)],
  }),

  overdue: (w) => ({
    title: `Просрочено обращение ${w.no}`,
    lead: `Обращение ${w.no} «${w.subject}»${inDept(w)} не рассмотрено в срок${w.due ? `: срок истёк ${w.due}` : ''}. Обращение эскалировано (${w.at}).`,
    details: lines(statusLine(w)),
    short: `Обращение ${w.no} просрочено${w.due ? ` (срок ${w.due})` : ''} и эскалировано ${w.at}.`,
    sms: [
      { text: `Просрочено обращение ${w.no}${w.due ? `, срок ${w.due}` : ''}. Эскалировано ${w.at}.` },
      ...dept(w, ' Отдел: '),
      ...link(w),
    ],
  }),

  escalated_to_department: (w) => ({
    title: `Обращение ${w.no} эскалировано в ваш отдел`,
    lead: `${w.at} обращение ${w.no} «${w.subject}»${inDept(w)} эскалировано в ваш отдел${w.escalatedBy ? `, инициатор — ${w.escalatedBy}` : ''}.`,
    details: lines(w.reason && `Причина: ${w.reason}`, statusLine(w), dueLine(w), 'Ваш отдел контролирует обращение; отвечает на него прежний отдел.'),
    short: `Обращение ${w.no} эскалировано в ваш отдел, ${w.at}.${w.escalatedBy ? ` Инициатор — ${w.escalatedBy}.` : ''}`,
    sms: [
      { text: `Обращение ${w.no} эскалировано в ваш отдел, ${w.at}.` },
      ...(w.escalatedBy ? [{ text: ` Инициатор — ${w.escalatedBy}.`, elastic: true }] : []),
      ...(w.reason ? [{ text: ` Причина: ${w.reason}`, optional: 1, elastic: true }] : []),
      ...link(w),
    ],
  }),

  low_rating: (w) => ({
    title: `Низкая оценка ответа по обращению ${w.no}${w.facts.rating ? `: ${w.facts.rating} из 5` : ''}`,
    lead: `${w.at} заявитель оценил ответ по обращению ${w.no} «${w.subject}»${w.facts.rating ? ` на ${w.facts.rating} из 5` : ' низко'}.`,
    details: lines(statusLine(w), 'Обращение может попасть в список повторного рассмотрения руководителем.'),
    short: `Обращение ${w.no}: оценка ответа ${w.facts.rating ?? '—'} из 5 (${w.at}).`,
    sms: [{ text: `Обращение ${w.no}: ответ оценён на ${w.facts.rating ?? '—'} из 5, ${w.at}.` }, ...link(w)],
  }),

  approval_requested: (w) => ({
    title: `На согласовании: обращение ${w.no}`,
    lead: `${w.at} исполнитель направил вам на согласование предложение по обращению ${w.no} «${w.subject}»${inDept(w)}.`,
    details: lines(w.reason && `Обоснование: ${w.reason}`, 'Согласуйте предложение или верните его на доработку с замечанием.'),
    short: `Обращение ${w.no} ждёт вашего согласования (${w.at}).`,
    sms: [{ text: `Обращение ${w.no} ждёт вашего согласования, ${w.at}.` }, ...dept(w, ' Отдел: '), ...link(w)],
  }),

  approval_returned: (w) => ({
    title: `Предложение по обращению ${w.no} возвращено`,
    lead: `${w.at} руководитель вернул ваше предложение по обращению ${w.no} «${w.subject}» на доработку.`,
    details: lines(w.reason && `Замечание: ${w.reason}`, statusLine(w), dueLine(w)),
    short: `Предложение по обращению ${w.no} возвращено на доработку (${w.at}).`,
    sms: [
      { text: `Предложение по обращению ${w.no} возвращено на доработку, ${w.at}.` },
      ...(w.reason ? [{ text: ` Замечание: ${w.reason}`, elastic: true }] : []),
      ...link(w),
    ],
  }),

  infected_file: (w) => ({
    title: `Заражённый файл в обращении ${w.no}`,
    lead: `${w.at} при повторной проверке файл${w.fileName ? ` «${w.fileName}»` : ''} обращения ${w.no} «${w.subject}»${inDept(w)} признан заражённым и заблокирован.`,
    details: lines('Не открывайте копии файла, полученные другими путями; при необходимости попросите заявителя прислать документ заново.'),
    short: `Обращение ${w.no}: файл${w.fileName ? ` «${w.fileName}»` : ''} заражён и заблокирован (${w.at}).`,
    sms: [
      { text: `Обращение ${w.no}: файл` },
      ...(w.fileName ? [{ text: ` «${w.fileName}»`, elastic: true }] : []),
      { text: ` заражён и заблокирован, ${w.at}.` },
      ...link(w),
    ],
  }),
  security_alert: (w) => {
    const a = w.facts.alert;
    const what = ALERT_RU[a?.kind ?? ''] ?? 'подозрительная активность';
    const who = a?.subjectName ? ` (${a.subjectName})` : '';
    const locked = a?.accountLocked ? ' Учётная запись заблокирована до проверки.' : '';
    return {
      title: `Оповещение безопасности: ${what}`,
      lead: `${w.at} обнаружено: ${what}${who}.${locked}`,
      details: lines('Проверьте журнал аудита и закройте оповещение с решением.'),
      short: `${w.at}: ${what}.${locked}`,
      sms: [{ text: `Отклик: оповещение безопасности, ${what}, ${w.at}.${locked}` }, ...link(w)],
    };
  },
  recurring_problem: (w) => {
    const r = w.facts.recurring;
    const where = r?.region ? ` (регион: ${r.region})` : '';
    return {
      title: `Повторяющаяся проблема: «${r?.categoryName ?? ''}»`,
      lead: `За ${r?.windowHours ?? 0} ч. поступило ${r?.appeals ?? 0} обращений по теме «${r?.categoryName ?? ''}»${where} от ${r?.citizens ?? 0} заявителей.`,
      details: lines('Проверьте, не общая ли это проблема: ответ может быть один для всех, а причину стоит устранить.'),
      short: `${r?.appeals ?? 0} обращений от ${r?.citizens ?? 0} заявителей за ${r?.windowHours ?? 0} ч.: «${r?.categoryName ?? ''}»${where}.`,
      sms: [{ text: `Отклик: повторяющаяся проблема «${r?.categoryName ?? ''}»${where}: ${r?.citizens ?? 0} заявителей за ${r?.windowHours ?? 0} ч.` }, ...link(w)],
    };
  },
  webhook_disabled: (w) => {
    const h = w.facts.webhook;
    const name = h?.name ?? '';
    const error = h?.lastError ? `Последняя ошибка: ${h.lastError}` : null;
    return {
      title: `Вебхук «${name}» отключён`,
      lead: `${w.at} подписка «${name}» (${h?.origin ?? ''}) отключена после ${h?.failures ?? 0} неудачных попыток доставки подряд.`,
      details: lines(error, 'Проверьте получателя, затем включите подписку и повторите недоставленные события из журнала доставки.'),
      short: `${w.at}: подписка «${name}» отключена после ${h?.failures ?? 0} неудач подряд.`,
      sms: [{ text: `Отклик: вебхук «${name}» отключён после ${h?.failures ?? 0} неудач подряд, ${w.at}.` }, ...link(w)],
    };
  },
};

/** Security alerts by kind, as the notice names them. */
export const ALERT_RU: Record<string, string> = {
  failed_sign_ins: 'повторные неудачные попытки входа',
  new_network: 'вход сотрудника из новой сети',
  mass_reveal: 'массовый просмотр персональных данных',
  bulk_export: 'массовая выгрузка',
  off_hours: 'доступ сотрудника вне рабочего времени',
};

/** The answer itself, for an author without a cabinet. */
function answerQuote(w: NoticeWords): string | null {
  const answer = w.facts.answer;
  if (!answer) return null;
  const signer = [answer.executorPosition, answer.executorName].filter(Boolean).join(' ');
  return lines(answer.text, answer.reason && `Основание: ${answer.reason}`, signer && `Исполнитель: ${signer}`).join('\n\n');
}
