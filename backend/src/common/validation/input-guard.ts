import type { FieldError } from '../problem/domain-error';

/**
 * Checks every request value gets before any DTO, service or database sees it. They are pure so
 * that the Fastify wiring (`input-hooks.ts`) stays thin and the rules are unit-tested here.
 */

/** Deepest JSON nesting a body may have: our DTOs need 3–4 levels; class-transformer recurses per level. */
export const MAX_JSON_DEPTH = 32;

/**
 * Most values (keys, strings, numbers… of any depth) a body may hold: the largest legitimate one
 * (a year's calendar) has a few hundred. 80,000 unknown keys in 1 MB would otherwise cost seconds of
 * validation and a 10 MB answer.
 */
export const MAX_BODY_VALUES = 10_000;

/** Whether a parsed value holds more than `max` values (each key, element and leaf counts), counted without recursion. */
export function valueCountExceeds(value: unknown, max: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++count > max) return true;
    if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [, child] of Object.entries(v)) {
        count++;
        stack.push(child);
      }
    }
  }
  return false;
}

/** At most this many field errors are reported for bad strings (a body of 10,000 NULs is one story). */
const MAX_REPORTED = 20;

/**
 * Whether a JSON text nests arrays/objects deeper than `max`, found by one linear scan of the
 * text before it is parsed (so a 10,000-level body never becomes 10,000 nested objects).
 * Brackets inside strings do not count. Malformed text is left to the real parser.
 */
export function jsonNestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one rule for every string a client sends: no NUL (PostgreSQL text cannot hold it) and
 * well-formed UTF-16 (a lone surrogate cannot be encoded as UTF-8 for the database, the audit
 * log or an e-mail check). Returns the stable field error code, or undefined when the string is fine.
 */
export function stringProblem(value: string): 'nul_character' | 'ill_formed_unicode' | undefined {
  if (value.includes('\u0000')) return 'nul_character';
  if (LONE_SURROGATE.test(value)) return 'ill_formed_unicode';
  return undefined;
}

const MESSAGES = {
  nul_character: 'must not contain the NUL character (U+0000)',
  ill_formed_unicode: 'must be well-formed Unicode (no lone surrogates)',
} as const;

/** A key as it may appear in a field path: its bad characters replaced, so nothing unsafe is echoed. */
function printableKey(key: string): string {
  return key.replaceAll('\u0000', '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/**
 * Walks a parsed body, query or path-parameter object and reports every string (value or key)
 * that breaks the rule, by its field path (`contact.email`, `ids.0`, as class-validator names
 * fields). `root` names a string that is the whole value (a JSON body that is just a string).
 */
export function findIllFormedStrings(value: unknown, root = 'body'): FieldError[] {
  const out: FieldError[] = [];
  const visit = (v: unknown, path: string, depth: number): void => {
    if (out.length >= MAX_REPORTED) return;
    if (typeof v === 'string') {
      const code = stringProblem(v);
      if (code) out.push({ field: path || root, code, message: `${path || root} ${MESSAGES[code]}` });
      return;
    }
    // Parsed JSON is bounded by MAX_JSON_DEPTH; this guard only protects against other producers.
    if (v === null || typeof v !== 'object' || depth > MAX_JSON_DEPTH + 1) return;
    if (Buffer.isBuffer(v)) return;
    for (const [key, child] of Object.entries(v)) {
      const keyCode = stringProblem(key);
      const field = path ? `${path}.${printableKey(key)}` : printableKey(key);
      if (keyCode) {
        out.push({ field, code: keyCode, message: `the name of ${field} ${MESSAGES[keyCode]}` });
        if (out.length >= MAX_REPORTED) return;
      }
      visit(child, field, depth + 1);
    }
  };
  visit(value, '', 0);
  return out;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** A calendar date YYYY-MM-DD that exists: 2026-02-31 is refused (checked by a round trip through Date). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date, or an ISO-8601 instant with a real date, a real time of day and an offset (Z or ±hh:mm). */
export function isDateOrInstant(value: unknown): value is string {
  if (isCalendarDate(value)) return true;
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [, date, hh, mm, ss = '00', , offset, oh, om] = m;
  if (!isCalendarDate(date)) return false;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return false;
  if (offset !== 'Z' && (Number(oh) > 23 || Number(om) > 59)) return false;
  return !Number.isNaN(new Date(value).getTime());
}
