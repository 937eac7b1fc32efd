import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedError } from './domain-error';
import { memoiseValidationMetadata } from '../validation/metadata-cache';

const CODE_ALIASES: Record<string, string> = {
  whitelistValidation: 'unknown_field',
  isDefined: 'required',
  isUUID: 'isUuid',
  isIn: 'isEnum',
};

/** Flattens class-validator's tree into `a.b.c` field errors with stable codes. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    // A missing value fails every constraint at once: report it once, as "required".
    const missing = error.value === undefined || error.value === null;
    const keys = Object.keys(constraints);
    if (missing && keys.length > 0) {
      out.push({ field, code: 'required', message: `${field} is required` });
    } else {
      for (const key of keys) {
        out.push({ field, code: CODE_ALIASES[key] ?? key, message: constraints[key] });
      }
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Strict global validation (CONVENTIONS.md #3): unknown fields are an error, types are transformed. */
export function createValidationPipe(): ValidationPipe {
  memoiseValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
