import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG } from '../../config/config.module';
import { AppConfig } from '../../config/app-config';
import { deriveKey } from '../../common/crypto/keys';
import { Principal } from '../../common/http/actor';

export const ACCESS_TOKEN_ISSUER = 'otklik';
export const ACCESS_TOKEN_AUDIENCE = 'otklik-api';

/** Signs short-lived access tokens (HS256, key derived from MASTER_KEY) and mints refresh tokens. */
@Injectable()
export class TokenService {
  readonly accessKey: Buffer;
  private readonly stepKey: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.accessKey = deriveKey(config.masterKey, 'access-token');
    this.stepKey = deriveKey(config.masterKey, 'sign-in-step');
  }

  get accessTtl(): number {
    return this.config.accessTokenTtlSeconds;
  }

  get refreshTtl(): number {
    return this.config.refreshTokenTtlSeconds;
  }

  signAccess(principal: Principal, sessionId: string): Promise<string> {
    return new SignJWT({ role: principal.role, name: principal.name, dep: principal.departmentId, sid: sessionId, tl: principal.trustLevel ?? null })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.config.accessTokenTtlSeconds}s`)
      .sign(this.accessKey);
  }

  /**
   * A short token for one step of signing in (`mfa`: the password was right, the second factor
   * is pending). Its own audience, so it can never pass as an access token.
   */
  signStep(purpose: 'mfa', userId: string, ttlSeconds: number): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(`otklik-${purpose}`)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.stepKey);
  }

  /** The user id of a valid step token, or null. */
  async verifyStep(purpose: 'mfa', token: string): Promise<string | null> {
    try {
      const { payload } = await jwtVerify(token, this.stepKey, { algorithms: ['HS256'], issuer: ACCESS_TOKEN_ISSUER, audience: `otklik-${purpose}` });
      return payload.sub ?? null;
    } catch {
      return null;
    }
  }

  /** A random opaque refresh token; only its hash is stored. */
  mintRefresh(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefresh(token) };
  }

  static hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
