import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Role } from '@otklik/shared/domain';
import { Principal } from '../../common/http/actor';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, TokenService } from './token.service';

interface AccessClaims {
  sub: string;
  role: Role;
  name: string;
  dep: string | null;
  sid?: string;
}

/** Verifies the Bearer access token: HS256 only (no `alg: none`, no key confusion), issuer, audience, expiry. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(tokens: TokenService) {
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

  validate(claims: AccessClaims): Principal {
    return { userId: claims.sub, role: claims.role, name: claims.name, departmentId: claims.dep ?? null, sessionId: claims.sid };
  }
}
