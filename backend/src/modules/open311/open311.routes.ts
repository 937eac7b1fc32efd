import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from '../../common/problem/domain-error';
import { contentType, Open311Error, Open311Format, Open311List, Open311Object, render, renderError, splitFormat } from './open311-format';
import { Open311Params, Open311Requests } from './open311-requests.service';
import { Open311Services } from './open311-services';

export const OPEN311_MOUNT = '/open311/v2';
/** A filing is a few fields: far below the API's general body limit. */
const FORM_LIMIT = 64 * 1024;
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-12-06T00:00:00Z';

const logger = new Logger('Open311');

/**
 * application/x-www-form-urlencoded, as the spec posts it: repeated names become lists; a
 * percent-escape that is not UTF-8 is refused (400), never replaced.
 */
export function parseForm(text: string): Open311Params {
  const out: Record<string, string | string[]> = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    let name: string;
    let value: string;
    try {
      name = decode(eq < 0 ? part : part.slice(0, eq));
      value = eq < 0 ? '' : decode(part.slice(eq + 1));
    } catch {
      throw new Open311Error(400, 'The form body is not valid UTF-8 percent-encoding');
    }
    const previous = out[name];
    out[name] = previous === undefined ? value : [previous, value].flat();
  }
  return out;
}

/** A JSON body flattened to the form's shape (top-level strings and numbers, lists of them, `attribute` as `attribute[code]`). */
function fromJson(body: unknown): Open311Params {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, 'The body must be a form (or a JSON object)');
  const out: Record<string, string | string[]> = {};
  const scalar = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, v] of Object.entries(value as Record<string, unknown>)) {
        const s = Array.isArray(v) ? v.map(scalar).filter((x): x is string => x !== undefined) : scalar(v);
        if (s !== undefined) out[Array.isArray(s) ? `attribute[${code}][]` : `attribute[${code}]`] = s;
      }
      continue;
    }
    const s = Array.isArray(value) ? value.map(scalar).filter((x): x is string => x !== undefined) : scalar(value);
    if (s !== undefined) out[key] = s;
  }
  return out;
}

function formatOf(request: FastifyRequest): Open311Format {
  const file = (request.params as Record<string, string> | undefined)?.file ?? request.url.split('?')[0].split('/').pop() ?? '';
  return file.endsWith('.xml') ? 'xml' : 'json';
}

/** What any failure under /open311/v2 becomes: the spec's error list with the HTTP status; 5xx logged with an id. */
export function toOpen311Error(error: unknown): Open311Error {
  if (error instanceof Open311Error) return error;
  if (error instanceof ValidationFailedError) {
    // The input guard: NUL or ill-formed Unicode somewhere in the path, the query or the body.
    const fields = [...new Set(error.errors.map((e) => e.field.replace(/^(path|query|body)\./, '')))];
    return new Open311Error(400, `Invalid characters (NUL or broken Unicode) in ${fields.join(', ') || 'the request'}`);
  }
  if (error instanceof DomainError && error.status < 500) {
    return new Open311Error(error.status, STATUS_CODES[error.status] ?? 'Bad request', (error as { retryAfterSeconds?: number }).retryAfterSeconds);
  }
  const status = (error as { statusCode?: number }).statusCode;
  // Fastify's own refusals (malformed JSON, unsupported media type, body too large), without echoing the input.
  if (typeof status === 'number' && status >= 400 && status < 500) return new Open311Error(status, STATUS_CODES[status] ?? 'Bad request');
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, `Unhandled error ${errorId}`);
  return new Open311Error(500, `Internal error ${errorId}`);
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const failure = toOpen311Error(error);
  const format = formatOf(request);
  if (failure.retryAfterSeconds) reply.header('Retry-After', String(failure.retryAfterSeconds));
  return reply.status(failure.status).header('Cache-Control', 'no-store').type(contentType(format)).send(renderError(format, failure));
}

/**
 * GeoReport v2 at /open311/v2: raw Fastify routes, outside Nest's /api/v1 prefix, its guards and
 * its problem+json filter, because the spec fixes the paths (`services.json`), the form body and
 * its own error format. The handlers only parse and hand over to Open311Services / Open311Requests.
 */
export async function registerOpen311Routes(fastify: FastifyInstance, deps: { services: Open311Services; requests: Open311Requests; publicUrl: string }): Promise<void> {
  const { services, requests } = deps;
  const resource = (request: FastifyRequest) => {
    const parsed = splitFormat((request.params as { file: string }).file);
    if (!parsed) throw new Open311Error(404, 'Unknown resource: use a .json or .xml path');
    return parsed;
  };
  const send = (reply: FastifyReply, format: Open311Format, root: string, body: Open311List | Open311Object, status = 200) =>
    reply.status(status).header('Cache-Control', 'no-store').type(contentType(format)).send(render(format, root, body));
  const client = (request: FastifyRequest) => {
    const ua = request.headers['user-agent'];
    return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null, requestId: String(request.id) };
  };
  const query = (request: FastifyRequest) => (request.query ?? {}) as Open311Params;

  await fastify.register(
    async (scope) => {
      if (scope.hasContentTypeParser('application/x-www-form-urlencoded')) scope.removeContentTypeParser('application/x-www-form-urlencoded');
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
        try {
          done(null, parseForm(body as string));
        } catch (error) {
          done(error as Error, undefined);
        }
      });
      scope.setErrorHandler((error, request, reply) => sendError(request, reply, error));
      scope.setNotFoundHandler((request, reply) => sendError(request, reply, new Open311Error(404, 'Unknown resource')));
      // A route, not only the not-found handler: the console's client-side fallback (GET /*, index.html)
      // would otherwise answer any GET under /open311/v2 that no route here takes.
      scope.get('/*', (request, reply) => sendError(request, reply, new Open311Error(404, 'Unknown resource')));

      scope.get('/:file', async (request, reply) => {
        const { name, format } = resource(request);
        if (name === 'discovery') {
          const url = `${deps.publicUrl.replace(/\/$/, '')}${OPEN311_MOUNT}/`;
          return send(reply, format, 'discovery', {
            changeset: CHANGESET,
            contact: 'Платформа обратной связи Otklik',
            key_service: 'API keys are issued by the administrators of this installation',
            endpoints: new Open311List('endpoint', [{ specification: SPECIFICATION, url, changeset: CHANGESET, type: 'production', formats: new Open311List('format', ['text/xml', 'application/json']) }]),
          });
        }
        if (name === 'services') return send(reply, format, 'services', await services.list());
        if (name === 'requests') return send(reply, format, 'service_requests', await requests.find(query(request)));
        throw new Open311Error(404, 'Unknown resource');
      });

      scope.post('/:file', async (request, reply) => {
        const { name, format } = resource(request);
        if (name !== 'requests') throw new Open311Error(404, 'Unknown resource');
        const body = request.body === undefined || request.body === null ? {} : request.body;
        const params = typeof body === 'object' && !Array.isArray(body) && Object.values(body).every((v) => typeof v === 'string' || Array.isArray(v)) ? (body as Open311Params) : fromJson(body);
        // api_key may also come in the query string, as some clients send it.
        const withKey = params.api_key === undefined && query(request).api_key !== undefined ? { ...params, api_key: query(request).api_key } : params;
        return send(reply, format, 'service_requests', await requests.file(withKey, client(request)), 201);
      });

      scope.get('/services/:file', async (request, reply) => {
        const { name, format } = resource(request);
        return send(reply, format, 'service_definition', await services.definition(name));
      });

      scope.get('/requests/:file', async (request, reply) => {
        const { name, format } = resource(request);
        return send(reply, format, 'service_requests', await requests.one(name, query(request)));
      });

      scope.get('/tokens/:file', async (request, reply) => {
        const { name, format } = resource(request);
        return send(reply, format, 'service_requests', await requests.token(name));
      });
    },
    { prefix: OPEN311_MOUNT },
  );
}
