import { DataSource, DataSourceOptions } from 'typeorm';
import { join } from 'node:path';

/** TypeORM options shared by the app, the CLI and migration generation. Migrations only. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    // gen_random_uuid() is core since PostgreSQL 13: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    entities: [join(__dirname, '..', 'modules', '**', '*.entity.{js,ts}')],
    migrations: [join(__dirname, 'migrations', '*.{js,ts}')],
    migrationsTransactionMode: 'each',
    // The embedded server is a real PostgreSQL too: the same pool either way.
    extra: { max: 20 },
    logging: process.env.LOG_SQL === 'true' ? 'all' : ['error'],
  };
}

/** Runs pending migrations on a fresh connection; returns the names applied. */
export async function migrate(url: string): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url), extra: { max: 2 } });
  await ds.initialize();
  // Several API/worker processes may start at once: one migrates, the others wait and find nothing to do.
  const lock = ds.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(7212001)');
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(7212001)').catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}
