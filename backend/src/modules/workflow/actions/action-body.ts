import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FieldError, ValidationFailedError } from '../../../common/problem/domain-error';
import { flattenValidationErrors } from '../../../common/problem/validation';

/**
 * An action's own body checked against the action's DTO. The route has already refused unknown
 * fields and malformed values; what is left is what this action needs — a missing one is
 * `isNotEmpty` on the field, as the API has always answered (API.md «Validation»).
 */
export async function checkActionBody<B extends object>(type: new () => B, raw: object): Promise<B> {
  const body = plainToInstance(type, raw, { excludeExtraneousValues: false });
  const errors = await validate(body, { forbidUnknownValues: false, validationError: { target: false, value: true } });
  if (errors.length > 0) throw new ValidationFailedError(fieldErrors(errors));
  return body;
}

function fieldErrors(errors: ValidationError[]): FieldError[] {
  return flattenValidationErrors(errors).map((e) => (e.code === 'required' ? { field: e.field, code: 'isNotEmpty', message: '' } : e));
}
