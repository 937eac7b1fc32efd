import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { encodeCursor } from './cursor';
import { CURSOR_MAX_LENGTH, DateRangePageQuery, PageQuery } from './page-query';

/** What the global ValidationPipe does with a query string: transform, then validate. */
function errorsOf<T extends object>(type: new () => T, query: Record<string, unknown>): [string, string][] {
  const sut = plainToInstance(type, query);
  return validateSync(sut, { whitelist: true, forbidNonWhitelisted: true }).map((e) => [e.property, Object.keys(e.constraints ?? {})[0]]);
}

describe('PageQuery', () => {
  it('accepts no paging at all, and limit 1 to 100 given as query text', () => {
    expect(errorsOf(PageQuery, {})).toEqual([]);
    expect(errorsOf(PageQuery, { limit: '1' })).toEqual([]);
    expect(errorsOf(PageQuery, { limit: '100', cursor: 'WyIxMjMiXQ' })).toEqual([]);
    expect(plainToInstance(PageQuery, { limit: '7' }).limit).toBe(7);
  });

  it('refuses a limit out of bounds or not an integer', () => {
    expect(errorsOf(PageQuery, { limit: '0' })).toEqual([['limit', 'min']]);
    expect(errorsOf(PageQuery, { limit: '101' })).toEqual([['limit', 'max']]);
    expect(errorsOf(PageQuery, { limit: '2.5' })).toEqual([['limit', 'isInt']]);
    const sut = plainToInstance(PageQuery, { limit: 'ten' });
    expect(validateSync(sut).map((e) => [e.property, 'isInt' in (e.constraints ?? {})])).toEqual([['limit', true]]);
  });

  it('fits the longest cursors the API hands out', () => {
    const instant = '2026-12-31T23:59:59.999Z';
    // An event delivery: created at, event id (bigint), consumer name (at most 63 characters).
    expect(encodeCursor([instant, '9223372036854775807', 'c'.repeat(63)]).length).toBeLessThanOrEqual(CURSOR_MAX_LENGTH);
    // A ranked appeal search: rank, sort instant, appeal id.
    expect(encodeCursor([0.123456789012, instant, '00000000-0000-4000-8000-000000000000']).length).toBeLessThanOrEqual(CURSOR_MAX_LENGTH);
  });

  it('takes a cursor up to CURSOR_MAX_LENGTH characters', () => {
    expect(errorsOf(PageQuery, { cursor: 'a'.repeat(CURSOR_MAX_LENGTH) })).toEqual([]);
    expect(errorsOf(PageQuery, { cursor: 'a'.repeat(CURSOR_MAX_LENGTH + 1) })).toEqual([['cursor', 'maxLength']]);
    const sut = plainToInstance(PageQuery, { cursor: ['a', 'b'] });
    expect(validateSync(sut).map((e) => [e.property, 'isString' in (e.constraints ?? {})])).toEqual([['cursor', true]]);
  });
});

describe('DateRangePageQuery', () => {
  it('accepts real dates and instants with an offset, and pages like PageQuery', () => {
    expect(errorsOf(DateRangePageQuery, { from: '2024-02-29', to: '2026-03-01T09:30:00+03:00', limit: '20' })).toEqual([]);
    expect(errorsOf(DateRangePageQuery, { limit: '0' })).toEqual([['limit', 'min']]);
  });

  it('refuses impossible dates and loose formats with the stable code', () => {
    expect(errorsOf(DateRangePageQuery, { from: '2026-02-31', to: '2026-04-31' })).toEqual([
      ['from', 'isDateOrInstant'],
      ['to', 'isDateOrInstant'],
    ]);
    expect(errorsOf(DateRangePageQuery, { from: '2026-1-1' })).toEqual([['from', 'isDateOrInstant']]);
    expect(errorsOf(DateRangePageQuery, { to: 'yesterday' })).toEqual([['to', 'isDateOrInstant']]);
  });
});
