// Builds the embeddable widget (widget/src) into dist/widget: widget.js (the loader) and
// widget-form.js (the form, loaded lazily). Fails when the loader's gzip size is over budget.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/widget');
const LOADER_BUDGET = 30 * 1024;
const common = { bundle: true, minify: true, target: 'es2020', sourcemap: false, logLevel: 'warning' };
await build({ ...common, entryPoints: [join(root, 'widget/src/loader.ts')], outfile: join(out, 'widget.js'), format: 'iife' });
await build({ ...common, entryPoints: [join(root, 'widget/src/form.ts')], outfile: join(out, 'widget-form.js'), format: 'esm' });

const size = (file) => {
  const raw = readFileSync(join(out, file));
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
};
const loader = size('widget.js');
const form = size('widget-form.js');
process.stdout.write(`widget.js ${loader.raw} B, ${loader.gzip} B gzip (budget ${LOADER_BUDGET}); widget-form.js ${form.raw} B, ${form.gzip} B gzip\n`);
if (loader.gzip > LOADER_BUDGET) {
  process.stderr.write(`✗ the widget loader is ${loader.gzip} B gzip, over its budget of ${LOADER_BUDGET} B\n`);
  process.exit(1);
}
