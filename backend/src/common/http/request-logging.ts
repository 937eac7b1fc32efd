import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';

/**
 * The request's logging context and its access line, as two Fastify hooks. Every log made while
 * serving a request (services log through nestjs-pino's Logger) carries its `reqId`; after the
 * answer, one line «request completed» at info with the method, URL, client address, user agent,
 * status and time — never headers, so no token or cookie reaches a log. Unhandled errors are
 * logged by the ProblemFilter with the same reqId.
 *
 * This replaces nestjs-pino's HTTP middleware (pino-http), which ran through Nest's middleware
 * layer and built two child loggers with the whole serialized request on every request, logged
 * or not: a tenth of a signed-in read's CPU.
 */
export function registerRequestLogging(fastify: FastifyInstance, logger: PinoLogger, quiet: (url: string) => boolean): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    logger.runInContext(done, { bindings: { reqId: request.id } });
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const root = PinoLogger.root;
    if (root.isLevelEnabled('info') && !quiet(request.url)) {
      root.info(
        // Flat fields: the root logger's req/res serializers expect Node's own objects.
        {
          reqId: request.id,
          method: request.method,
          url: request.url,
          remoteAddress: request.ip,
          userAgent: request.headers['user-agent'],
          statusCode: reply.statusCode,
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}
