import { ValidateBy, ValidationOptions } from 'class-validator';
import { isCalendarDate, isDateOrInstant } from './input-guard';

/**
 * Date fields are checked here, strictly (a round trip through Date), never with a bare regex or
 * class-validator's IsDateString/IsISO8601 (lint forbids them): 2026-02-31 must be a 422, not a
 * database error.
 */

/** A calendar date YYYY-MM-DD that exists. Error code `isDateString`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateString',
      validator: { validate: (value) => isCalendarDate(value), defaultMessage: () => '$property must be a date in the form YYYY-MM-DD' },
    },
    options,
  );
}

/** A calendar date or an ISO-8601 instant with an offset (2026-03-01T12:00:00Z). Error code `isDateOrInstant`. */
export function IsDateOrInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOrInstant',
      validator: { validate: (value) => isDateOrInstant(value), defaultMessage: () => '$property must be a date YYYY-MM-DD or an ISO-8601 instant' },
    },
    options,
  );
}
