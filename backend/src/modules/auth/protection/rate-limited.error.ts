import { DomainError } from '../../../common/problem/domain-error';

/** 429 (or 423 for a locked account) with the seconds to wait, sent as Retry-After. */
export class RetryLaterError extends DomainError {
  constructor(
    status: 423 | 429,
    code: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, { seconds: retryAfterSeconds });
  }
}
