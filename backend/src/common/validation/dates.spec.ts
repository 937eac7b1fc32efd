import { validateSync } from 'class-validator';
import { IsCalendarDate, IsDateOrInstant } from './dates';

class Sut {
  @IsCalendarDate() day: unknown;
  @IsDateOrInstant() before: unknown;
}

const errorsOf = (day: unknown, before: unknown) =>
  validateSync(Object.assign(new Sut(), { day, before })).map((e) => [e.property, Object.keys(e.constraints ?? {})[0]]);

describe('date decorators', () => {
  it('accept real dates and instants', () => {
    expect(errorsOf('2024-02-29', '2026-03-01T09:30:00+03:00')).toEqual([]);
  });

  it('refuse impossible dates with stable codes', () => {
    expect(errorsOf('2026-02-31', '2026-02-31')).toEqual([
      ['day', 'isDateString'],
      ['before', 'isDateOrInstant'],
    ]);
    expect(errorsOf(20260101, ['2026-01-01'])).toEqual([
      ['day', 'isDateString'],
      ['before', 'isDateOrInstant'],
    ]);
  });
});
