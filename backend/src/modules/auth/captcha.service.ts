import { Inject, Injectable } from '@nestjs/common';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { deriveKey } from '../../common/crypto/keys';
import { ValidationFailedError } from '../../common/problem/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CaptchaChallengeDto } from './auth.dto';
import { TransactionRunner } from '../../database/transaction-runner';

const CHALLENGE_TTL_SECONDS = 10 * 60;

/**
 * Self-hosted ALTCHA proof-of-work: the challenge is HMAC-signed (key derived from
 * MASTER_KEY), expires in 10 minutes, and a solved challenge is accepted once.
 */
@Injectable()
export class CaptchaService {
  private readonly hmacKey: string;

  constructor(
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hmacKey = deriveKey(config.masterKey, 'altcha').toString('hex');
  }

  async challenge(): Promise<CaptchaChallengeDto> {
    const c = await createChallenge({
      hmacKey: this.hmacKey,
      maxnumber: 100_000,
      expires: new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000),
    });
    return { algorithm: c.algorithm, challenge: c.challenge, maxnumber: c.maxnumber ?? 100_000, salt: c.salt, signature: c.signature };
  }

  /** Verifies a base64 ALTCHA payload and spends it; a bad, expired or replayed one is a 422 on `captcha`. */
  async verify(payload: string): Promise<void> {
    const fail = () => new ValidationFailedError([{ field: 'captcha', code: 'captcha_invalid', message: 'The CAPTCHA solution is invalid or expired' }]);
    let signature: string;
    try {
      const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature?: unknown };
      if (typeof parsed.signature !== 'string') throw fail();
      signature = parsed.signature;
      if (!(await verifySolution(payload, this.hmacKey, true))) throw fail();
    } catch {
      throw fail();
    }
    const inserted = await this.tx.manager.query<unknown[]>(
      `INSERT INTO captcha_spent (signature, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (signature) DO NOTHING RETURNING signature`,
      [signature, CHALLENGE_TTL_SECONDS],
    );
    if (inserted.length === 0) throw fail();
  }
}
