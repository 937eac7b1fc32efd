import { createSecretKey, KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-strategy';
import { Role } from '@otklik/shared/domain';
import { Principal } from '../../common/http/actor';
import { DomainError } from '../../common/problem/domain-error';
import { AccessClaims, bearerToken, verifyAccessToken } from './access-token';
import { accountIpAllowed } from './protection/ip-allow-list';
import { LiveSessions } from './live-sessions.repository';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, TokenService } from './token.service';

/** How many verified access tokens a process remembers. */
const VERIFIED_CAPACITY = 20_000;

type Verify = (claims: AccessClaims, done: (error: unknown, user?: Principal | false) => void) => void;

/** A passport strategy for `Authorization: Bearer <access token>`, verified by verifyAccessToken. */
class BearerAccessStrategy extends Strategy {
  name = 'jwt';

  constructor(
    private readonly key: KeyObject,
    private readonly verify: Verify,
  ) {
    super();
  }

  /**
   * Tokens verified before, by their whole text (signature included), so a client's next request
   * with the same token costs a lookup and an expiry check, not an HMAC and two JSON parses. Only
   * valid tokens are kept, at most VERIFIED_CAPACITY (the oldest forgotten first); the session
   * check still runs on every request.
   */
  private readonly seen = new Map<string, AccessClaims>();

  private verified(token: string): AccessClaims | null {
    const known = this.seen.get(token);
    if (known) {
      if (known.exp > Date.now() / 1000) return known;
      this.seen.delete(token);
      return null;
    }
    const claims = verifyAccessToken(token, this.key, { issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
    if (claims && claims.nbf === undefined) {
      this.seen.set(token, claims);
      if (this.seen.size > VERIFIED_CAPACITY) this.seen.delete(this.seen.keys().next().value!);
    }
    return claims;
  }

  override authenticate(req: { headers: Record<string, string | string[] | undefined>; ip?: string }): void {
    const token = bearerToken(req.headers.authorization);
    const claims = token ? this.verified(token) : null;
    if (!claims) return this.fail(401);
    // The account's own allow-list rides in the token (changing it ends the account's sessions), and
    // so do the networks STAFF_IP_ALLOWLIST gives it (a changed list applies from the next refresh).
    const ip = req.ip ?? null;
    if (!accountIpAllowed(claims.ipn, ip) || !accountIpAllowed(claims.ipe, ip)) return this.error(new DomainError(403, 'ip_not_allowed'));
    this.verify(claims, (error, user) => (error ? this.error(error as Error) : user ? this.success(user) : this.fail(401)));
  }
}

/**
 * Verifies the Bearer access token: HS256 only (no `alg: none`, no key confusion), issuer,
 * audience, expiry — and that its session is still live, so ending a session (logout, «end
 * this session», password change, refresh-token reuse) cuts its access token off at once
 * (LiveSessions answers from memory and forgets a session at its revocation's commit).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(BearerAccessStrategy, 'jwt') {
  constructor(
    tokens: TokenService,
    private readonly sessions: LiveSessions,
  ) {
    super(createSecretKey(tokens.accessKey));
  }

  async validate(claims: AccessClaims): Promise<Principal | false> {
    if (!claims.sid) return false;
    if (!(await this.sessions.isLive(claims.sid, claims.sub))) return false;
    return {
      userId: claims.sub,
      role: claims.role as Role,
      name: claims.name,
      departmentId: claims.dep ?? null,
      sessionId: claims.sid,
      trustLevel: claims.tl as Principal['trustLevel'],
      ...(claims.ipn ? { networks: claims.ipn } : {}),
      ...(claims.scp === 'widget' ? { scope: 'widget' as const } : {}),
    };
  }
}
