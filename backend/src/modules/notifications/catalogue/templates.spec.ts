import { APPEAL_STATUS_LABELS, APPEAL_STATUSES, AppealStatus } from '@otklik/shared/domain';
import { DEMO_DEPARTMENTS } from '../../seed/demo-data';
import { APPEAL_NOTICE_KINDS, Locale, NOTICE_KIND_SPECS, NOTICE_KINDS, NoticeFacts } from './notice-kinds';
import { smsSegments } from './sms-segments';
import { noticeRenderer, renderNotice as sut } from './templates';

const LOCALES: Locale[] = ['ru', 'en'];
const longest = (values: readonly string[]) => values.reduce((a, b) => (b.length > a.length ? b : a));

/** The longest realistic values: the biggest number, the seed's longest department, long free texts. */
function longFacts(overrides: Partial<NoticeFacts> = {}): NoticeFacts {
  return {
    number: 99999999,
    subject: 'Не работает вход в личный кабинет после смены номера телефона, код подтверждения не приходит третьи сутки подряд'.repeat(2),
    status: AppealStatus.AwaitingCitizen,
    previousStatus: AppealStatus.AwaitingApproval,
    at: new Date('2026-12-31T20:59:00Z'),
    registeredAt: new Date('2026-12-30T20:59:00Z'),
    dueAt: new Date('2027-01-29T20:59:59.999Z'),
    documentsDueOn: '2027-01-15',
    departmentName: longest(DEMO_DEPARTMENTS.map((d) => d.nameRu)),
    departmentNameEn: longest(DEMO_DEPARTMENTS.map((d) => d.nameEn)),
    unidentified: false,
    reason: 'Необходимо получить сведения из Фонда пенсионного и социального страхования Российской Федерации и территориального органа Росреестра по запросу',
    notice: 'Ваше обращение передано на рассмотрение: Отдел технической поддержки.\nПричина: вопрос относится к его ведению.',
    answer: { text: 'Доступ восстановлен.', executorName: 'Иванова Мария Петровна', executorPosition: 'Главный специалист', reason: null },
    rating: 2,
    // escalated_to_department: staff of the longest department escalated (the longest «who»).
    escalatedBy: 'staff',
    fileName: 'Скан_паспорта_и_заявления_о_восстановлении_доступа_к_личному_кабинету_от_30.12.2026.pdf',
    link: 'https://otklik.example.gov.ru/cabinet/appeals/5f0c2b8e-3a51-4d7e-9c1a-0b7e6f9d2c41',
    ...overrides,
  };
}

describe('renderNotice', () => {
  describe('SMS within two segments', () => {
    const measured: Record<Locale, { kind: string; units: number; segments: number; text: string }> = {
      ru: { kind: '', units: 0, segments: 0, text: '' },
      en: { kind: '', units: 0, segments: 0, text: '' },
    };

    it.each(APPEAL_NOTICE_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const)))('%s (%s), every status, long facts', (kind, locale) => {
      for (const status of APPEAL_STATUSES) {
        const sms = sut(kind, locale, longFacts({ status })).sms;
        const size = smsSegments(sms);
        expect({ sms, segments: size.segments }).toEqual({ sms, segments: expect.any(Number) });
        expect(size.segments).toBeLessThanOrEqual(2);
        expect(sms).toContain('99999999');
        if (size.units > measured[locale].units) measured[locale] = { kind, ...size, text: sms };
      }
    });

    it('stays within two segments when the free texts are absurd (emoji, 2000 characters, line breaks)', () => {
      const absurd = longFacts({
        reason: '😀 причина\nс переносами '.repeat(150),
        departmentName: 'Департамент '.repeat(30) + '😀',
        departmentNameEn: 'Department of '.repeat(30),
        fileName: '😀'.repeat(300),
        link: `https://otklik.example.gov.ru/${'x'.repeat(400)}`,
      });
      for (const kind of APPEAL_NOTICE_KINDS) {
        for (const locale of LOCALES) {
          const sms = sut(kind, locale, absurd).sms;
          expect(smsSegments(sms).segments).toBeLessThanOrEqual(2);
          expect(sms).toContain('99999999');
          expect(sms).not.toMatch(/\n/);
          // No half of a surrogate pair left behind by a cut.
          expect(sms).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        }
      }
    });

    it('follows «Ваше обращение № … получено. Статус: …» and leaves the subject out', () => {
      const facts = longFacts({ status: AppealStatus.Registered, departmentName: 'Финансовый отдел', dueAt: null });
      const sms = sut('registered', 'ru', facts).sms;
      expect(sms).toMatch(/^Ваше обращение № 99999999 получено 30\.12\.2026 23:59\. Статус: Принято\./);
      for (const kind of APPEAL_NOTICE_KINDS) expect(sut(kind, 'ru', facts).sms).not.toContain('Не работает вход');
    });

    it('keeps the grounds of a 59-ФЗ notice, cut short when they do not fit', () => {
      const sms = sut('law_notice', 'ru', longFacts({ status: AppealStatus.Closed })).sms;
      expect(sms).toMatch(/^Ваше обращение № 99999999: уведомление по 59-ФЗ от 31\.12\.2026 23:59\. Статус: Закрыто\. Основание: Необходимо .*…$/);
      expect(sut('law_notice', 'ru', longFacts({ reason: 'Переписка прекращена' })).sms).toContain('Основание: Переписка прекращена.');
    });

    it('keeps the link when it fits', () => {
      const facts = longFacts({ status: AppealStatus.InProgress, reason: null, link: 'https://otklik.gov.ru/a/1' });
      expect(sut('answer_ready', 'ru', facts).sms).toContain('https://otklik.gov.ru/a/1');
      expect(sut('answer_ready', 'en', facts).sms).toContain('https://otklik.gov.ru/a/1');
    });

    afterAll(() => {
      // The longest SMS measured, for the record (npx jest … --verbose shows it).
      for (const locale of LOCALES) {
        const m = measured[locale];
        console.log(`longest ${locale} SMS: ${m.kind}, ${m.units} units, ${m.segments} segment(s): ${m.text}`);
      }
    });
  });

  it.each(APPEAL_NOTICE_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const)))('%s (%s) carries the number, the time and the link', (kind, locale) => {
    const facts = longFacts();
    const notice = sut(kind, locale, facts);
    const time = locale === 'ru' ? '31.12.2026 23:59' : '2026-12-31 23:59 MSK';
    const registered = locale === 'ru' ? '30.12.2026 23:59' : '2026-12-30 23:59 MSK';
    for (const text of [notice.email.subject, notice.email.text, notice.push.title, notice.push.body, notice.inApp.title, notice.inApp.body, notice.sms]) {
      expect(text).toContain('99999999');
    }
    for (const text of [notice.email.text, notice.push.body, notice.inApp.body, notice.sms]) {
      expect(text.includes(time) || text.includes(registered)).toBe(true);
    }
    for (const text of [notice.email.text, notice.email.html, notice.push.body, notice.inApp.body]) expect(text).toContain(facts.link);
    expect(notice.email.html).toContain(`href="${facts.link}"`);
    // The push body shows on a lock screen: never the subject.
    expect(notice.push.body).not.toContain('Не работает вход');
  });

  it('escapes every fact in the HTML', () => {
    const facts = longFacts({
      subject: '<script>alert(1)</script> & "кавычки"',
      departmentName: '<b>Отдел</b>',
      reason: '<img src=x onerror=alert(1)>',
      fileName: '"><svg onload=alert(1)>.pdf',
      link: 'https://otklik.gov.ru/a?x=1&y="2"',
      unidentified: true,
      notice: '<i>notice</i>',
    });
    for (const kind of NOTICE_KINDS) {
      for (const locale of LOCALES) {
        const { html } = sut(kind, locale, facts).email;
        expect(html).not.toMatch(/<script|<img|<svg|<b>|<i>/);
        expect(html).toContain('href="https://otklik.gov.ru/a?x=1&amp;y=&quot;2&quot;"');
      }
    }
    expect(sut('registered', 'ru', facts).email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;кавычки&quot;');
  });

  it('writes Moscow time and the Russian production of dates', () => {
    const facts = longFacts({ at: new Date('2026-03-01T06:05:00Z'), dueAt: new Date('2026-03-10T20:59:59.999Z') });
    expect(sut('extended', 'ru', facts).email.text).toContain('продлён 01.03.2026 09:05 до 10.03.2026');
    expect(sut('extended', 'en', facts).email.text).toContain('extended on 2026-03-01 09:05 MSK to 2026-03-10');
    // A term in working hours ends within the day: its time is shown.
    expect(sut('due_soon', 'ru', longFacts({ dueAt: new Date('2026-03-02T12:00:00Z') })).email.text).toContain('истекает 02.03.2026 15:00');
  });

  it('says from → to with the status labels', () => {
    const facts = longFacts({ previousStatus: AppealStatus.InProgress, status: AppealStatus.Resolved });
    expect(sut('status_changed', 'ru', facts).email.text).toContain('«В работе» → «Решено»');
    expect(sut('status_changed', 'en', facts).email.text).toContain('"In progress" → "Resolved"');
    expect(sut('status_changed', 'ru', facts).sms).toBe(`Ваше обращение № 99999999: статус изменён 31.12.2026 23:59. Новый статус: ${APPEAL_STATUS_LABELS.resolved.ru}. Прежний: В работе.`);
  });

  it('gives the receipt: number, registration time, department, due date', () => {
    const text = sut('registered', 'ru', longFacts({ status: AppealStatus.Registered })).email.text;
    expect(text).toContain('№ 99999999');
    expect(text).toContain('зарегистрировано 30.12.2026 23:59');
    expect(text).toContain('Рассматривает: Отдел технической поддержки.');
    expect(text).toContain('Срок ответа: до 29.01.2027.');
  });

  it('points a citizen with an account to the cabinet and quotes nothing', () => {
    const notice = sut('redirected', 'ru', longFacts());
    expect(notice.email.text).toContain('в личном кабинете');
    expect(notice.email.text).not.toContain('Причина: вопрос относится');
    expect(notice.email.html).toContain('Открыть в личном кабинете');
  });

  it('quotes the notice to an author without a cabinet and points to the tracking page', () => {
    const notice = sut('redirected', 'ru', longFacts({ unidentified: true }));
    expect(notice.email.text).toContain('Причина: вопрос относится к его ведению.');
    expect(notice.email.text).toContain('по номеру обращения и коду доступа');
    expect(notice.email.text).not.toContain('личном кабинете');
    expect(notice.email.html).toContain('<blockquote');
  });

  it('states a 59-ФЗ notice\'s ground: on its line, or once in the quote to an author without a cabinet', () => {
    const notice = 'В соответствии с частью 4 статьи 11 Федерального закона от 02.05.2006 № 59-ФЗ ответ на обращение не даётся.';
    const identified = sut('law_notice', 'ru', longFacts({ reason: notice, notice: null })).email.text;
    expect(identified).toContain(`Основание: ${notice}`);
    const unidentified = sut('law_notice', 'ru', longFacts({ reason: notice, notice, unidentified: true })).email.text;
    expect(unidentified.split(notice)).toHaveLength(2);
    expect(unidentified).not.toContain('Основание:');
    expect(sut('law_notice', 'en', longFacts({ reason: notice, notice: null })).email.text).toContain(`Grounds: ${notice}`);
  });

  it('sends the answer itself to an author without a cabinet', () => {
    const facts = longFacts({ unidentified: true, status: AppealStatus.Resolved });
    const { text } = sut('answer_ready', 'ru', facts).email;
    expect(text).toContain('Доступ восстановлен.');
    expect(text).toContain('Исполнитель: Главный специалист Иванова Мария Петровна');
    expect(sut('answer_ready', 'ru', longFacts({ status: AppealStatus.Resolved })).email.text).not.toContain('Доступ восстановлен.');
  });

  it('points staff to the console and may name the department', () => {
    for (const kind of NOTICE_KINDS.filter((k) => NOTICE_KIND_SPECS[k].audience === 'staff')) {
      const notice = sut(kind, 'ru', longFacts({ unidentified: true }));
      expect(notice.email.text).toContain('консоли');
      expect(notice.email.html).not.toContain('<blockquote');
    }
    expect(sut('overdue', 'ru', longFacts()).email.text).toContain('Отдел технической поддержки');
  });

  it('tells of an escalation: the number, the subject, who escalated and the reason, in every channel it fits', () => {
    const department = longest(DEMO_DEPARTMENTS.map((d) => d.nameRu));
    const byStaff = sut('escalated_to_department', 'ru', longFacts({ reason: 'Нужна позиция руководства' }));
    expect(byStaff.inApp.title).toBe('Обращение № 99999999 эскалировано в ваш отдел');
    expect(byStaff.inApp.body).toContain(`инициатор — сотрудник отдела «${department}»`);
    expect(byStaff.inApp.body).toContain('Не работает вход в личный кабинет');
    expect(byStaff.email.text).toContain('Причина: Нужна позиция руководства.');
    expect(byStaff.sms).toContain('№ 99999999 эскалировано в ваш отдел');
    expect(smsSegments(byStaff.sms).segments).toBeLessThanOrEqual(2);
    const byCitizen = sut('escalated_to_department', 'en', longFacts({ escalatedBy: 'citizen', reason: null }));
    expect(byCitizen.inApp.body).toContain('was escalated to your department by the citizen');
    expect(byCitizen.email.text).not.toContain('Reason:');
    expect(byCitizen.sms).toContain('By the citizen.');
    expect(smsSegments(byCitizen.sms).segments).toBeLessThanOrEqual(2);
  });

  it('names the department in English for the en locale when it has an English name', () => {
    expect(sut('queue_new', 'en', longFacts()).email.text).toContain('Finance department');
    expect(sut('queue_new', 'en', longFacts({ departmentNameEn: undefined })).email.text).toContain('Отдел технической поддержки');
  });

  it('renders with the optional facts absent', () => {
    const bare: NoticeFacts = {
      number: null,
      subject: 'Тема',
      status: AppealStatus.Registered,
      at: new Date('2026-01-01T00:00:00Z'),
      registeredAt: null,
      dueAt: null,
      documentsDueOn: null,
      departmentName: null,
      unidentified: false,
      link: 'https://otklik.gov.ru/a/1',
    };
    for (const kind of APPEAL_NOTICE_KINDS) {
      for (const locale of LOCALES) {
        const notice = sut(kind, locale, bare);
        const all = [notice.email.subject, notice.email.text, notice.sms, notice.push.body, notice.inApp.body].join('\n');
        expect(all).not.toMatch(/undefined|null|NaN/);
        expect(notice.sms).toContain('—');
      }
    }
  });

  describe('security_alert (admins; no appeal)', () => {
    const alertFacts = (alert: NonNullable<NoticeFacts['alert']>): NoticeFacts => ({
      ...longFacts({ number: null, subject: '', link: 'https://otklik.example.gov.ru/audit/alerts' }),
      alert,
    });

    it.each(LOCALES)('names the signal, the account, the lock and the time, and links to the alerts (%s)', (locale) => {
      const notice = sut('security_alert', locale, alertFacts({ kind: 'failed_sign_ins', subjectName: 'Иванова Мария Петровна', accountLocked: true }));
      const time = locale === 'ru' ? '31.12.2026 23:59' : '2026-12-31 23:59 MSK';
      expect(notice.email.subject).toBe(locale === 'ru' ? 'Оповещение безопасности: повторные неудачные попытки входа' : 'Security alert: repeated failed sign-ins');
      expect(notice.email.text).toContain('Иванова Мария Петровна');
      expect(notice.email.text).toContain(locale === 'ru' ? 'заблокирована до проверки' : 'locked pending review');
      for (const text of [notice.email.text, notice.push.body, notice.inApp.body, notice.sms]) expect(text).toContain(time);
      expect(notice.email.html).toContain('href="https://otklik.example.gov.ru/audit/alerts"');
      expect(notice.email.html).toContain(locale === 'ru' ? 'Открыть оповещения' : 'Open the alerts');
      // A lock screen shows the push: the account's name stays out of it.
      expect(notice.push.body).not.toContain('Иванова');
      expect(notice.sms).not.toContain('Иванова');
    });

    it.each(['failed_sign_ins', 'new_network', 'mass_reveal', 'bulk_export', 'off_hours', 'unknown'])('SMS of %s within two segments in both locales', (kind) => {
      for (const locale of LOCALES) {
        const sms = sut('security_alert', locale, alertFacts({ kind, subjectName: 'x'.repeat(500), accountLocked: true })).sms;
        expect(smsSegments(sms).segments).toBeLessThanOrEqual(2);
        expect(sms).not.toMatch(/undefined|null/);
      }
    });
  });

  describe('webhook_disabled (admins; no appeal)', () => {
    const hookFacts = (webhook: NonNullable<NoticeFacts['webhook']>): NoticeFacts => ({
      ...longFacts({ number: null, subject: '', link: 'https://otklik.example.gov.ru/admin/webhooks' }),
      webhook,
    });

    it.each(LOCALES)('names the subscription, its receiver, the failures and the last error, and links to the subscriptions (%s)', (locale) => {
      const notice = sut('webhook_disabled', locale, hookFacts({ name: 'СЭД', origin: 'https://sed.example.ru', failures: 50, lastError: 'HTTP 503' }));
      expect(notice.email.subject).toBe(locale === 'ru' ? 'Вебхук «СЭД» отключён' : 'Webhook "СЭД" disabled');
      for (const text of [notice.email.text, notice.inApp.body]) {
        expect(text).toContain('https://sed.example.ru');
        expect(text).toContain('50');
        expect(text).toContain('HTTP 503');
      }
      expect(notice.email.html).toContain('href="https://otklik.example.gov.ru/admin/webhooks"');
      expect(notice.email.html).toContain(locale === 'ru' ? 'Открыть подписки' : 'Open the subscriptions');
    });

    it('SMS within two segments in both locales, even with a long name', () => {
      for (const locale of LOCALES) {
        const sms = sut('webhook_disabled', locale, hookFacts({ name: 'x'.repeat(300), origin: 'https://sed.example.ru', failures: 50, lastError: 'y'.repeat(500) })).sms;
        expect(smsSegments(sms).segments).toBeLessThanOrEqual(2);
        expect(sms).not.toMatch(/undefined|null/);
      }
    });
  });

  describe('an applicant an operator registered, without an account', () => {
    it('is never pointed to a cabinet or given a link, in any citizen notice, e-mail or SMS, ru or en', () => {
      for (const locale of LOCALES) {
        for (const kind of NOTICE_KINDS.filter((k) => NOTICE_KIND_SPECS[k].audience === 'citizen')) {
          const notice = sut(kind, locale, longFacts({ accountless: true, subject: 'Справочник на сайте устарел', fileName: 'скан.pdf' }));
          expect({ kind, locale, text: /кабинет|your account/i.test(notice.email.text) }).toEqual({ kind, locale, text: false });
          expect({ kind, locale, html: /кабинет|your account/i.test(notice.email.html) }).toEqual({ kind, locale, html: false });
          expect({ kind, locale, link: notice.email.text.includes('https://') || notice.email.html.includes('href=') }).toEqual({ kind, locale, link: false });
          expect({ kind, locale, sms: notice.sms.includes('https://') }).toEqual({ kind, locale, sms: false });
        }
      }
      expect(sut('registered', 'ru', longFacts({ accountless: true })).email.text).toContain('О ходе рассмотрения можно узнать в органе, куда вы обратились, назвав номер обращения.');
    });

    it('reads the answer itself in the e-mail, as unidentified feedback does', () => {
      const text = sut('answer_ready', 'ru', longFacts({ accountless: true, status: AppealStatus.Resolved })).email.text;
      expect(text).toContain('Доступ восстановлен.');
    });
  });
});

describe('noticeRenderer', () => {
  it('renders each channel alone as renderNotice does, with and without an admin template', () => {
    const templates = [
      {},
      { email: { subject: 'Тема {{number}}', body: 'Текст {{subject}} <i>' }, sms: { subject: null, body: 'СМС {{number}} {{link}}' } },
      { push: { subject: 'П {{number}}', body: '{{status}}' }, in_app: { subject: null, body: '{{subject}}' } },
    ];
    for (const locale of LOCALES) {
      for (const kind of NOTICE_KINDS) {
        for (const t of templates) {
          const facts = longFacts({ unidentified: kind === 'answer_ready' });
          const all = sut(kind, locale, facts, t);
          // A fresh renderer per channel: one channel asked for alone (the planner's case) owes nothing to another.
          expect({ kind, locale, sms: noticeRenderer(kind, locale, facts, t).sms() }).toEqual({ kind, locale, sms: all.sms });
          expect({ kind, locale, push: noticeRenderer(kind, locale, facts, t).push() }).toEqual({ kind, locale, push: all.push });
          expect({ kind, locale, inApp: noticeRenderer(kind, locale, facts, t).inApp() }).toEqual({ kind, locale, inApp: all.inApp });
          expect({ kind, locale, email: noticeRenderer(kind, locale, facts, t).email() }).toEqual({ kind, locale, email: all.email });
        }
      }
    }
  });
});
