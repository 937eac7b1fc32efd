import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './support/server';

/** One API process for the whole e2e (or browser) run; its address reaches the tests via env. */
export default async function globalSetup(): Promise<void> {
  // Several projects (e2e, browser) share one server; a URL given from outside is used as is.
  if (process.env.OTKLIK_BASE_URL) return;
  const server = await startServer();
  process.env.OTKLIK_BASE_URL = server.baseUrl;
  process.env.OTKLIK_DATABASE_URL = server.databaseUrl ?? '';
  process.env.OTKLIK_DATA_DIR = server.dataDir;
  const state = { pid: server.process.pid, dataDir: server.dataDir, databaseName: server.databaseName, baseUrl: server.baseUrl, queuePrefix: server.queuePrefix };
  const file = join(tmpdir(), `otklik-jest-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(state));
  process.env.OTKLIK_SERVER_STATE = file;
  server.process.unref();
  (server.process.stdout as unknown as { unref?: () => void })?.unref?.();
  (server.process.stderr as unknown as { unref?: () => void })?.unref?.();
}
