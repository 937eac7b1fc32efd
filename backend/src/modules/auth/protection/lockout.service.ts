import { Injectable } from '@nestjs/common';
import { RetryLaterError } from './rate-limited.error';
import { TransactionRunner } from '../../../database/transaction-runner';

/**
 * Failed-attempt counters with back-off, per account and per client IP, in Postgres (shared
 * by all API processes). A locked account answers 423, a locked IP 429, both with Retry-After.
 * The first lockout lasts a minute and each further one doubles, up to an hour.
 */
@Injectable()
export class LockoutService {
  constructor(private readonly tx: TransactionRunner) {}

  /** Throws while any of the keys is locked. */
  async assertOpen(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const rows = await this.tx.manager.query<{ key: string; wait: number }[]>(
      `SELECT key, ceil(extract(epoch FROM locked_until - now()))::int AS wait
         FROM auth_lockouts WHERE key = ANY($1) AND locked_until > now()`,
      [keys],
    );
    if (rows.length === 0) return;
    const wait = Math.max(...rows.map((r) => r.wait), 1);
    const accountLocked = rows.some((r) => !r.key.startsWith('ip:'));
    throw accountLocked ? new RetryLaterError(423, 'account_locked', wait) : new RetryLaterError(429, 'too_many_failures', wait);
  }

  /** Counts a failure; at `threshold` failures the key is locked and the counter starts again. */
  async fail(key: string, threshold: number): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO auth_lockouts AS l (key, failures) VALUES ($1, 1)
       ON CONFLICT (key) DO UPDATE SET failures = l.failures + 1, updated_at = now()`,
      [key],
    );
    await this.tx.manager.query(
      `UPDATE auth_lockouts
          SET failures = 0, level = level + 1, updated_at = now(),
              locked_until = now() + make_interval(secs => least(60 * power(2, level), 3600))
        WHERE key = $1 AND failures >= $2`,
      [key, threshold],
    );
  }

  /** A success forgets the failures (and the back-off level) of the key. */
  async reset(key: string): Promise<void> {
    await this.tx.manager.query('DELETE FROM auth_lockouts WHERE key = $1', [key]);
  }
}
