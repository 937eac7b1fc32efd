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
    /** Extra members of the problem body (RFC 9457 extensions); never personal data. */
    readonly extensions?: Record<string, unknown>,
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

/** 409 for an action the appeal's status (or its facts) does not allow: names the current status and what is allowed. */
export class TransitionNotAllowedError extends DomainError {
  constructor(status: string, action: string, allowedActions: readonly string[]) {
    super(409, 'invalid_transition', { status, action }, [], { currentStatus: status, action, allowedActions: [...allowedActions] });
  }
}

/** 409 when the client acted on a version of the appeal that has since changed. */
export class VersionConflictError extends DomainError {
  constructor(current: number) {
    super(409, 'version_conflict', { current }, [], { currentVersion: current });
  }
}
