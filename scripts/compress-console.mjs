// The built console, precompressed and held to its budget (issue 15).
//
// After `ng build console`, every text file of the output (JS, CSS, HTML, SVG, JSON, TXT) above
// 1 KiB gets a brotli (.br, quality 11) and a gzip (.gz, level 9) sibling, which the server sends
// by Accept-Encoding (@fastify/static preCompressed). Then the initial JavaScript — what
// index.html loads before the first screen: its module script and modulepreloads — is summed as
// transferred gzip and brotli; more than INITIAL_JS_GZIP_BUDGET (250 kB gzip) fails the build.
// Angular's own budgets measure raw size only.
//
//   node scripts/compress-console.mjs [dir]        compress and check (npm run build:console runs it)
//   node scripts/compress-console.mjs --check [dir] check only (no files written)
//   node scripts/compress-console.mjs --json [dir]  print the figures as JSON (the bench)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const INITIAL_JS_GZIP_BUDGET = 250 * 1000;
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map']);
const MIN_BYTES = 1024;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const gzip = (buf) => gzipSync(buf, { level: 9 });
const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });

/** Writes the .br and .gz siblings; returns how many files were compressed. */
export function compress(dir) {
  let count = 0;
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(file)) || statSync(file).size < MIN_BYTES) continue;
    const body = readFileSync(file);
    writeFileSync(`${file}.br`, brotli(body));
    writeFileSync(`${file}.gz`, gzip(body));
    count++;
  }
  return count;
}

/** The JavaScript index.html loads up front, with its raw, gzip and brotli sizes. */
export function initialJs(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  let raw = 0;
  let gz = 0;
  let br = 0;
  for (const name of new Set(files)) {
    const body = readFileSync(join(dir, name));
    raw += body.length;
    gz += gzip(body).length;
    br += brotli(body).length;
  }
  return { files: [...new Set(files)], raw, gzip: gz, brotli: br };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? join(root, 'dist', 'console', 'browser');
  const written = args.includes('--check') || args.includes('--json') ? 0 : compress(dir);
  const initial = initialJs(dir);
  if (args.includes('--json')) {
    console.log(JSON.stringify(initial));
  } else {
    const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
    if (written) console.log(`precompressed ${written} files (.br, .gz) in ${dir}`);
    console.log(`initial JS: ${initial.files.length} files, ${kb(initial.raw)} raw, ${kb(initial.gzip)} gzip, ${kb(initial.brotli)} brotli (budget ${kb(INITIAL_JS_GZIP_BUDGET)} gzip)`);
  }
  if (initial.gzip > INITIAL_JS_GZIP_BUDGET) {
    console.error(`initial JS is ${initial.gzip} bytes gzip: over the budget of ${INITIAL_JS_GZIP_BUDGET}`);
    process.exit(1);
  }
}
