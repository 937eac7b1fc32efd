import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem';

/** The one exception filter: every error leaves as RFC 9457 problem+json (CONVENTIONS.md #6). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(error, request, reply, this.logger);
  }
}

/** `hideUrl`: the URL itself is what is wrong (it does not decode, it is too long): never name it as the instance. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger, options: { hideUrl?: boolean } = {}): void {
  const { body, locale } = toProblem(error, options.hideUrl ? { url: '', id: request.id, headers: request.headers } : request);
  if (body.errorId) {
    logger.error({ err: error, errorId: body.errorId, reqId: request.id }, `Unhandled error ${body.errorId}`);
  }
  const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
  if ((body.status === 429 || body.status === 423) && retryAfter) reply.header('Retry-After', String(retryAfter));
  reply
    .status(body.status)
    .header('Content-Type', 'application/problem+json; charset=utf-8')
    .header('Content-Language', locale)
    .send(body);
}
