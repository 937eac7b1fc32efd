import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { ClientInfo } from '../session.service';
import { RateLimiter } from './rate-limiter';

/** The rate limits of the identity routes, in one place (all shared across processes via Postgres). */
@Injectable()
export class AuthLimits {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Password sign-in and registration attempts per client IP. */
  signInAttempt(client: ClientInfo): Promise<void> {
    return this.limiter.hit({ bucket: `signin:ip:${client.ip}`, limit: this.config.identity.authRateLimitPerMinute, windowSeconds: 60 });
  }

  /** Entering a one-time or second-factor code, per client IP. */
  codeCheck(client: ClientInfo): Promise<void> {
    return this.limiter.hit({ bucket: `code-check:ip:${client.ip}`, limit: this.config.identity.authRateLimitPerMinute, windowSeconds: 60 });
  }

  /**
   * Sending a code (SMS pumping protection): per purpose and destination one a
   * minute, per destination CODE_SENDS_PER_HOUR an hour; per client IP four times that an hour.
   */
  codeSend(purpose: 'registration' | 'mfa' | 'reset' | 'contact', destination: string, client: ClientInfo): Promise<void> {
    const perHour = this.config.identity.codeSendsPerHour;
    return this.limiter.hit(
      { bucket: `code-send:${purpose}:${destination}:minute`, limit: 1, windowSeconds: 60 },
      { bucket: `code-send:${destination}:hour`, limit: perHour, windowSeconds: 3600 },
      { bucket: `code-send:ip:${client.ip}`, limit: perHour * 4, windowSeconds: 3600 },
    );
  }
}
