import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Role } from '@otklik/shared/domain';
import { Principal } from '../../common/http/actor';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, TokenService } from './token.service';
import { TransactionRunner } from '../../database/transaction-runner';

interface AccessClaims {
  sub: string;
  role: Role;
  name: string;
  dep: string | null;
  sid?: string;
  tl?: Principal['trustLevel'];
}

/**
 * Verifies the Bearer access token: HS256 only (no `alg: none`, no key confusion), issuer,
 * audience, expiry — and that its session is still live, so ending a session (logout, «end
 * this session», password change, refresh-token reuse) cuts its access token off at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    tokens: TokenService,
    private readonly tx: TransactionRunner,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not a Buffer: given raw bytes, jsonwebtoken first tries (and fails) to parse
      // them as a public key on every request — a quarter of the API's CPU on a simple read.
      // (passport-jwt's types predate KeyObject; jsonwebtoken accepts it.)
      secretOrKey: createSecretKey(tokens.accessKey) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<Principal | false> {
    if (!claims.sid) return false;
    const live = await this.tx.manager.query<unknown[]>(
      'SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL LIMIT 1',
      [claims.sid, claims.sub],
    );
    if (live.length === 0) return false;
    return { userId: claims.sub, role: claims.role, name: claims.name, departmentId: claims.dep ?? null, sessionId: claims.sid, trustLevel: claims.tl };
  }
}
