import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../backend/src/database/data-source';
import { SettingsChangesModule } from '../../backend/src/database/settings-changes';
import { DepartmentTree } from '../../backend/src/modules/users/department-tree.repository';
import { openTestDatabase, TestDatabase } from './support/database';
import { until } from './support/polling';

/**
 * The department tree as a process keeps it (users/department-tree.repository.ts: `byId()`, and
 * `scope()` without a transaction), on a real PostgreSQL: it answers what the table says, and a
 * change committed anywhere — here plain SQL beside the process — is seen at once.
 */
describe('DepartmentTree, remembered per process', () => {
  let db: TestDatabase;
  let sql: Client;
  let app: INestApplicationContext;
  let tree: DepartmentTree;
  let manager: DataSource['manager'];
  let serial = 0;

  async function department(parentId: string | null): Promise<string> {
    const code = `t${++serial}`;
    return (await sql.query(`INSERT INTO departments (code, name_ru, name_en, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`, [code, `Отдел ${code}`, `Unit ${code}`, parentId])).rows[0].id;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    @Module({ imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(db.url), logging: ['error'] }), SettingsChangesModule.forRoot({ listen: true })], providers: [DepartmentTree] })
    class TreeModule {}
    app = await NestFactory.createApplicationContext(TreeModule, { logger: false });
    app.enableShutdownHooks();
    tree = app.get(DepartmentTree);
    manager = app.get(DataSource).manager;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await sql.end();
    await db.close();
  });

  const sorted = (ids: string[]) => [...ids].sort();

  it('a scope from memory is the one the table gives: the department first, every level below, nothing beside it', async () => {
    const root = await department(null);
    const child = await department(root);
    const grandchild = await department(child);
    const sibling = await department(null);
    await until(async () => (await tree.byId()).has(sibling), 1000);
    const remembered = await tree.scope(root);
    expect(remembered[0]).toBe(root);
    expect(sorted(remembered)).toEqual(sorted([root, child, grandchild]));
    expect(sorted(remembered)).toEqual(sorted(await tree.scope(root, manager)));
    expect(await tree.scope(child)).toEqual([child, grandchild]);
    expect(await tree.scope(sibling)).toEqual([sibling]);
    expect(await tree.scope('00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(await tree.scope('00000000-0000-4000-8000-000000000000', manager)).toEqual([]);
  });

  it('a department moved or renamed by SQL is seen at once', async () => {
    const left = await department(null);
    const right = await department(null);
    const moving = await department(left);
    // The new rows reach the copy with their commit's notification.
    await until(async () => (await tree.scope(left)).includes(moving), 1000);
    expect(await tree.scope(left)).toEqual([left, moving]);
    expect((await tree.byId()).get(moving)?.nameRu).toBe(`Отдел t${serial}`);
    await sql.query(`UPDATE departments SET parent_id = $2, name_ru = 'Переехавший отдел' WHERE id = $1`, [moving, right]);
    await until(async () => (await tree.scope(right)).includes(moving), 1000);
    expect(await tree.scope(left)).toEqual([left]);
    expect((await tree.byId()).get(moving)?.nameRu).toBe('Переехавший отдел');
  });

  it("the copy holds every department in the table's order, by Russian name (the queue's sort by department)", async () => {
    await department(null);
    await until(async () => (await tree.byId()).size === (await tree.list()).length, 1000);
    expect([...(await tree.byId()).keys()]).toEqual((await tree.list()).map((d) => d.id));
  });
});
