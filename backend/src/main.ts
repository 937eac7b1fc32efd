// First: V8's heap policy for this process, before the app's modules allocate (see heap-growth.ts).
import './common/lifecycle/heap-growth';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exitOnSignal } from './common/lifecycle/shutdown';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { EmbeddedPostgresError } from './database/embedded-postgres';
import { openDatabase } from './database/open-database';
import { createHttpApp } from './http';
import { startMetricsListener } from './modules/health/metrics';
import { SeedService } from './modules/seed/seed.service';
import { DEMO_USERS } from './modules/seed/demo-data';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Bootstrap');
  const db = await openDatabase(config, { shareRunning: false, migrate: true });
  let app: NestFastifyApplication | undefined;
  let metricsListener: Awaited<ReturnType<typeof startMetricsListener>> = null;
  // The one shutdown path, installed before the app is built: a signal during start-up also stops
  // the embedded database. Order: the metrics port, the app (stop accepting, in-flight requests
  // and jobs, the relay, the pool), then the embedded PostgreSQL.
  exitOnSignal((m) => logger.log(m), [
    async () => new Promise((r) => (metricsListener ? metricsListener.close(r) : r(undefined))),
    async () => app?.close(),
    () => db.close(),
  ]);
  try {
    app = await createHttpApp({ config, databaseUrl: db.url, embedded: db.embedded, process: 'api' });
    if (config.mode === 'demo' && process.env.SEED_DEMO !== 'false') await app.get(SeedService).seedDemo();
    else await app.get(SeedService).seedCatalog();
  } catch (error) {
    await app?.close().catch(() => undefined);
    await db.close();
    throw error;
  }
  await app.listen({ port: config.port, host: config.host });
  metricsListener = await startMetricsListener(config.metrics);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;
  logger.log(`database: ${db.how}${db.embedded ? ` (${config.dataDir})` : ''}; jobs: ${config.redisUrl ? 'BullMQ' : 'in-process'}; mode: ${config.mode}`);
  const lines = [
    '',
    `  Otklik is up:  ${base}/`,
    `  API:           ${base}/api/v1   (OpenAPI ${base}/api/openapi.json, Swagger UI ${base}/api/docs)`,
    `  Health:        ${base}/api/health/ready`,
    `  Metrics:       ${metricsWhere(config, base)}`,
  ];
  if (config.mode === 'demo') {
    lines.push('  Demo sign-ins (demo mode only):');
    for (const u of DEMO_USERS) lines.push(`    ${u.role.padEnd(10)} ${u.email.padEnd(32)} ${u.password}`);
  }
  // Printed plainly (not as a log line) so a person starting the product sees it.
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** Where Prometheus finds the metrics, as configured (METRICS_TOKEN, METRICS_PORT). */
function metricsWhere(config: AppConfig, base: string): string {
  const { metrics } = config;
  if (metrics.port !== undefined) return `http://${metrics.host}:${metrics.port}/metrics (internal port${metrics.token ? ', METRICS_TOKEN' : ''})`;
  if (!metrics.onMainPort) return 'off (set METRICS_TOKEN or METRICS_PORT)';
  return `${base}/api/metrics${metrics.token ? ' (METRICS_TOKEN)' : ' (open: demo mode)'}`;
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Otklik failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
