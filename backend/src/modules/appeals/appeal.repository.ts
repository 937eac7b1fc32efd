import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/http/actor';
import { VersionConflictError } from '../../common/problem/domain-error';
import { AppealAccess } from './appeal-access.service';
import { AppealMessage } from './appeal-message.entity';
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
  lockForChange(manager: EntityManager, actor: Actor, idOrNumber: string): Promise<Appeal> {
    return this.access.load(actor, idOrNumber, { manager, lock: true });
  }

  /** The appeal the actor may see, unlocked. */
  load(actor: Actor, idOrNumber: string): Promise<Appeal> {
    return this.access.load(actor, idOrNumber);
  }

  /** The appeal by id for the system itself (a notice's attachment), no actor's access applied; null when gone. */
  findSystem(appealId: string): Promise<Appeal | null> {
    return this.dataSource.manager.findOneBy(Appeal, { id: appealId });
  }

  async save(manager: EntityManager, appeal: Appeal): Promise<void> {
    await manager.save(Appeal, appeal);
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

  private async post(manager: EntityManager, actor: Actor, appealId: string, text: string, internal: boolean): Promise<string> {
    const inserted = await manager.insert(AppealMessage, { appealId, authorId: actor.userId, authorRole: actor.role, authorName: actor.name, body: text, internal });
    return (inserted.identifiers[0] as { id: string }).id;
  }
}
