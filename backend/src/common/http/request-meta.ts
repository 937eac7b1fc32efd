import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { checkIdempotencyKey } from '../idempotency/idempotency.service';
import { Locale, pickLocale } from '../i18n/messages';

/** The response language chosen from Accept-Language (ru by default). */
export const RequestLocale = createParamDecorator((_: unknown, ctx: ExecutionContext): Locale =>
  pickLocale(ctx.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);

/** The validated Idempotency-Key of a creating POST with the route it was sent to, if any. */
export const Idempotency = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const raw = request.headers['idempotency-key'];
  const key = checkIdempotencyKey(Array.isArray(raw) ? raw[0] : raw);
  return key ? { key, method: request.method, path: request.url.split('?')[0] } : undefined;
});

export type IdempotencyHeader = { key: string; method: string; path: string } | undefined;
