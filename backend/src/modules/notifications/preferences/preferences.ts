import { CHANNELS, Channel, Locale, NOTICE_KIND_SPECS, NOTICE_KINDS, NoticeKind } from '../catalogue/notice-kinds';
import type { ChannelOverrides, Digest } from './notification-preference.entity';

/** A user's settings with the defaults filled in. */
export interface Preferences {
  locale: Locale;
  timeZone: string;
  quietHours: { from: string; to: string } | null;
  digest: Digest;
  channels: ChannelOverrides;
}

export const DEFAULT_PREFERENCES: Preferences = { locale: 'ru', timeZone: 'Europe/Moscow', quietHours: null, digest: 'off', channels: {} };

/** Channels that wait for the morning in quiet hours; in-app and e-mail do not disturb anyone. */
const QUIET_CHANNELS: ReadonlySet<Channel> = new Set(['sms', 'push']);

export function channelOn(prefs: Preferences, kind: NoticeKind, channel: Channel): boolean {
  return prefs.channels[kind]?.[channel] ?? NOTICE_KIND_SPECS[kind].defaults.includes(channel);
}

/** Whether an account of this role may get the kind at all. */
export function kindFor(kind: NoticeKind, audience: 'citizen' | 'staff', role: string): boolean {
  const spec = NOTICE_KIND_SPECS[kind];
  return spec.audience === audience && (!spec.roles || spec.roles.includes(role));
}

/** The kinds of an audience (those the role may get), for the preferences page. */
export function kindsOf(audience: 'citizen' | 'staff', role: string): NoticeKind[] {
  return NOTICE_KINDS.filter((k) => kindFor(k, audience, role));
}

/** Required kinds left with every channel off (the law wants the citizen told somehow). */
export function silencedRequiredKinds(channels: ChannelOverrides): NoticeKind[] {
  const prefs = { ...DEFAULT_PREFERENCES, channels };
  return NOTICE_KINDS.filter((k) => NOTICE_KIND_SPECS[k].required && CHANNELS.every((c) => !channelOn(prefs, k, c)));
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight (and seconds into the minute) at `at` in `timeZone`. */
function localClock(at: Date, timeZone: string): { minutes: number; seconds: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: get('hour') * 60 + get('minute'), seconds: get('second') };
}

/** The instant `minutes` after local `now`'s minute starts (time zones without DST jumps in the span). */
function plusLocalMinutes(now: Date, clock: { seconds: number }, minutes: number): Date {
  return new Date(now.getTime() - clock.seconds * 1000 - (now.getTime() % 1000) + minutes * 60_000);
}

/**
 * When a message on `channel` may go out: now, or — SMS and push in the recipient's quiet hours —
 * the end of them. Quiet hours may span midnight (22:00–08:00).
 */
export function sendableAt(prefs: Preferences, channel: Channel, now: Date): Date {
  if (!prefs.quietHours || !QUIET_CHANNELS.has(channel)) return now;
  const from = minutesOf(prefs.quietHours.from);
  const to = minutesOf(prefs.quietHours.to);
  if (from === to) return now;
  const clock = localClock(now, prefs.timeZone);
  const m = clock.minutes;
  const quiet = from < to ? m >= from && m < to : m >= from || m < to;
  if (!quiet) return now;
  return plusLocalMinutes(now, clock, (to - m + 1440) % 1440);
}

/** The next digest after `now`: the next full hour, or tomorrow's (or today's) 09:00 local. */
export function nextDigestAt(digest: Exclude<Digest, 'off'>, timeZone: string, now: Date): Date {
  const clock = localClock(now, timeZone);
  if (digest === 'hourly') return plusLocalMinutes(now, clock, 60 - (clock.minutes % 60));
  const nine = 9 * 60;
  return plusLocalMinutes(now, clock, (nine - clock.minutes + 1440) % 1440 || 1440);
}
