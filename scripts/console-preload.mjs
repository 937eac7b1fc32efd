// The queue's code, GET /me and the queue's first rows, asked for while the console's HTML is read (issue 15).
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
// The same script then asks for GET /me and the queue's first page of rows (startEarly), which
// the app takes instead of asking again. Both functions are console/src/app/core/early-start.ts,
// compiled here with esbuild, so the paths, the stored session and the rows' query follow the
// console's own code instead of a copy of it.
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
/** The early start's source (its rules: the queue's paths, the stored session, the rows' query). */
const EARLY_START = 'console/src/app/core/early-start.ts';
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

/**
 * `call` (a call of one of early-start.ts's exports) compiled with everything it imports into one
 * small script, so index.html runs the console's own rules before any bundle has loaded.
 */
async function inlineScript(call) {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: `import { startEarly, preloadQueueStart } from './${EARLY_START}';\n${call};`, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    tsconfig: join(root, 'console', 'tsconfig.app.json'),
    write: false,
    logLevel: 'silent',
    // shared/domain is plain declarations (enums, tables, functions): what the script does not use
    // is left out instead of the whole barrel (43 kB → a few).
    plugins: [
      {
        name: 'shared-domain-pure',
        setup(build) {
          const domain = join(root, 'shared', 'domain');
          build.onResolve({ filter: /./ }, async (args) => {
            if (args.pluginData === 'resolving') return undefined;
            const result = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
            return result.path.startsWith(domain) ? { ...result, sideEffects: false } : result;
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0].text.trim();
  // Inline: a «</script» inside would end the element early.
  if (/<\/script/i.test(code)) throw new Error('console-preload: the compiled early start contains </script');
  return code;
}

/** The inline script (CSP script-src allows 'unsafe-inline'; see backend/src/http.ts). */
export async function writePreload(outputDir) {
  const files = queueStartFiles(outputDir);
  const index = join(outputDir, 'browser', 'index.html');
  const html = readFileSync(index, 'utf8').replace(new RegExp(`<script ${MARK}>.*?</script>`, 's'), '');
  // After the initial module script: the browser asks for those first, then for the queue's code,
  // then for GET /me and the rows. Measured (test/bench/README.md, 2026-12-07): asked for first,
  // at the top of the head, the two requests held the one API process and two of the browser's
  // six connections while the code waited, and the 50th row came later, not earlier.
  if (!html.includes('</body>')) throw new Error('console-preload: no </body> in index.html');
  const script = await inlineScript(`preloadQueueStart(${JSON.stringify(files)});\nstartEarly()`);
  writeFileSync(index, html.replace('</body>', `<script ${MARK}>${script}</script></body>`));
  return { files, bytes: script.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(root, 'dist', 'console');
  const { files, bytes } = await writePreload(dir);
  console.log(`queue start: GET /me, the rows and ${files.length} files' preload written into index.html (${bytes} bytes inline; signed in, on / or /queue)`);
}
