import { DataSource } from 'typeorm';
import { AppealStatus } from '@otklik/shared/domain';
import { entityInsert } from '../../backend/src/common/sql/entity-insert';
import { dataSourceOptions } from '../../backend/src/database/data-source';
import { Appeal } from '../../backend/src/modules/appeals/appeal.entity';
import { openTestDatabase, TestDatabase } from './support/database';

/**
 * The filing path's INSERT, built from the entity's metadata, must be the statement TypeORM's
 * query builder would send — same columns, same DEFAULTs, same values after transformers (the
 * bigint number, the jsonb fields, dates) — and the row it writes must read back the same.
 */
describe('entityInsert: the INSERT TypeORM would send, without the query builder', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await openTestDatabase();
    ds = new DataSource({ ...dataSourceOptions(db.url), logging: ['error'] });
    await ds.initialize();
  }, 60_000);
  afterAll(async () => {
    await ds?.destroy();
    await db?.close();
  });

  const appeal = (overrides: Partial<Appeal>): Appeal =>
    ds.manager.create(Appeal, {
      id: '00000000-0000-4000-8000-000000000001',
      citizenId: null,
      type: 'question',
      categoryId: '00000000-0000-4000-8000-000000000002',
      subcategoryId: null,
      subject: 'Тема',
      body: 'Текст',
      priority: 'normal',
      desiredAnswerDate: '2027-01-15',
      extraFields: { address: 'ул. Ленина, 1', floors: [1, 2] },
      contactEncrypted: null,
      status: 'registered',
      number: 12345678,
      departmentId: null,
      assigneeId: null,
      registeredAt: new Date('2026-12-01T10:00:00Z'),
      dueAt: new Date('2026-12-29T21:00:00Z'),
      firstResponseDueAt: null,
      closedAt: null,
      important: false,
      overdue: false,
      unidentified: true,
      accessCodeHash: 'ab'.repeat(32),
      noAnswerRequired: true,
      createdAt: new Date('2026-12-01T10:00:00Z'),
      updatedAt: new Date('2026-12-01T10:00:00Z'),
      version: 1,
      ...overrides,
    } as Partial<Appeal>);

  it.each([
    ['a registered appeal without an account', {}],
    ['a draft (no number, no deadlines)', { status: AppealStatus.Draft, number: null, registeredAt: null, dueAt: null }],
    ['a linked appeal with a pending proposal', { parentAppealId: '00000000-0000-4000-8000-000000000009', pendingProposal: { action: 'extend', body: { days: 30 }, reason: 'r' } }],
  ] as [string, Partial<Appeal>][])('%s', async (_name, overrides) => {
    const entity = appeal(overrides);
    const [sql, params] = ds.manager.createQueryBuilder().insert().into(Appeal).values(entity).updateEntity(false).getQueryAndParameters();
    expect(entityInsert(ds.manager, Appeal, entity)).toEqual({ sql, params });
  });

  it('writes the row that reads back as the entity', async () => {
    const entity = appeal({ status: AppealStatus.Registered, unidentified: false, accessCodeHash: null, citizenId: '00000000-0000-4000-8000-000000000003' });
    await ds.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`); // no foreign keys to seed for one row
      const { sql, params } = entityInsert(manager, Appeal, entity);
      await manager.query(sql, params);
    });
    const row = await ds.manager.findOneByOrFail(Appeal, { id: entity.id });
    expect(row).toMatchObject({ number: 12345678, extraFields: entity.extraFields, desiredAnswerDate: '2027-01-15', dueAt: entity.dueAt, status: 'registered', version: 1 });
  });
});
