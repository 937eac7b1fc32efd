// First: V8's heap policy for this process, before the app's modules allocate (see heap-growth.ts).
import './common/lifecycle/heap-growth';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exitOnSignal } from './common/lifecycle/shutdown';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { EmbeddedPostgresError } from './database/embedded-postgres';
import { OpenDatabase, openDatabase } from './database/open-database';
import type * as Http from './http';
import type * as Metrics from './modules/health/metrics';
import type * as Seed from './modules/seed/seed.service';
import type * as DemoData from './modules/seed/demo-data';

/**
 * The app's modules (Nest, TypeORM, every feature: about 1.5 s of a start on this machine's cores),
 * required while the database opens: the embedded server's initdb and start run in child
 * processes, so on a first start they take nothing from the load beside them (phase f's cold start).
 */
function loadApp() {
  return {
    http: require('./http') as typeof Http,
    metrics: require('./modules/health/metrics') as typeof Metrics,
    seed: require('./modules/seed/seed.service') as typeof Seed,
    demo: require('./modules/seed/demo-data') as typeof DemoData,
  };
}

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Bootstrap');
  const opening = openDatabase(config, { shareRunning: false, migrate: true });
  // Its failure is thrown where it is awaited, not as an unhandled rejection meanwhile.
  let failed = false;
  opening.catch(() => (failed = true));
  // Let the opening reach its first child process (initdb, or the server) before the load blocks the
  // loop; what stops a start at once (DATA_DIR unreachable, an old PGlite folder) is said at once.
  await new Promise((resolve) => setImmediate(resolve));
  if (failed) await opening;
  let loaded: ReturnType<typeof loadApp>;
  try {
    loaded = loadApp();
  } catch (error) {
    await opening.then((db: OpenDatabase) => db.close()).catch(() => undefined);
    throw error;
  }
  const { createHttpApp } = loaded.http;
  const { startMetricsListener } = loaded.metrics;
  const { SeedService } = loaded.seed;
  const { DEMO_USERS } = loaded.demo;
  const db = await opening;
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
