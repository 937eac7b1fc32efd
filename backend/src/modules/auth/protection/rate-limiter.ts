import { Injectable } from '@nestjs/common';
import { RetryLaterError } from './rate-limited.error';
import { TransactionRunner } from '../../../database/transaction-runner';

export interface RateLimit {
  bucket: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Sliding-window counters in Postgres, so every API process sees the same counts. A bucket
 * is serialised with a transaction-scoped advisory lock: count and insert do not race.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly tx: TransactionRunner) {}

  /** Counts one event in every bucket, or throws 429 with Retry-After if any bucket is full. */
  async hit(...limits: RateLimit[]): Promise<void> {
    const wait = await this.tx.run(async (m) => {
      let longest = 0;
      for (const { bucket, limit, windowSeconds } of limits) {
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [bucket]);
        const [row] = await m.query<{ n: number; wait: number | null }[]>(
          `SELECT count(*)::int AS n, extract(epoch FROM (min(created_at) + make_interval(secs => $2) - now()))::float AS wait
             FROM rate_events WHERE bucket = $1 AND created_at > now() - make_interval(secs => $2)`,
          [bucket, windowSeconds],
        );
        if (row.n >= limit) longest = Math.max(longest, Math.ceil(row.wait ?? windowSeconds), 1);
      }
      if (longest > 0) return longest;
      for (const { bucket } of limits) await m.query('INSERT INTO rate_events (bucket) VALUES ($1)', [bucket]);
      return 0;
    });
    if (wait > 0) throw new RetryLaterError(429, 'rate_limited', wait);
  }
}
