import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { runningEmbeddedUrl } from '../../../backend/src/database/embedded-postgres';
import { freePort } from '../../../backend/src/common/net/free-port';

export { freePort };

/** SMTP_URL of each running test server, by base URL (registerCitizen reads the e-mail code there). */
const smtpUrls = new Map<string, string>();

export function smtpUrlOf(baseUrl: string): string | undefined {
  return smtpUrls.get(baseUrl);
}

export const ROOT = resolve(__dirname, '..', '..', '..');

export interface RunningServer {
  baseUrl: string;
  queuePrefix: string;
  dataDir: string;
  databaseUrl?: string;
  databaseName?: string;
  process: ChildProcess;
  output: () => string;
}


/** A fresh database on the server DATABASE_URL points at, so every run starts from migrations. */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<{ url: string; name: string }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

export async function dropScratchDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function waitReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts the built API as a separate process, exactly as production runs it: on PostgreSQL
 * (a scratch database) when DATABASE_URL is set, else on the embedded PostgreSQL in a temp DATA_DIR;
 * BullMQ when REDIS_URL is set.
 */
export async function startServer(env: Record<string, string | undefined> = {}): Promise<RunningServer> {
  const main = join(ROOT, 'dist', 'backend', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build:backend" first (npm test does)`);
  // A restart of an earlier server passes its DATA_DIR (and DATABASE_URL) to run on the same data.
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'otklik-test-'));
  let databaseUrl: string | undefined = env.DATABASE_URL;
  let databaseName: string | undefined;
  if (process.env.DATABASE_URL && !env.DATABASE_URL) {
    ({ url: databaseUrl, name: databaseName } = await createScratchDatabase(process.env.DATABASE_URL, 'otklik_test'));
  }
  // A caller that must know the address before boot (PUBLIC_URL) picks the port itself.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const queuePrefix = `otklik-test-${process.pid}-${port}`;
  let log = '';
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      APP_MODE: 'demo',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      // Runs share the machine's Redis: each gets its own queues (removed again by stopServer).
      QUEUE_PREFIX: queuePrefix,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20000)));
  child.stderr.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(baseUrl, child, () => log);
  // The embedded PostgreSQL is a real server: tests read and check rows beside the API in both modes.
  databaseUrl ??= runningEmbeddedUrl(dataDir);
  if (env.SMTP_URL) smtpUrls.set(baseUrl, env.SMTP_URL);
  return { baseUrl, queuePrefix, dataDir, databaseUrl, databaseName, process: child, output: () => log };
}

/** Removes the queues a test server left in the shared Redis. */
export async function dropQueues(prefix: string): Promise<void> {
  if (!process.env.REDIS_URL) return;
  const { Redis } = await import('ioredis');
  const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function stopServer(server: { pid?: number; dataDir: string; databaseName?: string; queuePrefix?: string }): Promise<void> {
  if (server.pid) {
    try {
      process.kill(server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      try {
        process.kill(server.pid, 0);
        await new Promise((r) => setTimeout(r, 100));
      } catch {
        break;
      }
    }
  }
  if (server.databaseName && process.env.DATABASE_URL) await dropScratchDatabase(process.env.DATABASE_URL, server.databaseName);
  if (server.queuePrefix) await dropQueues(server.queuePrefix);
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** Stops a server started with startServer: the process, its scratch database, its queues, its data. */
export function stopRunning(server: RunningServer): Promise<void> {
  return stopServer({ pid: server.process.pid, dataDir: server.dataDir, databaseName: server.databaseName, queuePrefix: server.queuePrefix });
}
