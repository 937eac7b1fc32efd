import 'reflect-metadata';
import { createServer, Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Logger as PinoLogger } from 'nestjs-pino';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { exitOnSignal } from './common/lifecycle/shutdown';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './database/open-database';
import { DOMAIN_EVENTS_QUEUE } from './modules/outbox/domain-event';

/** A bounded check: a hung connection reports down instead of hanging the probe. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);
}

/**
 * Queue worker for scale-out: the same modules without HTTP, consuming BullMQ. Run any number
 * beside the API processes (start those with RUN_WORKER=false to keep them HTTP-only). Its own
 * small HTTP port (WORKER_HEALTH_PORT) answers /health/live, /health/ready (database and Redis)
 * and /metrics for the orchestrator and Prometheus.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (!config.redisUrl) throw new ConfigError('REDIS_URL', 'is required for a worker process (without it, jobs run inside the API)');
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'is required for a worker process (the embedded database belongs to the API)');
  const logger = new Logger('Worker');
  let health: Server | undefined;
  let closing = false;
  /** What /health/ready checks, set once the application is built: until then it answers 503 «starting». */
  const probes: { ready?: { dataSource: DataSource; queue: Queue } } = {};
  // The port listens before the application starts its schedulers and consumers: an orchestrator
  // (and a test waiting for the worker's first tick) finds it live as soon as the worker does anything.
  if (config.workerHealthPort) {
    health = createServer((req, res) => {
      const send = (status: number, body: unknown, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET') return send(405, { status: 405, title: 'Method Not Allowed' });
      if (path === '/health/live') return send(200, { status: 'ok' });
      if (path === '/health/ready') {
        if (closing) return send(503, { status: 'closing' });
        if (!probes.ready) return send(503, { status: 'starting' });
        const { dataSource, queue } = probes.ready;
        void Promise.allSettled([within(3000, dataSource.query('SELECT 1')), within(2000, queue.getJobCounts('waiting', 'active', 'delayed'))]).then(([database, redis]) => {
          const details = {
            database: database.status === 'fulfilled' ? { status: 'up' } : { status: 'down', message: String((database.reason as Error)?.message) },
            queue: redis.status === 'fulfilled' ? { status: 'up', ...redis.value } : { status: 'down', message: String((redis.reason as Error)?.message) },
          };
          send(database.status === 'fulfilled' && redis.status === 'fulfilled' ? 200 : 503, { status: 'ok', details });
        });
        return;
      }
      if (path === '/metrics') {
        void register.metrics().then((text) => send(200, text, register.contentType), (error: Error) => send(500, { status: 500, title: error.message }));
        return;
      }
      send(404, { status: 404, title: 'Not Found' });
    });
    await new Promise<void>((resolve, reject) => {
      health!.once('error', reject);
      health!.listen(config.workerHealthPort, config.host, () => resolve());
    });
  }
  const db = await openDatabase(config, { shareRunning: false, migrate: true });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl: db.url, embedded: false, process: 'worker' }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  exitOnSignal((m) => logger.log(m), [
    async () => {
      closing = true;
      await new Promise((r) => (health ? health.close(r) : r(undefined)));
    },
    () => app.close(),
    () => db.close(),
  ]);
  probes.ready = { dataSource: app.get(DataSource), queue: app.get<Queue>(getQueueToken(DOMAIN_EVENTS_QUEUE)) };
  if (config.workerHealthPort) logger.log(`health and metrics on port ${config.workerHealthPort} (/health/live, /health/ready, /metrics)`);
  logger.log('worker started: running deliveries of domain events from BullMQ');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `worker failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
