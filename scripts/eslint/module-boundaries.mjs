// Module boundaries of the backend (issue 12, ARCHITECTURE.md «Modules own their tables»):
//
// 1. The database connection (`DataSource`, `@InjectDataSource`, `@InjectEntityManager`) is
//    reached only from repositories (`*.repository.ts`) and infrastructure (database/, the
//    outbox relay and delivery runner, health checks, the CLI and the demo seed, the bootstrap
//    files). A service works through its module's repositories, inside a transaction the
//    `TransactionRunner` opens.
// 2. A module never imports another module's entity: it calls what that module exports (a
//    repository it offers to others, such as UserAccounts, DepartmentTree or StaffDirectory). A foreign key to another module's
//    table is declared by name (`@ForeignKey('User')`), not by importing the class.
import { dirname, relative, resolve, sep } from 'node:path';

const DATA_SOURCE_NAMES = {
  typeorm: new Set(['DataSource']),
  '@nestjs/typeorm': new Set(['InjectDataSource', 'InjectEntityManager', 'getDataSourceToken', 'getEntityManagerToken']),
};

/** Infrastructure that may hold the connection itself, as paths below backend/src. */
const INFRASTRUCTURE = [/^database\//, /^cli\//, /^modules\/outbox\//, /^modules\/health\//, /^modules\/seed\//, /^[^/]+\.ts$/];

function place(filename, cwd) {
  const path = relative(cwd, filename).split(sep).join('/');
  const inside = path.match(/(?:^|\/)backend\/src\/(.*)$/);
  if (!inside) return null;
  const below = inside[1];
  const module = below.match(/^modules\/([^/]+)\//)?.[1] ?? null;
  return { below, module, root: filename.slice(0, filename.length - below.length) };
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each backend module to its own tables: connections only in repositories, no foreign entities.' },
    schema: [],
    messages: {
      dataSource:
        "'{{name}}' belongs in a repository (*.repository.ts) or infrastructure, not in {{file}}: give the module a repository, and run transactions through TransactionRunner.",
      foreign:
        "{{module}} imports {{other}}'s entity ({{target}}): call what {{other}} exports instead (its reader or store, e.g. UserAccounts, DepartmentTree), or declare a foreign key by name with @ForeignKey('Entity').",
    },
  },
  create(context) {
    const here = place(context.filename, context.cwd);
    if (!here) return {};
    const infrastructure = here.below.endsWith('.repository.ts') || INFRASTRUCTURE.some((pattern) => pattern.test(here.below));
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        const restricted = DATA_SOURCE_NAMES[source];
        if (restricted && !infrastructure) {
          for (const specifier of node.specifiers) {
            const name = specifier.type === 'ImportSpecifier' ? specifier.imported.name : null;
            if (name && restricted.has(name)) context.report({ node: specifier, messageId: 'dataSource', data: { name, file: here.below } });
          }
        }
        // The demo seed writes every module's tables, as a migration would.
        if (!here.module || here.module === 'seed' || typeof source !== 'string' || !source.startsWith('.')) return;
        const target = place(resolve(dirname(context.filename), source), context.cwd);
        if (!target?.module || target.module === here.module) return;
        if (/\.entity$/.test(target.below)) context.report({ node, messageId: 'foreign', data: { module: here.module, other: target.module, target: target.below } });
      },
    };
  },
};

export default { rules: { 'module-boundaries': rule } };
