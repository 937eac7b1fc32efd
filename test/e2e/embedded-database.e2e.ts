import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from './support/server';

/**
 * The embedded PostgreSQL's refusals, as a new user meets them: each stops the start with one
 * line saying what to do (and exit 1), instead of a stack trace or a hang. Runs the built API
 * with no DATABASE_URL, whichever mode the rest of the suite uses.
 */
/** The built API with no DATABASE_URL (nor REDIS_URL) on `dataDir`, its output collected. */
async function spawnApi(dataDir: string) {
  const port = String(await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, APP_MODE: 'demo', DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'backend', 'src', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { child, port, exited, output: () => output };
}

/** Starts the API on `dataDir` expecting it to stop by itself (a refusal): its exit code and output. */
async function start(dataDir: string): Promise<{ code: number | null; output: string }> {
  const api = await spawnApi(dataDir);
  const timer = setTimeout(() => api.child.kill('SIGKILL'), 60_000);
  const code = await api.exited;
  clearTimeout(timer);
  return { code, output: api.output() };
}

/** Starts the API on `dataDir`, waits for ready, stops it with SIGTERM: whether it served, its exit code. */
async function serve(dataDir: string): Promise<{ up: boolean; code: number | null; output: string }> {
  const api = await spawnApi(dataDir);
  const deadline = Date.now() + 60_000;
  let up = false;
  while (!up && Date.now() < deadline && api.child.exitCode === null) {
    up = await fetch(`http://127.0.0.1:${api.port}/api/health/ready`).then((r) => r.ok, () => false);
    if (!up) await new Promise((r) => setTimeout(r, 200));
  }
  api.child.kill('SIGTERM');
  return { up, code: await api.exited, output: api.output() };
}

describe('embedded PostgreSQL: what stops a start, and how it is said', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-embedded-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('a DATA_DIR of the earlier PGlite-based version: one line, what to do, exit 1', async () => {
    const dataDir = scratch();
    mkdirSync(join(dataDir, 'pgdata'));
    const { code, output } = await start(dataDir);
    expect(code).toBe(1);
    expect(output).not.toMatch(/\n\s+at /); // one line, no stack trace
    expect(output).toContain(`DATA_DIR ${dataDir} holds a database of the earlier PGlite-based version`);
    expect(output).toContain('move that folder away (or use a new DATA_DIR)');
  });

  // As root (CI, containers) PostgreSQL runs as an unprivileged user, which cannot enter a
  // mode-700 directory of root's, such as a home directory holding the checkout or DATA_DIR.
  const asRoot = process.getuid?.() === 0;
  it(
    asRoot
      ? 'as root: a DATA_DIR under a directory the server user cannot enter is named, with what to do, exit 1'
      : 'not as root: PostgreSQL runs as this user, so a DATA_DIR under a mode-700 directory of its own works',
    async () => {
      const home = scratch();
      chmodSync(home, 0o700);
      const dataDir = join(home, 'data');
      if (asRoot) {
        const { code, output } = await start(dataDir);
        expect(code).toBe(1);
        expect(output).toContain(`which cannot reach ${home} (mode 700)`);
        expect(output).toContain('Set DATA_DIR to a directory outside it');
        expect(output).not.toMatch(/\n\s+at /); // no stack trace
      } else {
        const served = await serve(dataDir);
        expect({ up: served.up, code: served.code }).toEqual({ up: true, code: 0 });
      }
    },
    90_000,
  );

  it('as root, DATA_DIR itself may be mode 700 (mkdtemp): the server user is given the search bit on it alone', async () => {
    // The whole e2e suite runs this way in embedded mode (its DATA_DIRs come from mkdtemp); here
    // the start is checked to get as far as serving, and to stop cleanly.
    const dataDir = scratch();
    chmodSync(dataDir, 0o700);
    const served = await serve(dataDir);
    expect({ up: served.up, code: served.code, output: served.up ? '' : served.output }).toEqual({ up: true, code: 0, output: '' });
    // Nothing logged as an error on the way down: the SLA catch-up tick a start kicks off is often
    // still running at this SIGTERM, and used to end in «Connection terminated».
    expect(served.output.split('\n').filter((l) => l.includes('"level":50'))).toEqual([]);
  }, 90_000);
});
