/* The console's language as stored, without Angular: the I18n service starts from it, and the early
 * start (core/early-start.ts, before any bundle) asks the API in it as the console's client would. */

export type Lang = 'ru' | 'en';

export const LANG_STORAGE_KEY = 'otklik.console.lang';

export function storedLang(): Lang {
  try {
    const value = localStorage.getItem(LANG_STORAGE_KEY);
    return value === 'en' || value === 'ru' ? value : 'ru';
  } catch {
    return 'ru';
  }
}
