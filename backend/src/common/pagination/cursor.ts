import { DomainError } from '../problem/domain-error';

/** Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON. */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number | null)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity && values.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError(422, 'validation_failed', {}, [{ field: 'cursor', code: 'invalid_cursor', message: 'invalid cursor' }]);
}

export const DEFAULT_LIMIT = 20;
