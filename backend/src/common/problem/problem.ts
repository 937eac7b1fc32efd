import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import { DomainError, FieldError } from './domain-error';
import { fieldMessage, Locale, pickLocale, problemTitle } from '../i18n/messages';

/** RFC 9457 problem details, with `code` (stable) and field-level `errors`. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldError[];
  errorId?: string;
  /** Extension members of some problems (e.g. the current status and the allowed actions of a 409). */
  [extension: string]: unknown;
}

export interface ProblemRequest {
  url: string;
  id?: string;
  headers: Record<string, string | string[] | undefined>;
}

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'route_not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  431: 'headers_too_large',
  503: 'service_unavailable',
};

/** Fastify's own errors (body parsing, limits) carry a statusCode and an FST_ code. */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
}

function classify(error: unknown): { status: number; code: string; params: Record<string, string | number>; errors: FieldError[] } {
  if (error instanceof DomainError) {
    return { status: error.status, code: error.code, params: error.params, errors: error.errors };
  }
  // Nest wraps Fastify's own 4xx errors (body parsing, limits) in an HttpException.
  if (error instanceof HttpException && typeof (error.cause as FastifyLikeError | undefined)?.code === 'string') {
    return classify(error.cause);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const explicit = typeof response === 'object' && response && 'code' in response ? String((response).code) : undefined;
    return { status, code: explicit ?? HTTP_CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request'), params: {}, errors: [] };
  }
  const f = error as FastifyLikeError;
  if (f && typeof f.statusCode === 'number' && f.statusCode >= 400 && f.statusCode < 500) {
    if (f.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || f.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      return { status: 400, code: 'malformed_json', params: {}, errors: [] };
    }
    return { status: f.statusCode, code: HTTP_CODES[f.statusCode] ?? 'bad_request', params: {}, errors: [] };
  }
  return { status: 500, code: 'internal', params: {}, errors: [] };
}

/** A body can carry thousands of mistakes; the answer names the first ones (enough to fix a form). */
const MAX_FIELD_ERRORS = 100;

const SAFE_PATH = /^\/[A-Za-z0-9/._~-]{0,255}$/;

/**
 * RFC 9457 `instance`: the request path when it is short and plain, else the request id. The
 * query string (search text, access codes) and anything odd in the path are never echoed back.
 */
function instanceOf(request: ProblemRequest): string {
  const path = request.url.split('?')[0];
  if (SAFE_PATH.test(path)) return path;
  return request.id ? `urn:otklik:request:${request.id}` : 'urn:otklik:request';
}

/**
 * Turns any thrown value into a problem body, localized for the request. Unknown errors
 * become a 500 with an `errorId` that the caller logs; the body never carries a stack.
 */
export function toProblem(error: unknown, request: ProblemRequest): { body: ProblemBody; locale: Locale; unexpected: boolean } {
  const locale = pickLocale(request.headers['accept-language'] as string | undefined);
  const { status, code, params, errors } = classify(error);
  const title = problemTitle(code, locale, params);
  const body: ProblemBody = {
    type: `urn:otklik:problem:${code}`,
    title,
    status,
    detail: errors.length > 0 ? errors.slice(0, MAX_FIELD_ERRORS).map((e) => `${e.field}: ${fieldMessage(e.code, locale, locale === 'en' ? e.message || undefined : undefined)}`).join('; ') : title,
    instance: instanceOf(request),
    code,
  };
  if (error instanceof DomainError && error.extensions) Object.assign(body, error.extensions);
  if (errors.length > 0) {
    body.errors = errors.slice(0, MAX_FIELD_ERRORS).map((e) => ({
      field: e.field,
      code: e.code,
      message: fieldMessage(e.code, locale, locale === 'en' ? e.message || undefined : undefined),
    }));
  }
  const unexpected = status >= 500;
  if (unexpected) body.errorId = randomUUID();
  return { body, locale, unexpected };
}
