import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG } from '../../config/config.module';
import { AppConfig } from '../../config/app-config';
import { deriveKey } from '../../common/crypto/keys';
import { Principal } from '../../common/http/actor';

export const ACCESS_TOKEN_ISSUER = 'otklik';
export const ACCESS_TOKEN_AUDIENCE = 'otklik-api';

/** How long a widget-scoped access token lives at most: it is handed to another site's page. */
export const WIDGET_TOKEN_TTL_SECONDS = 600;

/** Steps of a sign-in that a short token carries from one request to the next. */
export type SignInStep = 'mfa' | 'enrol';

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

  /** The lifetime of an access token of this scope. */
  accessTtlFor(scope: Principal['scope']): number {
    return scope === 'widget' ? Math.min(WIDGET_TOKEN_TTL_SECONDS, this.config.accessTokenTtlSeconds) : this.config.accessTokenTtlSeconds;
  }

  signAccess(principal: Principal, sessionId: string): Promise<string> {
    const networks = {
      ...(principal.networks?.length ? { ipn: principal.networks } : {}),
      ...(principal.listedNetworks?.length ? { ipe: principal.listedNetworks } : {}),
    };
    const scope = principal.scope ? { scp: principal.scope } : {};
    return new SignJWT({ role: principal.role, name: principal.name, dep: principal.departmentId, sid: sessionId, tl: principal.trustLevel ?? null, ...networks, ...scope })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtlFor(principal.scope)}s`)
      .sign(this.accessKey);
  }

  /**
   * A short token for one step of signing in (`mfa`: the password was right, the second factor
   * is pending; `enrol`: a second factor was shown and a TOTP app is being enrolled). Its own
   * audience, so it can never pass as an access token; its `jti` lets the step be spent once.
   */
  signStep(purpose: SignInStep, userId: string, ttlSeconds: number): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(`otklik-${purpose}`)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.stepKey);
  }

  /** The user, token id and expiry of a valid step token, or null. */
  async verifyStep(purpose: SignInStep, token: string): Promise<{ userId: string; jti: string; expiresAt: Date } | null> {
    try {
      const { payload } = await jwtVerify(token, this.stepKey, { algorithms: ['HS256'], issuer: ACCESS_TOKEN_ISSUER, audience: `otklik-${purpose}` });
      if (!payload.sub || !payload.jti || !payload.exp) return null;
      return { userId: payload.sub, jti: payload.jti, expiresAt: new Date(payload.exp * 1000) };
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
