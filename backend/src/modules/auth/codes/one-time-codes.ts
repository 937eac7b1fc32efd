import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { deriveKey } from '../../../common/crypto/keys';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { CodePurpose, OneTimeCode } from '../entities/one-time-code.entity';
import { TransactionRunner } from '../../../database/transaction-runner';

export const CODE_TTL_SECONDS = 5 * 60;
export const CODE_MAX_ATTEMPTS = 5;

export type CodeVerdict = 'ok' | 'invalid' | 'expired' | 'exhausted';

/** The decision about one entered code, without I/O (unit-tested). */
export function judgeCode(
  stored: Pick<OneTimeCode, 'codeHash' | 'attempts' | 'expiresAt' | 'consumedAt'> | null,
  enteredHash: string,
  now: Date,
): CodeVerdict {
  if (!stored || stored.consumedAt) return 'invalid';
  if (stored.attempts >= CODE_MAX_ATTEMPTS) return 'exhausted';
  if (stored.expiresAt.getTime() <= now.getTime()) return 'expired';
  const a = Buffer.from(stored.codeHash, 'hex');
  const b = Buffer.from(enteredHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'invalid';
}

/**
 * 6-digit one-time codes: stored as a keyed hash, valid 5 minutes, single use, at most 5
 * attempts. A new code for the same purpose and subject supersedes the previous one.
 */
@Injectable()
export class OneTimeCodes {
  private readonly key: Buffer;

  constructor(
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = deriveKey(config.masterKey, 'one-time-code');
  }

  hash(purpose: CodePurpose, subject: string, code: string): string {
    return createHmac('sha256', this.key).update(`${purpose}:${subject}:${code.trim()}`).digest('hex');
  }

  /** Issues a fresh code (inside the caller's transaction) and returns it for sending. */
  async issue(manager: EntityManager, purpose: CodePurpose, subject: string): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await manager.update(OneTimeCode, { purpose, subject, consumedAt: IsNull() }, { consumedAt: new Date() });
    await manager.insert(OneTimeCode, {
      purpose,
      subject,
      codeHash: this.hash(purpose, subject, code),
      expiresAt: new Date(Date.now() + CODE_TTL_SECONDS * 1000),
    });
    return code;
  }

  /**
   * Checks and (on success) consumes the latest code. Runs in its own transaction so a wrong
   * attempt is counted even though the caller then fails the request.
   */
  async verify(purpose: CodePurpose, subject: string, code: string): Promise<CodeVerdict> {
    return this.tx.run(async (m) => {
      const stored = await m
        .getRepository(OneTimeCode)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.purpose = :purpose AND c.subject = :subject AND c.consumed_at IS NULL', { purpose, subject })
        .orderBy('c.created_at', 'DESC')
        .getOne();
      const verdict = judgeCode(stored, this.hash(purpose, subject, code), new Date());
      if (!stored) return verdict;
      if (verdict === 'ok') await m.update(OneTimeCode, { id: stored.id }, { consumedAt: new Date() });
      else if (verdict === 'invalid') {
        const attempts = stored.attempts + 1;
        await m.update(OneTimeCode, { id: stored.id }, { attempts, ...(attempts >= CODE_MAX_ATTEMPTS ? { consumedAt: new Date() } : {}) });
      } else await m.update(OneTimeCode, { id: stored.id }, { consumedAt: new Date() });
      return verdict;
    });
  }
}
