import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type * as DataSourceModule from './data-source';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** How it was reached, for the start-up log. */
  how: 'postgres' | 'embedded' | 'embedded (served by another process)';
  close(): Promise<void>;
}

/**
 * DATABASE_URL → that PostgreSQL. Otherwise the embedded PostgreSQL in DATA_DIR/pg: started
 * here, or — for the CLI while a server runs it — reached as any client would. Migrations run
 * before anything else touches the schema (under an advisory lock, so concurrent starts are safe).
 */
export async function openDatabase(config: AppConfig, options: { shareRunning: boolean; migrate: boolean }): Promise<OpenDatabase> {
  let db: OpenDatabase;
  if (config.databaseUrl) {
    db = { url: config.databaseUrl, embedded: false, how: 'postgres', close: async () => undefined };
  } else {
    const running = options.shareRunning ? runningEmbeddedUrl(config.dataDir) : undefined;
    if (running) {
      db = { url: running, embedded: true, how: 'embedded (served by another process)', close: async () => undefined };
    } else {
      const logger = new Logger('EmbeddedPostgres');
      const embedded = await startEmbeddedPostgres(config.dataDir, (message) => logger.log(message));
      db = { url: embedded.url, embedded: true, how: 'embedded', close: () => embedded.stop() };
    }
  }
  if (options.migrate) {
    try {
      // Loaded here, not at the top: TypeORM and the migrations are part of the module load that
      // main.ts overlaps with the embedded server's initdb and start.
      const { migrate } = require('./data-source') as typeof DataSourceModule;
      await migrate(db.url);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
