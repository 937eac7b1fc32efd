// Which module owns which table, and who touches tables that are not theirs (issue 12).
//
// Ownership comes from the code: a table belongs to the module whose entity declares it
// (`@Entity('name')` under backend/src/modules/<module>/), plus the tables that infrastructure
// keeps without an entity (below). Then every SQL keyword followed by a table name (FROM, JOIN,
// INTO, UPDATE, TABLE) in a module's source is matched against that map: naming another module's
// table is a violation, unless the file is infrastructure or an exception listed with its reason.
//
//   node scripts/module-tables.mjs            check (npm run lint runs it); exit 1 on a violation
//   node scripts/module-tables.mjs --table    print the README's module table
//
// The README's table (between the module-tables markers) must match the code: the check fails
// when it does not, so the table cannot go stale.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'backend', 'src');

/** Tables that infrastructure keeps without an entity. */
const INFRASTRUCTURE_TABLES = { idempotency_keys: 'common/idempotency', migrations: 'database', typeorm_metadata: 'database' };
/**
 * Module tables kept without an entity (live state reached only through the module's repository
 * in raw SQL): `appeal_presence`, unlogged, which an entity cannot declare.
 */
const MODULE_TABLES_WITHOUT_ENTITY = { appeal_presence: 'notifications' };
/** Modules that may touch every table: the demo seed writes them as a migration would. */
const ALL_TABLES = new Set(['seed']);
/**
 * Reads across a boundary that are deliberate, each with why. Keyed by file (below
 * backend/src/modules), valued by the foreign tables it may name.
 */
export const EXCEPTIONS = {
  // The scheduler's set-based statements, each one statement over many appeals so that a tick
  // stays within seconds on a million rows (npm run bench, phase d): the reminder reads each
  // appeal type's lead time from the SLA policies in the same statement; retention destroys an
  // appeal with its files, queues their stored objects for purging, records the destruction and
  // audits it in one statement, so no file outlives its appeal and nothing is half-done.
  'appeals/appeal-batches.repository.ts': ['sla_policies', 'attachments', 'storage_purges', 'retention_destructions', 'audit_log'],
  // The least-loaded operator and the assignee options: staff of a department ordered by their
  // open appeals, one statement per filing. The workflow cannot call the appeals module (appeals
  // depends on the workflow), so this read of users, departments and appeals stays here.
  'workflow/routing/assignment.service.ts': ['users', 'departments', 'appeals'],
};

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const moduleOf = (file) => relative(join(src, 'modules'), file).split('/')[0];
const files = walk(join(src, 'modules'));
const owner = new Map(Object.entries({ ...INFRASTRUCTURE_TABLES, ...MODULE_TABLES_WITHOUT_ENTITY }));
for (const file of files) {
  for (const [, table] of readFileSync(file, 'utf8').matchAll(/@Entity\('([a-z_][a-z0-9_]*)'/g)) owner.set(table, moduleOf(file));
}

const violations = [];
const touches = new Map();
for (const file of files) {
  const module = moduleOf(file);
  const text = readFileSync(file, 'utf8');
  const named = new Set();
  for (const [, table] of text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_][a-z0-9_]*)\b/g)) if (owner.has(table)) named.add(table);
  const at = relative(join(src, 'modules'), file);
  for (const table of named) {
    const tableOwner = owner.get(table);
    if (tableOwner === module) continue;
    if (!touches.has(module)) touches.set(module, new Set());
    touches.get(module).add(table);
    if (ALL_TABLES.has(module) || EXCEPTIONS[at]?.includes(table)) continue;
    violations.push(`${at}: names ${table}, which belongs to ${tableOwner}`);
  }
}

function table() {
  const byModule = new Map();
  for (const [name, module] of owner) {
    if (!byModule.has(module)) byModule.set(module, []);
    byModule.get(module).push(name);
  }
  const rows = [...byModule].sort(([a], [b]) => a.localeCompare(b)).map(([module, names]) => {
    const reads = [...(touches.get(module) ?? [])].sort();
    const foreign = ALL_TABLES.has(module) ? 'all (demo data)' : reads.length ? reads.map((t) => `\`${t}\``).join(', ') : '—';
    return `| ${module} | ${names.sort().map((t) => `\`${t}\``).join(', ')} | ${foreign} |`;
  });
  for (const module of ALL_TABLES) if (!byModule.has(module)) rows.push(`| ${module} | — | all (demo data) |`);
  return ['| module | owns | names other modules\' tables (listed exceptions) |', '|---|---|---|', ...rows].join('\n');
}

if (process.argv.includes('--table')) {
  console.log(table());
} else {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.match(/<!-- module-tables:start -->\n([\s\S]*?)\n<!-- module-tables:end -->/);
  if (!block) violations.push('README.md: no <!-- module-tables:start --> … <!-- module-tables:end --> block (node scripts/module-tables.mjs --table prints it)');
  else if (block[1].trim() !== table().trim()) violations.push('README.md: the module table is stale; replace it with the output of node scripts/module-tables.mjs --table');
  if (violations.length) {
    console.error(`module tables: ${violations.length} violation(s)\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`module tables: ${owner.size} tables in ${new Set(owner.values()).size} owners, no module names another's table outside the listed exceptions`);
}
