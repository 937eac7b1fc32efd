import { pickLocale } from './messages';

describe('pickLocale', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,en;q=0.5,ru;q=0.9', 'ru'],
    ['fr', 'ru'],
    ['ru-RU', 'ru'],
    ['en;q=0.2,ru;q=0.1', 'en'],
  ])('%p → %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});
