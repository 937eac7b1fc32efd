import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written while a process serves the embedded database, so the CLI can use its socket. */
interface EmbeddedLock {
  pid: number;
  host: string;
  port: number;
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

function lockFile(dataDir: string): string {
  return join(dataDir, 'pglite.lock.json');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function urlFor(lock: Pick<EmbeddedLock, 'host' | 'port'>): string {
  return `postgresql://postgres:postgres@${lock.host}:${lock.port}/postgres?sslmode=disable`;
}

/** The socket of a live process that already serves the embedded database in `dataDir`, if any. */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return undefined;
  const lock = JSON.parse(readFileSync(file, 'utf8')) as EmbeddedLock;
  return alive(lock.pid) && lock.pid !== process.pid ? urlFor(lock) : undefined;
}

/**
 * Starts PGlite (Postgres compiled to WASM) on `DATA_DIR/pgdata` and exposes it over the
 * Postgres wire protocol on loopback, so TypeORM and pg use it exactly like a real server.
 * PGlite is one session: the app keeps a pool of one connection.
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
  const running = runningEmbeddedUrl(dataDir);
  if (running) {
    throw new Error(`DATA_DIR ${dataDir} is already served by another process (${running}); stop it or use another DATA_DIR`);
  }
  mkdirSync(dataDir, { recursive: true });
  // Both packages are ES modules; dynamic import keeps this CommonJS build loading them lazily.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(join(dataDir, 'pgdata'));
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  const lock: EmbeddedLock = { pid: process.pid, host, port: Number(port) };
  writeFileSync(lockFile(dataDir), JSON.stringify(lock));
  let stopped = false;
  return {
    url: urlFor(lock),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(lockFile(dataDir), { force: true });
    },
  };
}
