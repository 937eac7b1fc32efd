import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Role } from '@otklik/shared/domain';
import { DomainError } from '../../common/problem/domain-error';
import { Principal } from '../../common/http/actor';
import { PUBLIC_KEY, ROLES_KEY, WIDGET_SCOPED_KEY } from './auth.decorators';

/**
 * Deny by default: a route is reachable only if it is marked @Public() or declares the roles
 * that may use it with @Authenticated(...). A route with neither is refused, so a forgotten
 * decorator fails closed.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) throw new DomainError(403, 'forbidden');
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: Principal }>().user;
    if (roles.length > 0 && !roles.includes(user.role)) throw new DomainError(403, 'forbidden');
    if (user.scope === 'widget' && !this.reflector.getAllAndOverride<boolean>(WIDGET_SCOPED_KEY, targets)) throw new DomainError(403, 'token_scope');
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof DomainError) throw error;
    if (error || !user) throw new DomainError(401, 'unauthorized');
    return user;
  }
}
