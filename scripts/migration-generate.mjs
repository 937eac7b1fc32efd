// `npm run migration:generate -- Name`: diffs the entities against a scratch database migrated
// to the latest migration and writes backend/src/database/migrations/<timestamp>-Name.ts to review.
// `--check` (npm test runs it): fails when the entities and migrations drift.
// The scratch database lives on DATABASE_URL's server, or — without it — on an embedded
// PostgreSQL started for the occasion in a temporary DATA_DIR (the same server the app embeds).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const name = check ? 'DriftCheck' : process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: npm run migration:generate -- MigrationName');
  process.exit(2);
}
const run = (cmd, args, env = {}, options = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, ...options });
  if (r.status !== 0 && options.stdio === 'pipe') process.stderr.write(`${r.stdout}${r.stderr}`);
  return r.status ?? 1;
};
if (!check && run('npm', ['run', '--silent', 'build:backend']) !== 0) process.exit(1);
let admin = process.env.DATABASE_URL;
let embedded;
let embeddedDir;
if (!admin) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createRequire } = await import('node:module');
  const { startEmbeddedPostgres } = createRequire(import.meta.url)(join(root, 'dist', 'backend', 'src', 'database', 'embedded-postgres.js'));
  embeddedDir = mkdtempSync(join(tmpdir(), 'otklik-migration-'));
  embedded = await startEmbeddedPostgres(embeddedDir);
  admin = embedded.url;
}
const scratch = `otklik_migration_${Date.now()}`;
const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`CREATE DATABASE ${scratch}`);
const url = new URL(admin);
url.pathname = `/${scratch}`;
let status;
try {
  const typeorm = join(root, 'node_modules', 'typeorm', 'cli.js');
  const ds = join(root, 'dist', 'backend', 'src', 'database', 'cli-data-source.js');
  const quiet = { stdio: check ? 'pipe' : 'inherit' };
  status = run(process.execPath, [typeorm, 'migration:run', '-d', ds], { DATABASE_URL: url.toString() }, quiet);
  if (status === 0) {
    const target = join('backend', 'src', 'database', 'migrations', name);
    status = run(process.execPath, [typeorm, 'migration:generate', target, '-d', ds, '--pretty', ...(check ? ['--check'] : [])], {
      DATABASE_URL: url.toString(),
    });
  }
  if (check) console.log(status === 0 ? 'entities and migrations agree' : 'entities and migrations drift: run npm run migration:generate -- Name');
} finally {
  await client.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
  await client.end();
  if (embedded) {
    await embedded.stop();
    const { rmSync } = await import('node:fs');
    rmSync(embeddedDir, { recursive: true, force: true });
  }
}
process.exit(status);
