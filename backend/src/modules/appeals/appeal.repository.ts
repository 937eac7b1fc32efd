import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityMetadata } from 'typeorm';
import { Actor } from '../../common/http/actor';
import { VersionConflictError } from '../../common/problem/domain-error';
import { AppealAccess } from './appeal-access.service';
import { Appeal } from './appeal.entity';

/** The appeal as the store loads and saves it (other modules name it through here, not through the entity). */
export type { Appeal } from './appeal.entity';

/**
 * The appeals module's row store as other modules use it (the workflow's transition runner):
 * a transaction, the appeal the actor may see loaded and locked, and saved back. Nothing
 * outside this module writes the `appeals` row by itself.
 */
@Injectable()
export class AppealStore {
  /** Each appeal `lockForChange` read, with its columns as read (columnsOf): what `save` compares with. */
  private readonly loaded = new WeakMap<Appeal, Map<string, string | undefined>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AppealAccess,
  ) {}

  /** Runs `work` in the given transaction, or in a new one. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>, manager?: EntityManager): Promise<T> {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /** The manager outside any transaction, for reads. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The appeal the actor may see (by id or number), locked for the rest of the transaction. */
  async lockForChange(manager: EntityManager, actor: Actor, idOrNumber: string): Promise<Appeal> {
    const appeal = await this.access.load(actor, idOrNumber, { manager, lock: true });
    this.loaded.set(appeal, columnsOf(this.dataSource.getMetadata(Appeal), appeal));
    return appeal;
  }

  /** The appeal the actor may see, unlocked. */
  load(actor: Actor, idOrNumber: string): Promise<Appeal> {
    return this.access.load(actor, idOrNumber);
  }

  /** The appeal by id for the system itself (a notice's attachment), no actor's access applied; null when gone. */
  findSystem(appealId: string): Promise<Appeal | null> {
    return this.dataSource.manager.findOneBy(Appeal, { id: appealId });
  }

  /**
   * Writes what changed since `lockForChange` read the row (the version moved on and `updated_at`
   * set, as TypeORM's save does), read back into the entity. TypeORM's `save` read the whole row
   * again to find the changes — a second SELECT of a row this transaction holds locked, on every
   * staff and citizen action. An appeal not read by `lockForChange` is saved by TypeORM.
   */
  async save(manager: EntityManager, appeal: Appeal): Promise<void> {
    const before = this.loaded.get(appeal);
    if (!before) {
      await manager.save(Appeal, appeal);
      return;
    }
    const metadata = this.dataSource.getMetadata(Appeal);
    const now = columnsOf(metadata, appeal);
    const changed: Record<string, unknown> = {};
    for (const [property, value] of now) if (value !== before.get(property)) changed[property] = (appeal as unknown as Record<string, unknown>)[property];
    if (Object.keys(changed).length === 0) return;
    const result = await manager.createQueryBuilder().update(Appeal).set(changed).where('id = :id', { id: appeal.id }).returning('version, updated_at').execute();
    const [row] = result.raw as { version: number; updated_at: Date }[];
    appeal.version = row.version;
    appeal.updatedAt = row.updated_at;
    this.loaded.set(appeal, now);
  }

  /** «№ 12, № 15» for a list of ids, in number order. */
  async numbersOf(manager: EntityManager, ids: string[]): Promise<string> {
    const rows = await manager.query<{ number: string }[]>('SELECT number::text AS number FROM appeals WHERE id = ANY($1) ORDER BY number', [ids]);
    return rows.map((r) => `№ ${r.number}`).join(', ');
  }

  /** The ids of the appeals merged into `mainId` (likely duplicates it answers for), in number order. */
  async mergedInto(manager: EntityManager, mainId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>('SELECT id FROM appeals WHERE merged_into_appeal_id = $1 ORDER BY number', [mainId]);
    return rows.map((r) => r.id);
  }

  /** Sets how long a closed appeal is kept (152-ФЗ), at the citizen's request. */
  async keepUntil(manager: EntityManager, appealId: string, until: string): Promise<void> {
    await manager.query(`UPDATE appeals SET retention_extended_until = $2 WHERE id = $1`, [appealId, until]);
  }
}

/**
 * The appeal's column values as comparable text, by property (the version and `updated_at` left
 * out: the UPDATE moves them): an instant by its time, anything else (text, numbers, arrays, JSON
 * objects changed in place) by its JSON.
 */
function columnsOf(metadata: EntityMetadata, appeal: Appeal): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const column of metadata.columns) {
    if (column.isVersion || column.isUpdateDate || column.isPrimary) continue;
    const value: unknown = (appeal as unknown as Record<string, unknown>)[column.propertyName];
    values.set(column.propertyName, value instanceof Date ? `@${value.getTime()}` : JSON.stringify(value));
  }
  return values;
}

/** Optimistic check for clients that send the version they saw: a stale one is a 409. */
export function assertVersion(appeal: Appeal, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== appeal.version) throw new VersionConflictError(appeal.version);
}

/** The appeal's thread as the workflow writes to it: notices to the citizen and internal notes. */
@Injectable()
export class AppealThread {
  /** A message from staff the citizen sees: how they learn of requests and statutory notices. */
  tellCitizen(manager: EntityManager, actor: Actor, appealId: string, text: string): Promise<string> {
    return this.post(manager, actor, appealId, text, false);
  }

  /** An internal note (staff only): proposals, their reasoning and the supervisor's decision. */
  noteForStaff(manager: EntityManager, actor: Actor, appealId: string, text: string): Promise<string> {
    return this.post(manager, actor, appealId, text, true);
  }

  /** One plain INSERT (TypeORM's insert built the statement and read back three columns for an id). */
  private async post(manager: EntityManager, actor: Actor, appealId: string, text: string, internal: boolean): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      'INSERT INTO appeal_messages (appeal_id, author_id, author_role, author_name, body, internal) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [appealId, actor.userId, actor.role, actor.name, text, internal],
    );
    return row.id;
  }
}
