// `npm test`: builds what the tests run against, then every tier — unit, the console's component
// tests, API e2e over HTTP against a real database (DATABASE_URL, else the embedded PostgreSQL),
// multi-process fault tests, and browser tests of the console in Debian's Chromium. REDIS_URL,
// when set, puts jobs on BullMQ.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, extra = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extra } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
/** Runs a tier and returns its exit status instead of stopping: one tier's failure hides no other's. */
const tier = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

if (!existsSync(join(root, 'node_modules', '.bin', 'jest'))) run('npm', ['ci', '--no-audit', '--no-fund']);
// Said first, so a log shows which mode the run tested (CI checks this line for each of its runs).
console.log(
  `npm test mode: database ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}, jobs ${process.env.REDIS_URL ? 'BullMQ (REDIS_URL)' : 'in-process'}`,
);
run('npm', ['run', '--silent', 'build:backend']);
run('npm', ['run', '--silent', 'build:widget']);
run('npm', ['run', '--silent', 'openapi:check']);
// Entity metadata and the SQL migrations must describe the same schema (on DATABASE_URL's server,
// or on an embedded PostgreSQL started for the check).
run(process.execPath, [join(root, 'scripts', 'migration-generate.mjs'), '--check']);
const browser = existsSync(join(root, 'angular.json'));
let consoleStatus = 0;
if (browser) {
  run('npm', ['run', '--silent', 'build:console']);
  // Component tests of the console (vitest in jsdom, Material harnesses, the API mocked at fetch).
  // CONSOLE_TEST_REPORT=<file> also writes their JSON report there (CI adds it to its totals).
  const report = process.env.CONSOLE_TEST_REPORT;
  consoleStatus = tier('npm', ['run', '--silent', 'test:console', ...(report ? ['--', '--reporters=json', '--reporters=default', `--output-file=${report}`] : [])]);
}
const projects = ['unit', 'service', 'e2e', 'fault', ...(browser ? ['browser'] : [])];
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const jestStatus = tier(process.execPath, [jest, '--runInBand', ...projects.flatMap((p) => ['--selectProjects', p]), ...process.argv.slice(2)]);
if (consoleStatus !== 0) console.error('npm test: the console component tests failed (see above)');
process.exit(jestStatus || consoleStatus);
