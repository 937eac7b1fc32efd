import { AppConfig } from '../config/app-config';
import { migrate } from './data-source';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** How it was reached, for the start-up log. */
  how: 'postgres' | 'embedded' | 'embedded-socket';
  close(): Promise<void>;
}

/**
 * DATABASE_URL → PostgreSQL. Otherwise PGlite in DATA_DIR: started here, or — for the CLI
 * while a server holds the data — reached through that server's socket (PGlite admits one
 * process). Migrations run before anything else touches the schema.
 */
export async function openDatabase(config: AppConfig, options: { shareRunning: boolean; migrate: boolean }): Promise<OpenDatabase> {
  let db: OpenDatabase;
  if (config.databaseUrl) {
    db = { url: config.databaseUrl, embedded: false, how: 'postgres', close: async () => undefined };
  } else {
    const running = options.shareRunning ? runningEmbeddedUrl(config.dataDir) : undefined;
    if (running) {
      db = { url: running, embedded: true, how: 'embedded-socket', close: async () => undefined };
    } else {
      const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedMaxConnections);
      db = { url: embedded.url, embedded: true, how: 'embedded', close: () => embedded.stop() };
    }
  }
  // A running server migrated its database at boot; the CLI sharing its socket need not.
  if (options.migrate && db.how !== 'embedded-socket') {
    try {
      await migrate(db.url, db.embedded);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
