import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Logger, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Logger as PinoLogger, PinoLogger as NestPinoLogger } from 'nestjs-pino';
import { registerRequestLogging } from './common/http/request-logging';
import { AppModule, RuntimeOptions } from './app.module';
import { ProblemFilter, sendProblem } from './common/problem/problem.filter';
import { createValidationPipe } from './common/problem/validation';
import { DomainError } from './common/problem/domain-error';
import { registerSecurityHeaders } from './common/http/security-headers';
import { registerCors } from './common/http/cors';
import { clientErrorHandler, frameworkErrors, registerInputGuards, registerMethodNotAllowed } from './common/validation/input-hooks';
import { instrumentHttp } from './modules/health/metrics';
import { EsiaIdp } from './modules/esia-idp/esia-idp';
import { registerEsiaIdpRoutes } from './modules/esia-idp/esia-idp.routes';
import { registerOpen311Routes } from './modules/open311/open311.routes';
import { Open311Requests } from './modules/open311/open311-requests.service';
import { Open311Services } from './modules/open311/open311-services';
import { WidgetOriginsService } from './modules/widget/widget-origins.service';
import { isWidgetRoute, serveWidget } from './modules/widget/widget-assets';
import { redisConnection } from './modules/outbox/outbox.module';
import { LiveSessions } from './modules/auth/live-sessions.repository';
import { QueueBoardSessions, registerQueueBoard } from './modules/outbox/queue-board';

const REQUEST_ID = /^[\w.:-]{1,100}$/;
/** Largest JSON or form body (413 above it); files go through multipart with their own limits. */
const BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP application: the same wiring for the server, tests and the OpenAPI export. */
export async function createHttpApp(runtime: RuntimeOptions, options: { preview?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: BODY_LIMIT,
    // Answers of Fastify's router and of Node's HTTP parser are problem+json too (no echo of the URL).
    frameworkErrors,
    clientErrorHandler,
    // One request id for the log line, the problem body and the X-Request-Id header.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime), adapter, {
    bufferLogs: true,
    preview: options.preview,
    abortOnError: false,
  });
  if (!options.preview) app.useLogger(app.get(PinoLogger));
  registerRequestLogging(app.getHttpAdapter().getInstance(), await app.resolve(NestPinoLogger), (url) => url.startsWith('/api/health') || url.startsWith('/api/metrics'));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  const { config } = runtime;
  const exposedHeaders = ['X-Request-Id', 'Retry-After', 'Content-Disposition', 'X-Answer-Signature'];
  // CORS_ORIGINS may call every route; the sites an admin allowed to embed the widget (for some
  // body, or for every body) may call the widget's routes only. Any other origin gets no
  // Access-Control-Allow-Origin, and the browser keeps the answer from it. Which body a site may
  // embed the widget for is checked past CORS (the body route, the sign-in, WidgetFilingGuard).
  const widgetOrigins = options.preview ? null : app.get(WidgetOriginsService);
  registerCors(
    app.getHttpAdapter().getInstance(),
    (origin, url) => {
      if (config.corsOrigins.includes(origin)) return {};
      if (!widgetOrigins || !isWidgetRoute(url)) return null;
      return widgetOrigins.isAllowed(origin).then((allowed) => (allowed ? { maxAgeSeconds: 600 } : null));
    },
    { exposedHeaders },
  );

  const fastify = app.getHttpAdapter().getInstance();
  const securityHeaders = {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: for attachment thumbnails, which the console fetches with the bearer token.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The widget included: it lives in the host page's Shadow DOM, nothing of Otklik is framed.
        frameAncestors: ["'none'"],
        // TLS is usually terminated in front of the app; forcing https here would break a plain-HTTP LAN/demo install.
        upgradeInsecureRequests: null,
      },
    },
  };
  registerSecurityHeaders(
    fastify,
    securityHeaders,
    // The embedded IdP's pages open in the citizen widget's pop-up, which must keep its opener (the
    // body's site, another origin) to hand the token back: no opener-severing COOP there.
    { when: (url) => url.startsWith('/esia/'), headers: { 'Cross-Origin-Opener-Policy': 'unsafe-none' } },
  );
  // Multipart bodies are streamed by the routes that take files (attachments, answer
  // verification); each route sets its own size limits when it reads the parts.
  await fastify.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 2, fields: 10, parts: 12, fieldSize: 64 * 1024 } });
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    reply.header('X-Request-Id', String(request.id));
    // API answers carry tokens and personal data (cards, lists, exports, /me): no cache, shared or
    // private, may keep them unless a route opts in with its own Cache-Control (the public catalog).
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !reply.hasHeader('cache-control')) {
      reply.header('Cache-Control', 'no-store');
    }
    done();
  });
  instrumentHttp(fastify);
  registerInputGuards(app, BODY_LIMIT);
  registerMethodNotAllowed(fastify);
  // Fastify's own errors (body parsing, limits) reach the ProblemFilter through Nest's exception layer.
  const logger = new Logger('Http');
  // The embedded ESIA-like IdP at /esia: raw routes after helmet, so its pages get the same CSP.
  if (!options.preview && config.esia.idpEnabled && runtime.process === 'api') {
    await registerEsiaIdpRoutes(fastify, app.get(EsiaIdp));
    if (config.mode === 'production') logger.warn('ESIA_IDP_ENABLED: the demo ESIA IdP at /esia lets anyone sign in as its demo persons');
  }

  // Open311 GeoReport v2 at /open311/v2: raw routes with the spec's paths, form bodies and error format (not in the OpenAPI document).
  if (!options.preview && runtime.process === 'api') {
    await registerOpen311Routes(fastify, { services: app.get(Open311Services), requests: app.get(Open311Requests), publicUrl: config.publicUrl });
  }

  // Bull Board at /api/v1/admin/queue-board: with Redis only, behind the admin's session cookie.
  if (!options.preview && runtime.process === 'api' && config.redisUrl) {
    await registerQueueBoard(fastify, {
      sessions: app.get(QueueBoardSessions),
      liveness: app.get(LiveSessions),
      connection: redisConnection(config.redisUrl),
      prefix: config.queuePrefix,
    });
  }

  const document = buildOpenApi(app, config.publicUrl);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', useGlobalPrefix: false });

  serveWidget(fastify, config.widgetDir, logger);
  serveConsole(app, config.consoleDir, logger);
  return app;
}

export function buildOpenApi(app: NestFastifyApplication, publicUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Otklik API')
    .setDescription(
      'Платформа обратной связи (ПОС): обращения граждан, сроки, ответы. Errors are RFC 9457 problem+json; lists use keyset cursors.',
    )
    .setVersion('1')
    .addServer(publicUrl.startsWith('http://localhost') ? '/' : publicUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (_c, method) => method });
}

/** An Angular build's output name: `main-QPF5PYUV.js`, `chunk-BV3HK363.js`, `styles-WIKFAQZN.css`. */
const HASHED_FILE = /-[A-Z0-9]{8}\.(js|css)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The built console at `/`, with index.html for client-side routes; /api stays the API's. */
function serveConsole(app: NestFastifyApplication, dir: string, logger: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`console not built (${index} missing): serving the API only`);
    return;
  }
  // Read on each request (it is small): a rebuilt console is served without a restart.
  const html = () => readFileSync(index);
  // Files built with a content hash in their name never change: cached for a year, immutable.
  // Anything else (licences, a favicon) is revalidated. Each is sent as its prebuilt .br or .gz
  // (scripts/compress-console.mjs) when the browser accepts it, with Vary: Accept-Encoding.
  void fastify.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    decorateReply: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('Cache-Control', HASHED_FILE.test(basename(path).replace(/\.(br|gz)$/, '')) ? IMMUTABLE : 'no-cache');
    },
  });
  fastify.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html()));
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return sendProblem(new DomainError(404, 'route_not_found'), request, reply, logger);
    }
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html());
  });
}
