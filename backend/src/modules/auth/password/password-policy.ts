import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { FieldError } from '../../../common/problem/domain-error';
import { russianDictionary, SEQUENCES, switchLayout } from './russian-dictionary';

export const MIN_PASSWORD_LENGTH = 8;
export const MIN_ZXCVBN_SCORE = 3;
/** A run of this many keys in a row (12345, qwerty, йцукен, abcd) is a «simple sequence». */
const SEQUENCE_RUN = 4;

/**
 * One password policy for registration, reset and change (DOMAIN.md «Registration
 * requirements»): length, character classes, no keyboard/alphabet runs, and zxcvbn score ≥ 3
 * with English, common and Russian dictionaries and the person's own data as inputs.
 */
export class PasswordPolicy {
  private scorer: ZxcvbnFactory | undefined;

  /**
   * zxcvbn with its dictionaries (~23 MB of RSS), required on the first password that reaches the
   * score (a synchronous require: `check` stays synchronous), not at boot: most API processes
   * never score a password.
   */
  private get zxcvbn(): ZxcvbnFactory {
    if (!this.scorer) {
      const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
      const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
      const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
      this.scorer = new ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary, russian: russianDictionary() },
      });
    }
    return this.scorer;
  }

  /** Field errors for `field` (empty when the password is acceptable). */
  check(password: string, userInputs: string[] = [], field = 'password'): FieldError[] {
    const errors: FieldError[] = [];
    const fail = (code: string, message: string) => errors.push({ field, code, message });
    if (password.length < MIN_PASSWORD_LENGTH) fail('password_too_short', `At least ${MIN_PASSWORD_LENGTH} characters`);
    const classes = [/\p{Lu}/u, /\p{Ll}/u, /\d/, /[^\p{L}\d\s]/u];
    if (!classes.every((re) => re.test(password))) fail('password_classes', 'Needs an upper-case and a lower-case letter, a digit and a special character');
    if (hasSequence(password)) fail('password_sequence', 'Contains a simple sequence such as 1234, qwerty or йцукен');
    if (errors.length > 0) return errors;
    const inputs = userInputs.flatMap((i) => i.toLowerCase().split(/[\s@.\-_]+/)).filter((i) => i.length >= 3);
    inputs.push(...inputs.filter((i) => /[а-яё]/.test(i)).map((i) => switchLayout(i, 'latin')));
    // Scored as typed and with the keyboard layout switched, so «Ghbdtn» is caught as «привет».
    const variants = new Set([password, switchLayout(password, 'latin'), switchLayout(password, 'cyrillic')]);
    const score = Math.min(...[...variants].map((v) => this.zxcvbn.check(v, inputs).score));
    if (score < MIN_ZXCVBN_SCORE) fail('password_weak', 'Too easy to guess (a common word, name, date or your own data)');
    return errors;
  }
}

export function hasSequence(password: string): boolean {
  const p = password.toLowerCase();
  for (const row of SEQUENCES) {
    for (const line of [row, [...row].reverse().join('')]) {
      for (let i = 0; i + SEQUENCE_RUN <= line.length; i++) {
        if (p.includes(line.slice(i, i + SEQUENCE_RUN))) return true;
      }
    }
  }
  return /(.)\1{3,}/u.test(p);
}
