import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../../backend/src/database/data-source';
import { startEmbeddedPostgres } from '../../../backend/src/database/embedded-postgres';
import { createScratchDatabase, dropScratchDatabase } from '../../e2e/support/server';

export interface TestDatabase {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The service tier's database: a scratch database on DATABASE_URL's server, or an embedded
 * PostgreSQL of its own — real PostgreSQL either way, migrated once for the file.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-service-'));
  let url: string;
  let close: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'otklik_service');
    url = scratch.url;
    close = () => dropScratchDatabase(process.env.DATABASE_URL!, scratch.name);
  } else {
    const embedded = await startEmbeddedPostgres(dataDir);
    url = embedded.url;
    close = () => embedded.stop();
  }
  await migrate(url);
  return {
    url,
    dataDir,
    async close() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
