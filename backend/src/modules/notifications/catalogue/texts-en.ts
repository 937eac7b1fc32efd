import { lines, NoticeTexts, NoticeWords, quotesNotice, smsLink, withoutCabinet } from './notice-text';

const dept = (w: NoticeWords, prefix: string, optional = 2) => (w.department ? [{ text: `${prefix}${w.department}.`, optional, elastic: true }] : []);
const link = smsLink;
const dueLine = (w: NoticeWords) => (w.due ? `Answer due by ${w.due}.` : null);
const statusLine = (w: NoticeWords) => `Status: ${w.status}.`;
const inDept = (w: NoticeWords) => (w.department ? ` (${w.department})` : '');

/** The English texts: the same facts as the Russian ones (texts-ru.ts), in the same places. */
export const EN_TEXTS: NoticeTexts = {
  registered: (w) => ({
    title: `Appeal ${w.no} registered`,
    lead: `Your appeal ${w.no} "${w.subject}" was registered on ${w.registeredAt}.`,
    details: lines(statusLine(w), w.department && `Handled by: ${w.department}.`, dueLine(w)),
    short: `Your appeal ${w.no} was registered on ${w.registeredAt}. ${statusLine(w)}`,
    sms: [
      { text: `Your appeal ${w.no} was received on ${w.registeredAt}. ${statusLine(w)}` },
      ...dept(w, ' Department: '),
      ...(w.due ? [{ text: ` Answer due by ${w.due}.`, optional: 1 }] : []),
      ...link(w),
    ],
  }),

  status_changed: (w) => ({
    title: `Appeal ${w.no}: ${w.status}`,
    lead: `The status of your appeal ${w.no} "${w.subject}" changed on ${w.at}: ${w.previousStatus ? `"${w.previousStatus}" → ` : ''}"${w.status}".`,
    details: lines(w.reason && `Comment: ${w.reason}`),
    short: `Appeal ${w.no}: status changed on ${w.at}${w.previousStatus ? ` from "${w.previousStatus}"` : ''} to "${w.status}".`,
    sms: [
      { text: `Your appeal ${w.no}: status changed on ${w.at}. New status: ${w.status}.` },
      ...(w.previousStatus ? [{ text: ` Previous: ${w.previousStatus}.`, optional: 1 }] : []),
      ...link(w),
    ],
  }),

  staff_reply: (w) => ({
    title: `New message on appeal ${w.no}`,
    lead: `A new message on your appeal ${w.no} "${w.subject}" arrived on ${w.at}${w.department ? ` from ${w.department}` : ''}.`,
    details: lines(statusLine(w)),
    short: `A new message on your appeal ${w.no} arrived on ${w.at}.`,
    sms: [{ text: `Your appeal ${w.no}: new message from the officer on ${w.at}. ${statusLine(w)}` }, ...link(w)],
    quote: w.facts.notice,
  }),

  documents_requested: (w) => ({
    title: `Documents needed for appeal ${w.no}`,
    lead: `To consider your appeal ${w.no} "${w.subject}", please provide documents${w.documentsDue ? ` by ${w.documentsDue}` : ''} (requested on ${w.at}).`,
    details: lines(statusLine(w), 'The review is paused until the documents arrive.', !withoutCabinet(w.facts) && 'The list of documents is in the message on the appeal.'),
    short: `Documents were requested for appeal ${w.no} on ${w.at}${w.documentsDue ? `, due by ${w.documentsDue}` : ''}.`,
    sms: [
      { text: `Your appeal ${w.no}: documents requested on ${w.at}${w.documentsDue ? `, due by ${w.documentsDue}` : ''}. ${statusLine(w)}` },
      ...link(w),
    ],
    quote: w.facts.notice,
  }),

  documents_reminder: (w) => ({
    title: `Reminder: documents for appeal ${w.no}${w.documentsDue ? ` due by ${w.documentsDue}` : ''}`,
    lead: `A reminder: the documents for your appeal ${w.no} "${w.subject}" are due${w.documentsDue ? ` by ${w.documentsDue}` : ' soon'}.`,
    details: lines(statusLine(w), 'The review stays paused until they arrive.', `Reminder sent on ${w.at}.`),
    short: `A reminder: documents for appeal ${w.no} are due${w.documentsDue ? ` by ${w.documentsDue}` : ' soon'} (${w.at}).`,
    sms: [
      { text: `Reminder of ${w.at}: documents for your appeal ${w.no} are due${w.documentsDue ? ` by ${w.documentsDue}` : ' soon'}. ${statusLine(w)}` },
      ...link(w),
    ],
  }),

  extended: (w) => ({
    title: `Appeal ${w.no}: review period extended`,
    lead: `The review period of your appeal ${w.no} "${w.subject}" was extended on ${w.at}${w.due ? ` to ${w.due}` : ''}.`,
    details: lines(w.reason && `Reason: ${w.reason}`, statusLine(w)),
    short: `Appeal ${w.no}: review period extended${w.due ? ` to ${w.due}` : ''} (${w.at}).`,
    sms: [
      { text: `Your appeal ${w.no}: review period extended${w.due ? ` to ${w.due}` : ''} on ${w.at}.` },
      ...(w.reason ? [{ text: ` Reason: ${w.reason}`, elastic: true }] : []),
      ...link(w),
    ],
  }),

  redirected: (w) => ({
    title: `Appeal ${w.no} passed to another department`,
    lead: `Your appeal ${w.no} "${w.subject}" was passed on ${w.at} to ${w.department ?? 'another department'}.`,
    details: lines(w.reason && `Reason: ${w.reason}`, statusLine(w), dueLine(w)),
    short: `Appeal ${w.no} was passed on ${w.at} to ${w.department ?? 'another department'}.`,
    sms: [
      { text: `Your appeal ${w.no} was passed on ${w.at} to ` },
      w.department ? { text: `${w.department}.`, elastic: true } : { text: 'another department.' },
      { text: ` ${statusLine(w)}` },
      ...link(w),
    ],
    quote: w.facts.notice,
  }),

  law_notice: (w) => ({
    title: `Notice on appeal ${w.no} (Federal Law 59-FZ)`,
    lead: `A notice under Federal Law No. 59-FZ of 02.05.2006 was issued on your appeal ${w.no} "${w.subject}" on ${w.at}.`,
    // The ground is the statutory notice itself: quoted in full where it is quoted, else its line.
    details: lines(w.reason && !quotesNotice(w) && `Grounds: ${w.reason}`, statusLine(w)),
    short: `A notice under Law 59-FZ was issued on appeal ${w.no} on ${w.at}. ${statusLine(w)}`,
    sms: [
      { text: `Your appeal ${w.no}: notice under Law 59-FZ issued on ${w.at}. ${statusLine(w)}` },
      ...(w.reason ? [{ text: ` Grounds: ${w.reason}`, elastic: true }] : []),
      ...link(w),
    ],
    quote: w.facts.notice,
  }),

  answer_ready: (w) => ({
    title: `Answer to appeal ${w.no}`,
    lead: `Your appeal ${w.no} "${w.subject}" was answered on ${w.at}.`,
    details: lines(statusLine(w), !withoutCabinet(w.facts) && 'You can read and download the signed answer in your account.'),
    short: `Your appeal ${w.no} was answered on ${w.at}. ${statusLine(w)}`,
    sms: [{ text: `Your appeal ${w.no} was answered on ${w.at}. ${statusLine(w)}` }, ...link(w)],
    quote: withoutCabinet(w.facts) ? answerQuote(w) : null,
  }),

  rating_requested: (w) => ({
    title: `Rate the answer to appeal ${w.no}`,
    lead: `Appeal ${w.no} "${w.subject}" was closed on ${w.at}. Please rate the answer from 1 to 5 — it helps us improve.`,
    details: lines(statusLine(w)),
    short: `Appeal ${w.no} was closed on ${w.at}. Please rate the answer from 1 to 5.`,
    sms: [{ text: `Your appeal ${w.no} was closed on ${w.at}. ${statusLine(w)} Please rate the answer from 1 to 5.` }, ...link(w)],
  }),

  review_outcome: (w) => ({
    title: `Appeal ${w.no} reviewed again`,
    lead: `A supervisor reviewed your appeal ${w.no} "${w.subject}" again on ${w.at}.`,
    details: lines(w.reason && `Decision: ${w.reason}`, statusLine(w), dueLine(w)),
    short: `Appeal ${w.no} was reviewed again by a supervisor on ${w.at}. ${statusLine(w)}`,
    sms: [
      { text: `Your appeal ${w.no} was reviewed again by a supervisor on ${w.at}. ${statusLine(w)}` },
      ...(w.reason ? [{ text: ` Decision: ${w.reason}`, elastic: true }] : []),
      ...link(w),
    ],
    quote: w.facts.notice,
  }),

  queue_new: (w) => ({
    title: `New appeal ${w.no}${w.department ? `: ${w.department}` : ''}`,
    lead: `Appeal ${w.no} "${w.subject}" entered the queue${w.department ? ` of ${w.department}` : ''} on ${w.registeredAt}.`,
    details: lines(statusLine(w), dueLine(w)),
    short: `New appeal ${w.no} in the queue${w.department ? ` of ${w.department}` : ''}, ${w.registeredAt}.`,
    sms: [
      { text: `New appeal ${w.no} in the queue, ${w.registeredAt}.` },
      ...dept(w, ' Department: '),
      ...(w.due ? [{ text: ` Due by ${w.due}.`, optional: 1 }] : []),
      ...link(w),
    ],
  }),

  assigned: (w) => ({
    title: `Appeal ${w.no} assigned to you`,
    lead: `Appeal ${w.no} "${w.subject}"${inDept(w)} was assigned to you on ${w.at}.`,
    details: lines(statusLine(w), dueLine(w)),
    short: `Appeal ${w.no}${inDept(w)} was assigned to you on ${w.at}.`,
    sms: [
      { text: `Appeal ${w.no} was assigned to you on ${w.at}. ${statusLine(w)}` },
      ...(w.due ? [{ text: ` Due by ${w.due}.`, optional: 1 }] : []),
      ...link(w),
    ],
  }),

  citizen_reply: (w) => ({
    title: `The citizen replied on appeal ${w.no}`,
    lead: `On ${w.at} the citizen wrote or added materials on appeal ${w.no} "${w.subject}"${inDept(w)}.`,
    details: lines(statusLine(w), dueLine(w)),
    short: `The citizen replied on appeal ${w.no}, ${w.at}. ${statusLine(w)}`,
    sms: [{ text: `The citizen replied on appeal ${w.no}, ${w.at}. ${statusLine(w)}` }, ...link(w)],
  }),

  due_soon: (w) => ({
    title: `Appeal ${w.no}: deadline approaching`,
    lead: `The answer to appeal ${w.no} "${w.subject}"${inDept(w)} is due ${w.due ? `by ${w.due}` : 'soon'}.`,
    details: lines(statusLine(w), `Reminder sent on ${w.at}.`),
    short: `Appeal ${w.no} is due ${w.due ? `by ${w.due}` : 'soon'} (reminder of ${w.at}).`,
    sms: [{ text: `Reminder of ${w.at}: appeal ${w.no} is due ${w.due ? `by ${w.due}` : 'soon'}. ${statusLine(w)}` }, ...link(w)],
  }),

  first_reaction_overdue: (w) => ({
    title: `No first reaction on appeal ${w.no}`,
    lead: `Nobody reacted to appeal ${w.no} "${w.subject}"${inDept(w)} within the first-reaction term (as of ${w.at}).`,
    details: lines(statusLine(w), dueLine(w), 'Take the appeal or assign an officer.'),
    short: `Appeal ${w.no}: no first reaction in time (${w.at}).`,
    sms: [{ text: `Appeal ${w.no}: no first reaction in time, ${w.at}. ${statusLine(w)}` }, ...dept(w, ' Department: '), ...link(w)],
  }),

  overdue: (w) => ({
    title: `Appeal ${w.no} is overdue`,
    lead: `Appeal ${w.no} "${w.subject}"${inDept(w)} was not answered in time${w.due ? ` (due ${w.due})` : ''}. It was escalated on ${w.at}.`,
    details: lines(statusLine(w)),
    short: `Appeal ${w.no} is overdue${w.due ? ` (due ${w.due})` : ''}, escalated on ${w.at}.`,
    sms: [{ text: `Appeal ${w.no} is overdue${w.due ? ` (due ${w.due})` : ''}, escalated on ${w.at}.` }, ...dept(w, ' Department: '), ...link(w)],
  }),

  escalated_to_department: (w) => ({
    title: `Appeal ${w.no} escalated to your department`,
    lead: `On ${w.at} appeal ${w.no} "${w.subject}"${inDept(w)} was escalated to your department${w.escalatedBy ? ` by ${w.escalatedBy}` : ''}.`,
    details: lines(w.reason && `Reason: ${w.reason}`, statusLine(w), dueLine(w), 'Your department oversees the appeal; the handling department still answers it.'),
    short: `Appeal ${w.no} escalated to your department on ${w.at}${w.escalatedBy ? ` by ${w.escalatedBy}` : ''}.`,
    sms: [
      { text: `Appeal ${w.no} escalated to your department on ${w.at}.` },
      ...(w.escalatedBy ? [{ text: ` By ${w.escalatedBy}.`, elastic: true }] : []),
      ...(w.reason ? [{ text: ` Reason: ${w.reason}`, optional: 1, elastic: true }] : []),
      ...link(w),
    ],
  }),

  low_rating: (w) => ({
    title: `Low rating on appeal ${w.no}${w.facts.rating ? `: ${w.facts.rating} of 5` : ''}`,
    lead: `On ${w.at} the citizen rated the answer to appeal ${w.no} "${w.subject}"${w.facts.rating ? ` ${w.facts.rating} of 5` : ' low'}.`,
    details: lines(statusLine(w), 'The appeal may go on the supervisor re-review list.'),
    short: `Appeal ${w.no}: answer rated ${w.facts.rating ?? '—'} of 5 (${w.at}).`,
    sms: [{ text: `Appeal ${w.no}: answer rated ${w.facts.rating ?? '-'} of 5 on ${w.at}.` }, ...link(w)],
  }),

  approval_requested: (w) => ({
    title: `For approval: appeal ${w.no}`,
    lead: `On ${w.at} an officer sent you a proposal on appeal ${w.no} "${w.subject}"${inDept(w)} for approval.`,
    details: lines(w.reason && `Reasoning: ${w.reason}`, 'Approve the proposal or return it for rework with a remark.'),
    short: `Appeal ${w.no} awaits your approval (${w.at}).`,
    sms: [{ text: `Appeal ${w.no} awaits your approval, ${w.at}.` }, ...dept(w, ' Department: '), ...link(w)],
  }),

  approval_returned: (w) => ({
    title: `Proposal on appeal ${w.no} returned`,
    lead: `On ${w.at} a supervisor returned your proposal on appeal ${w.no} "${w.subject}" for rework.`,
    details: lines(w.reason && `Remark: ${w.reason}`, statusLine(w), dueLine(w)),
    short: `Your proposal on appeal ${w.no} was returned for rework (${w.at}).`,
    sms: [
      { text: `Your proposal on appeal ${w.no} was returned for rework on ${w.at}.` },
      ...(w.reason ? [{ text: ` Remark: ${w.reason}`, elastic: true }] : []),
      ...link(w),
    ],
  }),

  infected_file: (w) => ({
    title: `Infected file on appeal ${w.no}`,
    lead: `On ${w.at} a rescan found the file${w.fileName ? ` "${w.fileName}"` : ''} of appeal ${w.no} "${w.subject}"${inDept(w)} infected; it is blocked.`,
    details: lines('Do not open copies of the file received otherwise; if needed, ask the citizen to send the document again.'),
    short: `Appeal ${w.no}: file${w.fileName ? ` "${w.fileName}"` : ''} infected and blocked (${w.at}).`,
    sms: [
      { text: `Appeal ${w.no}: file` },
      ...(w.fileName ? [{ text: ` "${w.fileName}"`, elastic: true }] : []),
      { text: ` infected and blocked, ${w.at}.` },
      ...link(w),
    ],
  }),
  security_alert: (w) => {
    const a = w.facts.alert;
    const what = ALERT_EN[a?.kind ?? ''] ?? 'suspicious activity';
    const who = a?.subjectName ? ` (${a.subjectName})` : '';
    const locked = a?.accountLocked ? ' The account is locked pending review.' : '';
    return {
      title: `Security alert: ${what}`,
      lead: `On ${w.at}: ${what}${who}.${locked}`,
      details: lines('Check the audit log and resolve the alert with your decision.'),
      short: `${w.at}: ${what}.${locked}`,
      sms: [{ text: `Otklik security alert: ${what}, ${w.at}.${locked}` }, ...link(w)],
    };
  },
  recurring_problem: (w) => {
    const r = w.facts.recurring;
    const where = r?.region ? ` (region: ${r.region})` : '';
    return {
      title: `Recurring problem: ${r?.categoryName ?? ''}`,
      lead: `${r?.appeals ?? 0} appeals on “${r?.categoryName ?? ''}”${where} came from ${r?.citizens ?? 0} people within ${r?.windowHours ?? 0} hours.`,
      details: lines('Check whether it is one problem for all: one answer may serve them, and the cause is worth removing.'),
      short: `${r?.appeals ?? 0} appeals from ${r?.citizens ?? 0} people within ${r?.windowHours ?? 0} h: ${r?.categoryName ?? ''}${where}.`,
      sms: [{ text: `Otklik: recurring problem “${r?.categoryName ?? ''}”${where}: ${r?.citizens ?? 0} people within ${r?.windowHours ?? 0} h.` }, ...link(w)],
    };
  },
  webhook_disabled: (w) => {
    const h = w.facts.webhook;
    const name = h?.name ?? '';
    const error = h?.lastError ? `Last error: ${h.lastError}` : null;
    return {
      title: `Webhook "${name}" disabled`,
      lead: `On ${w.at} the subscription "${name}" (${h?.origin ?? ''}) was disabled after ${h?.failures ?? 0} failed delivery attempts in a row.`,
      details: lines(error, 'Check the receiver, then enable the subscription and replay what was not delivered from its delivery log.'),
      short: `${w.at}: subscription "${name}" disabled after ${h?.failures ?? 0} failures in a row.`,
      sms: [{ text: `Otklik: webhook "${name}" disabled after ${h?.failures ?? 0} failures in a row, ${w.at}.` }, ...link(w)],
    };
  },
};

/** Security alerts by kind, as the notice names them. */
export const ALERT_EN: Record<string, string> = {
  failed_sign_ins: 'repeated failed sign-ins',
  new_network: 'a staff sign-in from a new network',
  mass_reveal: 'many personal-data reveals',
  bulk_export: 'a bulk export',
  off_hours: 'staff access outside working hours',
};

function answerQuote(w: NoticeWords): string | null {
  const answer = w.facts.answer;
  if (!answer) return null;
  const signer = [answer.executorPosition, answer.executorName].filter(Boolean).join(' ');
  return lines(answer.text, answer.reason && `Grounds: ${answer.reason}`, signer && `Officer: ${signer}`).join('\n\n');
}
