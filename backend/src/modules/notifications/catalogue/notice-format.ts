import { MOSCOW_UTC_OFFSET_MINUTES, moscowDate } from '@otklik/shared/domain';
import { fitsSms } from './sms-segments';
import type { Locale } from './notice-kinds';

const MOSCOW_OFFSET_MS = MOSCOW_UTC_OFFSET_MINUTES * 60_000;

/** A Moscow calendar date (`YYYY-MM-DD`) as the locale writes it: 05.12.2026 (ru), 2026-12-05 (en). */
export function formatDate(isoDate: string, locale: Locale): string {
  return locale === 'ru' ? isoDate.split('-').reverse().join('.') : isoDate;
}

/** An instant in Moscow time: 05.12.2026 14:30 (ru), 2026-12-05 14:30 MSK (en). */
export function formatTime(instant: Date, locale: Locale): string {
  const hm = new Date(instant.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(11, 16);
  const date = formatDate(moscowDate(instant), locale);
  return locale === 'ru' ? `${date} ${hm}` : `${date} ${hm} MSK`;
}

/**
 * A deadline: the date alone when it ends a Moscow day (terms in days end at 23:59:59.999), else
 * the date and the time (terms in working hours).
 */
export function formatDue(instant: Date, locale: Locale): string {
  const hm = new Date(instant.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(11, 16);
  return hm === '23:59' ? formatDate(moscowDate(instant), locale) : formatTime(instant, locale);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** One piece of an SMS text, with what may be done to it when the text does not fit. */
export interface SmsPiece {
  text: string;
  /** Left out when the text does not fit, the highest first (a link, a department name …). */
  optional?: number;
  /** A variable part (a reason, a department, a file name) that may be cut short with an ellipsis. */
  elastic?: boolean;
}

/** At most `max` characters (code points, so a surrogate pair is never cut), with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** A single line: no line breaks or runs of spaces in what goes into a one-line text (SMS, push). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The SMS text within two segments, by construction: all pieces if they fit; else the optional
 * ones left out (highest first); else the elastic ones cut, the longest first, down to a few
 * characters; as a last resort the whole text cut. Never longer than two segments.
 */
export function fitSms(pieces: readonly SmsPiece[]): string {
  const join = (ps: readonly SmsPiece[]) => ps.map((p) => p.text).join('');
  let current = pieces.map((p) => ({ ...p, text: p.elastic ? p.text.replace(/\s+/g, ' ') : p.text }));
  if (fitsSms(join(current))) return join(current);
  const drops = [...new Set(current.filter((p) => p.optional !== undefined).map((p) => p.optional!))].sort((a, b) => b - a);
  for (const level of drops) {
    current = current.filter((p) => p.optional !== level);
    if (fitsSms(join(current))) return join(current);
  }
  const MIN = 8;
  for (;;) {
    const elastic = current.filter((p) => p.elastic && Array.from(p.text).length > MIN);
    if (elastic.length === 0) break;
    const longest = elastic.reduce((a, b) => (Array.from(b.text).length > Array.from(a.text).length ? b : a));
    const length = Array.from(longest.text).length;
    longest.text = truncate(longest.text, Math.max(MIN, length - Math.max(1, Math.ceil((length - MIN) / 4))));
    if (fitsSms(join(current))) return join(current);
  }
  let text = join(current);
  while (!fitsSms(text)) text = truncate(text, Array.from(text).length - 1);
  return text;
}
