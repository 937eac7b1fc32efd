import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import { DomainError, ValidationFailedError } from '../problem/domain-error';
import { sendProblem } from '../problem/problem.filter';
import { toProblem } from '../problem/problem';
import { findIllFormedStrings, jsonNestingExceeds, MAX_BODY_VALUES, MAX_JSON_DEPTH, valueCountExceeds } from './input-guard';

const logger = new Logger('Input');

/**
 * The shared input hygiene of every route, Nest's and raw Fastify ones alike, before guards,
 * pipes and DTOs run: JSON bodies are refused (400 `json_too_deep`) when nested deeper than
 * MAX_JSON_DEPTH, before they are parsed; then every string of the path parameters, the query
 * and the body must be free of NUL and well-formed Unicode (422 `validation_failed` naming each
 * field). Size is bounded by the adapter's bodyLimit and by MAX_BODY_VALUES (413).
 */
export function registerInputGuards(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's own parser (with its prototype-poisoning protection), behind a depth check. Through
  // Nest's useBodyParser: Nest registers its default JSON parser at init unless one is given.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
      done(new DomainError(400, 'json_too_deep', { max: MAX_JSON_DEPTH }), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  // Callback hooks: an async one costs a promise and a microtask hop on every request.
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (valueCountExceeds(request.body, MAX_BODY_VALUES)) return done(new DomainError(413, 'payload_too_large'));
    const errors = [
      ...findIllFormedStrings(request.params, 'path'),
      ...findIllFormedStrings(request.query, 'query'),
      ...findIllFormedStrings(request.body, 'body'),
    ];
    done(errors.length > 0 ? new ValidationFailedError(errors) : undefined);
  });
  // Fastify refuses a body over the limit from its Content-Length, before reading it, and closes
  // the connection once the 413 is written. A client still sending its body then meets a reset,
  // and may lose the answer it was sent (undici: «fetch failed», write EPIPE). Up to DRAIN_FACTOR
  // times the limit the connection stays open instead: Node reads and drops the rest of the body
  // (as for any answered request), and the client reads its 413. A larger body is still cut off.
  const drainLimit = bodyLimit * DRAIN_FACTOR;
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode === 413 && !request.raw.complete && reply.getHeader('connection') === 'close') {
      const declared = Number(request.headers['content-length']);
      if (Number.isSafeInteger(declared) && declared <= drainLimit) reply.removeHeader('connection');
    }
    done(null, payload);
  });
}

/** How many times the body limit a refused body may be read and dropped, for the client to read its 413. */
const DRAIN_FACTOR = 8;

/**
 * Fastify answers a known path with an unsupported method like an unknown path (404); this makes
 * it a 405 with `Allow`, still shaped by the ProblemFilter. Wildcard routes (the console's
 * client-side routes) are left out: they would make every path "known".
 */
/** Fastify's maxParamLength (its default): a longer path segment is a 414. */
const MAX_PARAM_LENGTH = 100;

export function registerMethodNotAllowed(fastify: FastifyInstance): void {
  const routes: { pattern: RegExp; method: string }[] = [];
  fastify.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return;
    const source = route.url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    for (const method of [route.method].flat()) routes.push({ pattern: new RegExp(`^${source}/?$`), method });
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    // A known route (almost every request) passes at once, without a promise.
    if (!request.is404 && request.routeOptions.url !== '/*') return done();
    const path = request.url.split('?')[0];
    // The console's catch-all GET route (client-side routes) also meets unknown /api paths: those
    // are unknown routes like any other, and get the same 405 and 414 answers.
    const unknownApi = request.routeOptions.url === '/*' && (path === '/api' || path.startsWith('/api/'));
    if (!request.is404 && !unknownApi) return done();
    if (unknownApi && path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
      // The answer is sent here: the hook chain stops without calling done.
      sendProblem(new DomainError(414, 'uri_too_long'), request, reply, logger, { hideUrl: true });
      return;
    }
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length === 0 || allowed.includes(request.method)) return done();
    reply.header('Allow', allowed.join(', '));
    done(new DomainError(405, 'method_not_allowed'));
  });
}

const FRAMEWORK_ERRORS: Record<string, () => DomainError> = {
  FST_ERR_BAD_URL: () => new DomainError(400, 'malformed_url'),
  FST_ERR_MAX_PARAM_LENGTH: () => new DomainError(414, 'uri_too_long'),
};

/**
 * Fastify's router answers some requests before any route (or Nest) sees them: a URL that does
 * not decode, a path segment over maxParamLength. They go through the same problem shaping.
 */
export function frameworkErrors(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  sendProblem(known ? known() : new DomainError(400, 'bad_request'), request, reply, logger, { hideUrl: true });
}

/**
 * What Node's HTTP parser refuses before Fastify has a request (headers or request line over
 * the size limit, a malformed request line, a client too slow): a problem+json written to the
 * socket, in the default language (the headers could not be read), echoing nothing.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const failure =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new DomainError(431, 'headers_too_large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new DomainError(408, 'request_timeout')
        : new DomainError(400, 'bad_request');
  const { body, locale } = toProblem(failure, { url: '', id: randomUUID(), headers: {} });
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status] ?? 'Error'}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Language: ${locale}\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
