import { findIllFormedStrings, isCalendarDate, isDateOrInstant, jsonNestingExceeds, MAX_BODY_VALUES, MAX_JSON_DEPTH, stringProblem, valueCountExceeds } from './input-guard';

describe('jsonNestingExceeds', () => {
  it('counts arrays and objects, and nothing inside strings', () => {
    expect(jsonNestingExceeds('{"a":{"b":[1,2,{"c":3}]}}', 4)).toBe(false);
    expect(jsonNestingExceeds('{"a":{"b":[1,2,{"c":3}]}}', 3)).toBe(true);
    expect(jsonNestingExceeds(`{"text":"${'['.repeat(100)}"}`, 2)).toBe(false);
    expect(jsonNestingExceeds(`{"text":"a\\"${'{'.repeat(100)}"}`, 2)).toBe(false);
  });

  it('finds 10,000 levels at once, without recursion', () => {
    const sut = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(jsonNestingExceeds(sut, MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestingExceeds(`{"login":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`, MAX_JSON_DEPTH)).toBe(true);
  });

  it('leaves malformed text to the parser', () => {
    expect(jsonNestingExceeds('{bad', MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestingExceeds(']]]]', MAX_JSON_DEPTH)).toBe(false);
  });
});

describe('stringProblem', () => {
  it.each([
    ['plain text', 'Обращение №1 — ok 😀', undefined],
    ['NUL', 'abc\u0000def', 'nul_character'],
    ['a lone high surrogate', 'a\uD800b', 'ill_formed_unicode'],
    ['a lone high surrogate at the end', 'ab\uD83D', 'ill_formed_unicode'],
    ['a lone low surrogate', '\uDC00x', 'ill_formed_unicode'],
    ['reversed pair', '\uDE00\uD83D', 'ill_formed_unicode'],
  ])('%s', (_name, value, expected) => {
    expect(stringProblem(value)).toBe(expected);
  });
});

describe('findIllFormedStrings', () => {
  it('names each bad field by its path, as class-validator does', () => {
    const sut = findIllFormedStrings({ login: 'abc\u0000def', contact: { email: 'a\uD800@x.ru' }, ids: ['ok', '\u0000'], n: 5, ok: null });
    expect(sut.map((e) => [e.field, e.code])).toEqual([
      ['login', 'nul_character'],
      ['contact.email', 'ill_formed_unicode'],
      ['ids.1', 'nul_character'],
    ]);
  });

  it('checks keys too and does not echo their bad characters', () => {
    const [error] = findIllFormedStrings({ 'a\u0000b': 1 });
    expect(error).toMatchObject({ field: 'a\uFFFDb', code: 'nul_character' });
    expect(JSON.stringify(error)).not.toContain('\\u0000');
  });

  it('names a value that is a bare string by its place', () => {
    expect(findIllFormedStrings('\u0000', 'query')).toEqual([expect.objectContaining({ field: 'query', code: 'nul_character' })]);
    expect(findIllFormedStrings(undefined)).toEqual([]);
  });

  it('reports at most 20 errors', () => {
    expect(findIllFormedStrings(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('dates', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '0001-01-01'])('%s is a calendar date', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2026-02-31', '2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '31.12.2026', '', '2026-02-28T00:00:00Z', 20260228, null])(
    '%s is not a calendar date',
    (d) => expect(isCalendarDate(d)).toBe(false),
  );
  it.each(['2026-02-28', '2026-02-28T10:00:00Z', '2026-02-28T10:00Z', '2026-02-28T23:59:59.999+03:00', '2026-02-28T00:00:00.123456-05:30'])(
    '%s is a date or an instant',
    (d) => expect(isDateOrInstant(d)).toBe(true),
  );
  it.each(['2026-02-31', '2026-02-31T10:00:00Z', '2026-02-28T24:00:00Z', '2026-02-28T10:60:00Z', '2026-02-28T10:00:00', '2026-02-28T10:00:00+25:00', '2026-02-28T1:0:0Z', 'now'])(
    '%s is neither',
    (d) => expect(isDateOrInstant(d)).toBe(false),
  );
});

describe('valueCountExceeds', () => {
  it('counts keys, elements and leaves at any depth', () => {
    expect(valueCountExceeds({ a: 1, b: [1, 2] }, 9)).toBe(false);
    expect(valueCountExceeds({ a: 1, b: [1, 2] }, 8)).toBe(true);
    expect(valueCountExceeds(undefined, 1)).toBe(false);
  });

  it('refuses 80,000 keys and allows a year of calendar days', () => {
    expect(valueCountExceeds(Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`k${i}`, 1])), MAX_BODY_VALUES)).toBe(true);
    expect(valueCountExceeds({ nonWorking: Array.from({ length: 366 }, () => '2027-01-01'), working: [] }, MAX_BODY_VALUES)).toBe(false);
  });
});
