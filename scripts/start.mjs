// `npm start`: installs what is missing, builds what is stale, then runs the server, which
// migrates, seeds demo data (demo mode) and serves the console and the API on one port.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (title, cmd, args) => {
  process.stdout.write(`» ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`✗ ${title} failed (exit ${r.status})\n`);
    process.exit(r.status ?? 1);
  }
};

/** Newest modification time under the given paths (files only). */
function newest(paths) {
  let max = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules') walk(join(p, entry));
    } else if (s.mtimeMs > max) max = s.mtimeMs;
  };
  paths.forEach((p) => walk(join(root, p)));
  return max;
}
const builtAt = (file) => (existsSync(join(root, file)) ? statSync(join(root, file)).mtimeMs : 0);

// Exactly the locked versions (npm ci) when node_modules is missing or older than the lock file.
if (!existsSync(join(root, 'node_modules', '.package-lock.json')) || builtAt('package-lock.json') > builtAt('node_modules/.package-lock.json')) {
  step('installing dependencies (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
}
if (newest(['backend/src', 'shared', 'tsconfig.base.json', 'backend/tsconfig.json']) > builtAt('dist/backend/src/main.js')) {
  step('building the API', 'npm', ['run', '--silent', 'build:backend']);
}
if (newest(['widget/src', 'scripts/build-widget.mjs']) > builtAt('dist/widget/widget.js')) {
  step('building the widget', 'npm', ['run', '--silent', 'build:widget']);
}
if (existsSync(join(root, 'angular.json')) && newest(['console', 'shared', 'angular.json']) > builtAt('dist/console/browser/index.html')) {
  step('building the console', 'npm', ['run', '--silent', 'build:console']);
}
process.stdout.write('» starting Otklik (migrations and demo data run at start-up)\n');
const server = spawn(process.execPath, [join(root, 'dist/backend/src/main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
// npm does not pass SIGTERM on to its script: when npm is gone (killed on its own), stop the
// server the same way instead of leaving it running without a parent.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) server.kill('SIGTERM');
}, 500).unref();
server.on('exit', (code, signal) => {
  process.stdout.write(`» Otklik stopped (${signal ? `signal ${signal}` : `exit ${code}`})\n`);
  process.exit(code ?? (signal ? 0 : 1));
});
