import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { WidgetOriginsService } from './widget-origins.service';

/**
 * On the filing routes the widget calls: a filing from another site must come from an origin the
 * admin allowed for the body the appeal's category routes to (403 widget_origin_not_allowed).
 * CORS keeps a browser from reading an answer, but not from sending a request: this refuses it.
 */
@Injectable()
export class WidgetFilingGuard implements CanActivate {
  constructor(private readonly origins: WidgetOriginsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const body = (request.body ?? {}) as { categoryId?: unknown; subcategoryId?: unknown };
    // A browser names the origin on a same-origin POST too (the console served by this API).
    const origin = request.headers.origin;
    if (origin && origin === `${request.protocol}://${request.headers.host ?? ''}`) return true;
    await this.origins.assertFilingAllowed(origin, body.categoryId, body.subcategoryId);
    return true;
  }
}
