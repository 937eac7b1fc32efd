import { CHANNELS, Locale, NOTICE_KINDS } from './notice-kinds';
import { fillTemplate, parseTemplate, placeholdersOf, placeholderValues, sampleFacts, unknownPlaceholders } from './notice-placeholders';
import { wordsOf } from './notice-text';
import { smsSegments } from './sms-segments';
import { defaultTemplate, renderNotice as sut } from './templates';

const LOCALES: Locale[] = ['ru', 'en'];
const BASE = { citizen: 'https://otklik.example/cabinet', console: 'https://otklik.example' };

describe('notice templates', () => {
  it('the built-in text of every kind × channel × locale, as a template, uses only the placeholders that kind gives on that channel', () => {
    const strays: string[] = [];
    for (const kind of NOTICE_KINDS)
      for (const channel of CHANNELS)
        for (const locale of LOCALES) {
          const t = defaultTemplate(kind, locale, channel);
          const allowed = placeholdersOf(kind, channel);
          for (const name of unknownPlaceholders(`${t.subject ?? ''} ${t.body}`, allowed)) strays.push(`${kind}/${channel}/${locale}: ${name}`);
        }
    expect(strays).toEqual([]);
  });

  it('the built-in template filled with the sample facts says what the built-in text says (e-mail subject, SMS)', () => {
    const facts = sampleFacts('registered', 'ru', BASE);
    const values = placeholderValues(wordsOf(facts, 'ru'));
    const built = sut('registered', 'ru', facts);
    expect(fillTemplate(defaultTemplate('registered', 'ru', 'email').subject!, values)).toBe(built.email.subject);
    // The link does not fit these facts: dropped the same way.
    expect(sut('registered', 'ru', facts, { sms: defaultTemplate('registered', 'ru', 'sms') }).sms).toBe(built.sms);
  });

  it('names the unknown placeholders once each, in order; the subject is not offered on SMS or push', () => {
    expect(unknownPlaceholders('{{no}} {{ passport }} {{no}} {{passport}} {{inn}}', placeholdersOf('registered', 'email'))).toEqual(['passport', 'inn']);
    expect(placeholdersOf('registered', 'email')).toContain('subject');
    expect(placeholdersOf('registered', 'sms')).not.toContain('subject');
    expect(placeholdersOf('registered', 'push')).not.toContain('subject');
    expect(placeholdersOf('registered', 'sms')).toContain('link');
    expect(placeholdersOf('registered', 'email')).not.toContain('link');
    expect(unknownPlaceholders('{{reason}}', placeholdersOf('registered', 'email'))).toEqual(['reason']);
    expect(unknownPlaceholders('{{reason}}', placeholdersOf('extended', 'email'))).toEqual([]);
    expect(parseTemplate('a {{no}} b')).toEqual([{ text: 'a ' }, { name: 'no' }, { text: ' b' }]);
  });

  it("an override replaces the e-mail's words, escaped in the HTML part, and keeps the frame (the link, the footer)", () => {
    const facts = { ...sampleFacts('registered', 'ru', BASE), subject: '<script>alert(1)</script>' };
    const out = sut('registered', 'ru', facts, { email: { subject: 'Принято: {{no}}', body: 'Тема: {{subject}} <b>жирным</b>\nСрок: {{due}}' } });
    expect(out.email.subject).toBe('Принято: № 10012345');
    expect(out.email.text).toContain('Тема: <script>alert(1)</script> <b>жирным</b>\nСрок: 18.12.2026');
    expect(out.email.html).toContain('Тема: &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;жирным&lt;/b&gt;<br>Срок: 18.12.2026');
    expect(out.email.html).not.toMatch(/<script>|<b>/);
    expect(out.email.text).toContain(facts.link);
    expect(out.email.html).toContain(`href="${facts.link}"`);
    // Channels without an override keep the built-in text.
    expect(out.sms).toBe(sut('registered', 'ru', facts).sms);
  });

  it('an absent fact reads as a dash', () => {
    const facts = { ...sampleFacts('registered', 'en', BASE), dueAt: null };
    expect(sut('registered', 'en', facts, { push: { subject: 'Due {{due}}', body: '{{no}}' } }).push).toEqual({ title: 'Due —', body: `No. 10012345\n${facts.link}` });
  });

  it('an SMS override stays within two segments: the link goes first, then free values are cut', () => {
    const facts = { ...sampleFacts('extended', 'ru', BASE), reason: 'Очень длинная причина продления срока рассмотрения обращения. '.repeat(6) };
    const sms = sut('extended', 'ru', facts, { sms: { subject: null, body: 'Срок по обращению {{no}} продлён до {{due}}. Причина: {{reason}} {{link}}' } }).sms;
    expect(smsSegments(sms).segments).toBeLessThanOrEqual(2);
    expect(sms).toMatch(/^Срок по обращению № 10012345 продлён до 18\.12\.2026\. Причина: Очень длинная/);
    expect(sms).not.toContain(facts.link);
  });
});
