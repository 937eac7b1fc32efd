import type { FastifyInstance, FastifyReply } from 'fastify';

/** What an allowed origin gets: how long a browser may cache its preflight (none: not cached). */
export interface CorsGrant {
  maxAgeSeconds?: number;
}

/** Which origins may call which URLs: a grant, or null for none. Async when it asks the database. */
export type CorsPolicy = (origin: string, url: string) => CorsGrant | null | Promise<CorsGrant | null>;

/** The methods a preflight may ask for (as `@fastify/cors`'s default: the API's cross-origin callers read and file). */
const ALLOWED_METHODS = 'GET,HEAD,POST';

declare module 'fastify' {
  interface FastifyRequest {
    corsPreflightEnabled: boolean;
  }
}

function addVary(reply: FastifyReply, name: string): void {
  const current = reply.getHeader('vary');
  if (current === undefined) return void reply.header('Vary', name);
  const list = String(current);
  if (list === '*' || list.split(',').some((v) => v.trim().toLowerCase() === name.toLowerCase())) return;
  reply.header('Vary', `${list}, ${name}`);
}

/**
 * CORS for `policy`, with what `@fastify/cors` sent for the same rules (the headers, the strict
 * preflight's 400, a denied preflight's 404, 204 with Content-Length 0 for an allowed one) in one
 * request hook. The plugin's options delegate copied and normalised its options on every request,
 * cross-origin or not, then copied the headers again onto the raw response: about 5 % of the
 * API's CPU on a request with no Origin at all. Here a request without Origin costs a Vary header.
 *
 * Registered before Nest's middleware would matter: the app has none (requests reach routes
 * through Fastify's hooks only).
 */
export function registerCors(fastify: FastifyInstance, policy: CorsPolicy, options: { exposedHeaders: readonly string[] }): void {
  const exposed = options.exposedHeaders.join(', ');
  fastify.decorateRequest('corsPreflightEnabled', false);
  fastify.addHook('onRequest', (request, reply, done) => {
    // The answer depends on Origin: caches must not give one origin's answer to another.
    addVary(reply, 'Origin');
    const origin = request.headers.origin;
    if (!origin) return done();
    const apply = (grant: CorsGrant | null): void => {
      if (!grant) return done();
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Access-Control-Expose-Headers', exposed);
      if (request.method !== 'OPTIONS') return done();
      if (!request.headers['access-control-request-method']) {
        void reply.status(400).type('text/plain').send('Invalid Preflight Request');
        return;
      }
      request.corsPreflightEnabled = true;
      reply.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
      addVary(reply, 'Access-Control-Request-Headers');
      const asked = request.headers['access-control-request-headers'];
      if (asked !== undefined) reply.header('Access-Control-Allow-Headers', asked);
      if (grant.maxAgeSeconds !== undefined) reply.header('Access-Control-Max-Age', String(grant.maxAgeSeconds));
      // Safari waits for a body on a 204 without Content-Length 0.
      void reply.code(204).header('Content-Length', '0').send();
    };
    const decided = policy(origin, request.url);
    if (decided instanceof Promise) decided.then(apply, (error: Error) => done(error));
    else apply(decided);
  });
  // A preflight of an origin that was not granted finds no route: the 404 of any unknown route.
  fastify.options('*', { schema: { hide: true } as never }, (request, reply) => {
    if (!request.corsPreflightEnabled) return reply.callNotFound();
    return reply.send();
  });
}
