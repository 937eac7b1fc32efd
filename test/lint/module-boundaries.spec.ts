import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
// The rule ships as an ES module for the ESLint config; Jest turns it into CommonJS here.
import plugin from '../../scripts/eslint/module-boundaries.mjs';

const root = join(__dirname, '..', '..');
const at = (path: string) => join(root, path);

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

// Lint fixtures: what the rule lets through and what fails the lint, with its message.
tester.run('otklik/module-boundaries', plugin.rules['module-boundaries'], {
  valid: [
    // A repository holds the connection.
    { filename: at('backend/src/modules/auth/refresh-tokens.repository.ts'), code: "import { InjectDataSource } from '@nestjs/typeorm';\nimport { DataSource } from 'typeorm';" },
    // Infrastructure does too.
    { filename: at('backend/src/modules/outbox/outbox-relay.service.ts'), code: "import { DataSource } from 'typeorm';" },
    { filename: at('backend/src/database/transaction-runner.ts'), code: "import { DataSource } from 'typeorm';" },
    // A service takes a manager from the TransactionRunner.
    { filename: at('backend/src/modules/auth/auth.service.ts'), code: "import { EntityManager } from 'typeorm';\nimport { TransactionRunner } from '../../database/transaction-runner';" },
    // Its own entities, and what another module exports.
    { filename: at('backend/src/modules/auth/auth.service.ts'), code: "import { RefreshToken } from './refresh-token.entity';\nimport { UserAccounts } from '../users/user-accounts.repository';" },
    // Outside the modules (the data source lists every entity).
    { filename: at('backend/src/database/data-source.ts'), code: "import { User } from '../modules/users/user.entity';" },
  ],
  invalid: [
    {
      filename: at('backend/src/modules/catalog/catalog.service.ts'),
      code: "import { InjectDataSource } from '@nestjs/typeorm';\nimport { DataSource } from 'typeorm';",
      errors: [
        { messageId: 'dataSource', data: { name: 'InjectDataSource', file: 'modules/catalog/catalog.service.ts' } },
        { messageId: 'dataSource', data: { name: 'DataSource', file: 'modules/catalog/catalog.service.ts' } },
      ],
    },
    {
      filename: at('backend/src/modules/appeals/appeal-query.service.ts'),
      code: "import type { DataSource } from 'typeorm';",
      errors: [{ messageId: 'dataSource' }],
    },
    {
      filename: at('backend/src/modules/notifications/email-notifier.service.ts'),
      code: "import { Appeal } from '../appeals/appeal.entity';",
      errors: [{ messageId: 'foreign', data: { module: 'notifications', other: 'appeals', target: 'modules/appeals/appeal.entity' } }],
    },
    {
      filename: at('backend/src/modules/workflow/sla/sla-policy.entity.ts'),
      code: "import { Category } from '../../catalog/category.entity';",
      errors: [{ messageId: 'foreign' }],
    },
  ],
});

describe('the lint configuration', () => {
  it('applies the module-boundaries rule as an error to backend sources', () => {
    // In a child process: the config is an ES module, which Jest's module loader cannot import.
    const printed = spawnSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--print-config', 'backend/src/modules/auth/auth.service.ts'], { cwd: root, encoding: 'utf8' });
    expect(printed.status).toBe(0);
    expect(JSON.parse(printed.stdout).rules['otklik/module-boundaries']).toEqual([2]);
  });
});
