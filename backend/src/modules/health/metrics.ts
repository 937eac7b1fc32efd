import { createServer, type Server } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';
import { DomainError } from '../../common/problem/domain-error';
import { AppConfig, MetricsConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Public } from '../auth/auth.decorators';

collectDefaultMetrics({ prefix: 'otklik_' });

const httpDuration = new Histogram({
  name: 'otklik_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** Times every request by its route pattern (not the raw URL, which would explode the label set). */
export function instrumentHttp(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}

/** Whether an Authorization header carries the metrics token (compared in constant time). */
export function metricsAuthorized(config: MetricsConfig, authorization: string | undefined): boolean {
  if (!config.token) return true;
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(config.token));
}

/**
 * `/api/metrics` on the main port: behind METRICS_TOKEN when set, open in demo mode without one,
 * and absent (404, like any unknown route) in production without one or when METRICS_PORT is set.
 */
@ApiExcludeController()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  @Header('Content-Type', register.contentType)
  metrics(@Headers('authorization') authorization?: string): Promise<string> {
    if (!this.config.metrics.onMainPort) throw new DomainError(404, 'route_not_found');
    if (!metricsAuthorized(this.config.metrics, authorization)) throw new DomainError(401, 'unauthorized');
    return register.metrics();
  }
}

/** METRICS_PORT: an internal listener serving only `GET /metrics` (still behind METRICS_TOKEN when set). */
export async function startMetricsListener(config: MetricsConfig): Promise<Server | null> {
  if (config.port === undefined) return null;
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    if (!metricsAuthorized(config, req.headers.authorization)) {
      return void res.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer' }).end('unauthorized\n');
    }
    register.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': register.contentType, 'Cache-Control': 'no-store' }).end(text),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  return server;
}
