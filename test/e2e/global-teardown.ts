import { existsSync, readFileSync, rmSync } from 'node:fs';
import { stopServer } from './support/server';

export default async function globalTeardown(): Promise<void> {
  const file = process.env.OTKLIK_SERVER_STATE;
  if (!file || !existsSync(file)) return;
  const state = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; dataDir: string; databaseName?: string; queuePrefix?: string };
  await stopServer(state);
  rmSync(file, { force: true });
}
