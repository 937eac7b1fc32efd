/** A field-level error inside a problem+json body. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * A failure the client can act on. `code` is stable (clients branch on it); the title and
 * detail are localized by the exception filter from the message catalog.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(code);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string) {
    super(404, 'not_found', { entity });
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(409, code, params);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[]) {
    super(422, 'validation_failed', {}, errors);
  }
}
