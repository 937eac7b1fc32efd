import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../problem/domain-error';

export interface IdempotentRequest {
  userId: string;
  key: string;
  method: string;
  path: string;
  body: unknown;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** Rejects a malformed Idempotency-Key at the edge. */
export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw new DomainError(422, 'validation_failed', {}, [
      { field: 'Idempotency-Key', code: 'matches', message: 'Idempotency-Key must be 1–200 printable ASCII characters' },
    ]);
  }
  return key;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * `Idempotency-Key` inside the caller's transaction: the key row is inserted first, so a
 * concurrent retry blocks on it until the first request commits, then replays its response.
 * The key and the change commit (or roll back) together: no half-finished state to clean up.
 */
@Injectable()
export class IdempotencyService {
  async run<T>(manager: EntityManager, request: IdempotentRequest | undefined, status: number, create: () => Promise<T>): Promise<T> {
    if (!request) return create();
    const hash = createHash('sha256').update(canonical(request.body)).digest('hex');
    const inserted: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING key`,
      [request.userId, request.key, request.method, request.path, hash],
    );
    if (inserted.length === 0) {
      const [previous] = await manager.query<{ method: string; path: string; request_hash: string; response: T | null }[]>(
        `SELECT method, path, request_hash, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [request.userId, request.key],
      );
      if (previous.request_hash !== hash || previous.method !== request.method || previous.path !== request.path) {
        throw new DomainError(422, 'idempotency_key_reused');
      }
      if (previous.response === null) throw new DomainError(409, 'idempotency_in_progress');
      return previous.response;
    }
    const result = await create();
    await manager.query(`UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`, [
      request.userId,
      request.key,
      status,
      JSON.stringify(result),
    ]);
    return result;
  }

  /** Forgets keys older than the window (housekeeping); returns how many. */
  async purgeExpired(manager: EntityManager): Promise<number> {
    const [, removed] = await manager.query<[unknown, number]>(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [IDEMPOTENCY_WINDOW_HOURS],
    );
    return removed;
  }
}

/** How long a retried request is recognised by its Idempotency-Key. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;
