import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './database/open-database';

/**
 * Queue worker for scale-out: the same modules without HTTP, consuming BullMQ. Run any number
 * beside the API processes (start those with RUN_WORKER=false to keep them HTTP-only).
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (!config.redisUrl) throw new ConfigError('REDIS_URL', 'is required for a worker process (without it, jobs run inside the API)');
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'is required for a worker process (the embedded database belongs to the API)');
  const db = await openDatabase(config, { shareRunning: false, migrate: true });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl: db.url, embedded: false, process: 'worker' }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  new Logger('Worker').log('worker started: consuming domain events from BullMQ');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `worker failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
