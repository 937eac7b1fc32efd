// The queue's code, asked for while the console's HTML is read (issue 15).
//
// A signed-in start of the console on the queue (/ or /queue, a stored session) needs the shell's,
// the queue's routes' and the queue page's lazy code before its first screen. core/boot.ts imports
// them as the app boots, but that is after the initial JavaScript has downloaded and run, and the
// browser then finds the 36 files one import level at a time (≈ 500 ms of a cold load,
// test/bench/README.md). After `ng build console` (statsJson: the esbuild metafile), this lists
// every file those three modules load (their chunks and all they import statically, less the
// initial files index.html already names) and writes into index.html a small inline script that
// adds them as <link rel="modulepreload"> — only for a stored session on the queue's paths, the
// case boot.ts fetches them for anyway. Signed out (the sign-in page) or on any other page nothing
// more is fetched; nothing is executed earlier than before (the imports run when boot asks).
//
//   node scripts/console-preload.mjs [dir]   (npm run build:console runs it before compressing)
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The modules core/boot.ts imports ahead on the queue's paths (keep the two lists in step). */
export const QUEUE_START_MODULES = [
  'console/src/app/core/layout/shell.ts',
  'console/src/app/features/triage/triage.routes.ts',
  'console/src/app/features/triage/queue.page.ts',
];
/** TokenStore's SESSION_STORAGE_KEY (console/src/app/core/auth/token-store.ts). */
const SESSION_KEY = 'otklik.console.session';
const MARK = 'data-queue-preload';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The files the queue's start loads beyond the initial ones, in the order they are imported. */
export function queueStartFiles(outputDir) {
  const stats = JSON.parse(readFileSync(join(outputDir, 'stats.json'), 'utf8'));
  const outputs = new Map(Object.entries(stats.outputs).map(([path, output]) => [basename(path), output]));
  const html = readFileSync(join(outputDir, 'browser', 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]));
  const files = [];
  const visit = (file) => {
    if (initial.has(file) || files.includes(file)) return;
    files.push(file);
    for (const dep of outputs.get(file)?.imports ?? []) if (dep.kind === 'import-statement') visit(basename(dep.path));
  };
  for (const module of QUEUE_START_MODULES) {
    const entry = [...outputs].find(([, output]) => output.entryPoint === module);
    // A renamed or moved module must not quietly drop the preload.
    if (!entry) throw new Error(`console-preload: no output chunk for ${module} in stats.json (update QUEUE_START_MODULES and core/boot.ts together)`);
    visit(entry[0]);
  }
  return files;
}

/** The inline script (CSP script-src allows 'unsafe-inline'; see backend/src/http.ts). */
function preloadScript(files) {
  return (
    `<script ${MARK}>(function(f){try{var p=location.pathname;if((p==='/'||p==='/queue')&&localStorage.getItem(${JSON.stringify(SESSION_KEY)}))` +
    `f.forEach(function(h){var l=document.createElement('link');l.rel='modulepreload';l.href=h;document.head.appendChild(l)})}catch(e){}})(${JSON.stringify(files)})</script>`
  );
}

export function writePreload(outputDir) {
  const files = queueStartFiles(outputDir);
  const index = join(outputDir, 'browser', 'index.html');
  const html = readFileSync(index, 'utf8').replace(new RegExp(`<script ${MARK}>.*?</script>`, 's'), '');
  // After the initial module script: the browser asks for those first.
  if (!html.includes('</body>')) throw new Error('console-preload: no </body> in index.html');
  writeFileSync(index, html.replace('</body>', `${preloadScript(files)}</body>`));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(root, 'dist', 'console');
  const files = writePreload(dir);
  console.log(`queue start preload: ${files.length} files written into index.html (signed in, on / or /queue)`);
}
