import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Role } from '@otklik/shared/domain';

/** The signed-in principal, as the access token states it. */
export interface Principal {
  userId: string;
  role: Role;
  name: string;
  departmentId: string | null;
  /** The session (refresh-token family) the access token belongs to. */
  sessionId?: string;
  /**
   * ESIA trust level of an account that came from ESIA; null for a local account; undefined when
   * the token does not say (then whoever needs it reads the account).
   */
  trustLevel?: 'confirmed' | 'standard' | 'simplified' | null;
  /**
   * `widget`: the token the citizen widget's sign-in hands to the host page (another site can read
   * it): only the routes marked @WidgetScoped() (the profile, filing, uploads) accept it.
   */
  scope?: 'widget';
  /** The account's own IP allow-list, when it has one (the access token carries it; checked on every request). */
  networks?: string[];
  /** The networks STAFF_IP_ALLOWLIST gives this staff account, when an entry names it (checked like `networks`). */
  listedNetworks?: string[];
}

/** Who acts and from where: what every audit row records. */
export interface Actor extends Principal {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** The system itself (jobs, CLI) acting without a user. */
export interface SystemActor {
  userId: null;
  role: 'system';
  name: string;
  departmentId: null;
  ip: null;
  userAgent: null;
  requestId: string | null;
}

/** Somebody without an account (unidentified feedback), known only by the request. */
export interface AnonymousActor {
  userId: null;
  role: 'anonymous';
  name: string;
  departmentId: null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export type AnyActor = Actor | SystemActor | AnonymousActor;

export function systemActor(name = 'Система'): SystemActor {
  return { userId: null, role: 'system', name, departmentId: null, ip: null, userAgent: null, requestId: null };
}

/** Somebody not (yet) signed in, known by the request: sign-in steps before an account is established. */
export function anonymousActor(client: { ip: string | null; userAgent: string | null; requestId: string | null }): AnonymousActor {
  return { userId: null, role: 'anonymous', name: '', departmentId: null, ip: client.ip, userAgent: client.userAgent, requestId: client.requestId };
}

export function actorFromRequest(request: FastifyRequest & { user?: Principal }): Actor {
  const principal = request.user!;
  const ua = request.headers['user-agent'];
  return {
    ...principal,
    ip: request.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null,
    requestId: String(request.id),
  };
}

/** Injects the current Actor (the guard has already authenticated the request). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor =>
  actorFromRequest(ctx.switchToHttp().getRequest()),
);
