/** Checks of citizen-entered identifiers and text (DOMAIN.md «Registration requirements»). */

const SNILS_FORMAT = /^(?:\d{3}-\d{3}-\d{3} \d{2}|\d{11})$/;
/** Numbers up to 001-001-998 were issued before the check digits existed. */
const SNILS_LAST_UNCHECKED = 1_001_998;

/** СНИЛС as `112-233-445 95` or `11223344595`, with its check digits. */
export function isValidSnils(s: string): boolean {
  if (!SNILS_FORMAT.test(s)) return false;
  const digits = s.replace(/\D/g, '');
  if (Number(digits.slice(0, 9)) <= SNILS_LAST_UNCHECKED) return true;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
  return snilsCheck(sum) === Number(digits.slice(9));
}

function snilsCheck(sum: number): number {
  if (sum < 100) return sum;
  if (sum <= 101) return 0;
  const rest = sum % 101;
  return rest === 100 ? 0 : rest;
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** ИНН: 10 digits (organisation) or 12 digits (person), with its check digits. */
export function isValidInn(s: string): boolean {
  if (/^\d{10}$/.test(s)) return innCheck(s, INN10_WEIGHTS) === Number(s[9]);
  if (/^\d{12}$/.test(s)) {
    return innCheck(s, INN12_WEIGHTS_11) === Number(s[10]) && innCheck(s, INN12_WEIGHTS_12) === Number(s[11]);
  }
  return false;
}

function innCheck(digits: string, weights: readonly number[]): number {
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  return (sum % 11) % 10;
}

/** ИНН of an organisation (a legal entity): exactly 10 digits, with its check digit. */
export function isValidOrganisationInn(s: string): boolean {
  return /^\d{10}$/.test(s) && isValidInn(s);
}

/**
 * ОГРН of a legal entity: 13 digits; the 13th is (the first 12 as a number mod 11) mod 10.
 * (ОГРНИП, 15 digits, of a sole trader, is checked mod 13 the same way.)
 */
export function isValidOgrn(s: string): boolean {
  if (/^\d{13}$/.test(s)) return Number(BigInt(s.slice(0, 12)) % 11n) % 10 === Number(s[12]);
  if (/^\d{15}$/.test(s)) return Number(BigInt(s.slice(0, 14)) % 13n) % 10 === Number(s[14]);
  return false;
}

/**
 * A Russian phone number as `+7XXXXXXXXXX`, or null. Accepts a `+7` or `8` prefix and
 * spaces, dashes and parentheses between digits: `8 (916) 123-45-67` → `+79161234567`.
 */
export function normalizeRuPhone(s: string): string | null {
  const match = /^(?:\+7|8)(\d{10})$/.exec(s.replace(/[\s\-()]/g, ''));
  return match ? `+7${match[1]}` : null;
}

/** The stored form of a mobile number: exactly `+7` and 10 digits, nothing else. */
export function isValidRuMobile(s: string): boolean {
  return /^\+7\d{10}$/.test(s);
}

const LETTER = String.raw`(?=\p{L})[\p{Script=Cyrillic}\p{Script=Latin}]`;
/** Up to two combining accents after a letter, so decomposed (NFD) «й», «ё» and «é» pass. */
const ACCENTS = String.raw`[\u0300-\u036F]{0,2}`;
const WHITESPACE = String.raw` \t\n\r\u00A0\u2009\u202F`;
const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const TYPOGRAPHY = '№§«»„“”‘’‚—–‐‑…°±×•·€₽©®™';
const inCharacterClass = (chars: string): string => chars.replace(/[\\[\]\-^]/g, '\\$&');

/**
 * What an appeal's text may contain: Cyrillic and Latin letters, digits, whitespace, punctuation
 * and common symbols. Rejects control characters, emoji and other scripts. An empty string
 * passes: whether text is required is a length rule. No `g` flag, so `test` keeps no state.
 */
export const APPEAL_TEXT_PATTERN = new RegExp(
  String.raw`^(?:${LETTER}${ACCENTS}|[0-9${WHITESPACE}${inCharacterClass(ASCII_PUNCTUATION + TYPOGRAPHY)}])*$`,
  'u',
);
