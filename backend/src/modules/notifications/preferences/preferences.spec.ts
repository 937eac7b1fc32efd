import { DEFAULT_PREFERENCES, Preferences, channelOn, isTimeZone, nextDigestAt, sendableAt, silencedRequiredKinds } from './preferences';

const prefs = (over: Partial<Preferences>): Preferences => ({ ...DEFAULT_PREFERENCES, ...over });
const night = prefs({ quietHours: { from: '22:00', to: '08:00' } });

describe('notification preferences', () => {
  it('follows the kind\'s defaults until the user changes a channel', () => {
    expect(channelOn(DEFAULT_PREFERENCES, 'registered', 'sms')).toBe(true);
    expect(channelOn(DEFAULT_PREFERENCES, 'staff_reply', 'sms')).toBe(false);
    expect(channelOn(prefs({ channels: { registered: { sms: false } } }), 'registered', 'sms')).toBe(false);
    expect(channelOn(prefs({ channels: { staff_reply: { sms: true } } }), 'staff_reply', 'sms')).toBe(true);
  });

  it('a notice the law requires cannot lose every channel; any one left on is enough', () => {
    expect(silencedRequiredKinds({ extended: { in_app: false, email: false, sms: false, push: false } })).toEqual(['extended']);
    expect(silencedRequiredKinds({ extended: { in_app: false, email: false, sms: false } })).toEqual([]);
    expect(silencedRequiredKinds({ registered: { in_app: false, email: false, sms: false, push: false } })).toEqual([]);
  });

  it('quiet hours across midnight hold SMS and push until the morning in the user\'s zone, not e-mail or in-app', () => {
    // 23:30 in Moscow (UTC+3) is 20:30 UTC.
    const late = new Date('2026-12-07T20:30:15Z');
    expect(sendableAt(night, 'sms', late).toISOString()).toBe('2026-12-08T05:00:00.000Z');
    expect(sendableAt(night, 'push', late).toISOString()).toBe('2026-12-08T05:00:00.000Z');
    expect(sendableAt(night, 'email', late)).toBe(late);
    expect(sendableAt(night, 'in_app', late)).toBe(late);
    // 07:59 is still quiet, 08:00 is not.
    expect(sendableAt(night, 'sms', new Date('2026-12-08T04:59:00Z')).toISOString()).toBe('2026-12-08T05:00:00.000Z');
    const eight = new Date('2026-12-08T05:00:00Z');
    expect(sendableAt(night, 'sms', eight)).toBe(eight);
    const noon = new Date('2026-12-08T09:00:00Z');
    expect(sendableAt(night, 'sms', noon)).toBe(noon);
  });

  it('quiet hours are counted in the user\'s own time zone', () => {
    const vladivostok = prefs({ quietHours: { from: '22:00', to: '08:00' }, timeZone: 'Asia/Vladivostok' });
    // 14:00 UTC is 00:00 in Vladivostok (UTC+10): held until 08:00 there, 22:00 UTC.
    expect(sendableAt(vladivostok, 'sms', new Date('2026-12-07T14:00:00Z')).toISOString()).toBe('2026-12-07T22:00:00.000Z');
    // ... while it is 17:00 in Moscow: a Moscow user would get it at once.
    const at = new Date('2026-12-07T14:00:00Z');
    expect(sendableAt(night, 'sms', at)).toBe(at);
  });

  it('a daytime window (13:00–14:00) holds within the day', () => {
    const lunch = prefs({ quietHours: { from: '13:00', to: '14:00' } });
    expect(sendableAt(lunch, 'push', new Date('2026-12-07T10:20:00Z')).toISOString()).toBe('2026-12-07T11:00:00.000Z');
    const before = new Date('2026-12-07T09:59:00Z');
    expect(sendableAt(lunch, 'push', before)).toBe(before);
  });

  it('digests go out at the next full hour, or at 09:00 local', () => {
    expect(nextDigestAt('hourly', 'Europe/Moscow', new Date('2026-12-07T10:20:30Z')).toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(nextDigestAt('daily', 'Europe/Moscow', new Date('2026-12-07T10:20:30Z')).toISOString()).toBe('2026-12-08T06:00:00.000Z');
    expect(nextDigestAt('daily', 'Europe/Moscow', new Date('2026-12-07T03:00:00Z')).toISOString()).toBe('2026-12-07T06:00:00.000Z');
    expect(nextDigestAt('daily', 'Europe/Moscow', new Date('2026-12-07T06:00:00Z')).toISOString()).toBe('2026-12-08T06:00:00.000Z');
  });

  it('knows an IANA zone from a made-up one', () => {
    expect(isTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
