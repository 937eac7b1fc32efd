import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Expiring } from '../../common/cache/expiring';
import { SETTINGS_CACHE_MS, SettingsChanges } from '../../database/settings-changes';
import { Department } from './department.entity';

/** Who hears of an overdue appeal in a department: its head, else its supervisors, else the nearest ancestor's. */
export interface DepartmentRouting {
  heads: string[];
  headsDepartmentId: string | null;
  parentId: string | null;
}

/** A department as other modules see it. */
export type DepartmentInfo = Omit<Department, 'parent'>;
export type { WorkingHours } from './department.entity';

/** An account that may head a department (alias `h`): a supervisor who can sign in — not deactivated, locked or still invited. */
const HEAD_CAN_SERVE = `h.role = 'supervisor' AND h.active AND h.locked_at IS NULL AND h.password_hash IS NOT NULL`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The `departments` table and its tree, owned by the users module: routing, the queue's scope,
 * escalation and administration read departments only through here.
 */
@Injectable()
export class DepartmentTree {
  /**
   * Every department by id, as each process keeps it: the queue names departments on every page.
   * A change to departments drops it at its commit in every process (SettingsChanges), bounded by
   * SETTINGS_CACHE_MS while a process cannot hear it.
   */
  private readonly remembered = new Expiring<ReadonlyMap<string, Readonly<DepartmentInfo>>>(SETTINGS_CACHE_MS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    changes: SettingsChanges,
  ) {
    changes.watch(['departments'], () => this.remembered.invalidate());
  }

  get(id: string, manager: EntityManager = this.dataSource.manager, options: { lock?: boolean } = {}): Promise<DepartmentInfo | null> {
    return manager.findOne(Department, { where: { id }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /**
   * A department from this process's copy (`byId`): what cards, notices, `GET /me` and templates show
   * of it — its names, its settings. Inside a transaction `knownIn` (the copy, else the caller's
   * connection); a read that must hold under a lock (a move in the tree) uses `get` with the
   * transaction's manager.
   */
  async known(id: string): Promise<Readonly<DepartmentInfo> | null> {
    return (await this.byId()).get(id) ?? null;
  }

  /**
   * A department from this process's copy when it has one, else read in the caller's transaction:
   * a read inside a transaction never waits for a second connection of the pool (twenty actions
   * at once after a change, each holding one and asking for another, would wait for ever).
   */
  async knownIn(manager: EntityManager, id: string): Promise<Readonly<DepartmentInfo> | null> {
    const copy = this.remembered.peek();
    return copy ? (copy.get(id) ?? null) : this.get(id, manager);
  }

  /** By id or by code (the CLI and the seed name departments by code). */
  byIdOrCode(idOrCode: string, manager: EntityManager = this.dataSource.manager): Promise<DepartmentInfo | null> {
    return manager.findOneBy(Department, UUID.test(idOrCode) ? { id: idOrCode } : { code: idOrCode });
  }

  exists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(Department, { id });
  }

  /** Every department by Russian name, read now (administration; reads for display use `byId`). */
  list(manager: EntityManager = this.dataSource.manager): Promise<DepartmentInfo[]> {
    return manager.find(Department, { order: { nameRu: 'ASC' } });
  }

  /**
   * Drops this process's copy at once: an administrator's change, after its commit, so their next
   * read here sees it (the other processes hear of it by NOTIFY).
   */
  forget(): void {
    this.remembered.invalidate();
  }

  /** Every department by id, in the order of `list()`, from this process's copy (names on lists, the pool, auto-assignment). */
  byId(): Promise<ReadonlyMap<string, Readonly<DepartmentInfo>>> {
    return this.remembered.get(async () => new Map((await this.list()).map((d) => [d.id, d])));
  }

  /**
   * The department and every department below it (a supervisor's scope): from this process's copy
   * of the tree, or, given a transaction's manager, as that transaction reads the table (a move in
   * the tree checks for cycles under its lock).
   */
  async scope(departmentId: string, manager?: EntityManager): Promise<string[]> {
    if (!manager) return subtree(await this.byId(), departmentId);
    const rows = await manager.query<{ id: string }[]>(
      `WITH RECURSIVE tree AS (
         SELECT id FROM departments WHERE id = $1
         UNION SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id
       ) SELECT id FROM tree`,
      [departmentId],
    );
    return rows.map((r) => r.id);
  }

  /** The active supervisors nearest up the tree from the department (its own, else its parent's, …). */
  async nearestSupervisors(departmentId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM departments WHERE id = $1
         UNION ALL SELECT d.id, d.parent_id, up.depth + 1 FROM departments d JOIN up ON d.id = up.parent_id
       ), heads AS (
         SELECT u.id, up.depth FROM users u JOIN up ON u.department_id = up.id WHERE u.role = 'supervisor' AND u.active
       ) SELECT id FROM heads WHERE depth = (SELECT min(depth) FROM heads) ORDER BY id`,
      [departmentId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The heads of every department: the head an admin named (while still a supervisor there who
   * can sign in), else its active supervisors, else the nearest ancestor's by the same rule.
   */
  async headsRouting(): Promise<Record<string, DepartmentRouting>> {
    const rows = await this.dataSource.query<{ id: string; parent_id: string | null; heads: string[] }[]>(
      `SELECT d.id, d.parent_id,
              CASE WHEN h.id IS NOT NULL THEN ARRAY[h.id]
                   ELSE coalesce(array_agg(u.id ORDER BY u.id) FILTER (WHERE u.id IS NOT NULL), '{}') END AS heads
         FROM departments d
         LEFT JOIN users h ON h.id = d.head_id AND h.department_id = d.id AND ${HEAD_CAN_SERVE}
         LEFT JOIN users u ON u.department_id = d.id AND u.role = 'supervisor' AND u.active
        GROUP BY d.id, h.id`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const routing: Record<string, DepartmentRouting> = {};
    for (const row of rows) {
      let at: typeof row | undefined = row;
      const seen = new Set<string>();
      while (at && at.heads.length === 0 && at.parent_id && !seen.has(at.id)) {
        seen.add(at.id);
        at = byId.get(at.parent_id);
      }
      const found = at && at.heads.length > 0 ? at : undefined;
      routing[row.id] = { heads: found?.heads ?? [], headsDepartmentId: found?.id ?? null, parentId: row.parent_id };
    }
    return routing;
  }

  /**
   * Whether the account may head the department: a supervisor working in it who can sign in. The row is
   * share-locked in the caller's transaction, so it cannot be demoted or moved before the commit.
   */
  async canHead(userId: string, departmentId: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM users h WHERE h.id = $1 AND h.department_id = $2 AND ${HEAD_CAN_SERVE} FOR SHARE`,
      [userId, departmentId],
    );
    return rows.length > 0;
  }

  async update(
    manager: EntityManager,
    id: string,
    fields: Partial<Pick<Department, 'autoAssign' | 'approvalRequiredFor' | 'nameRu' | 'nameEn' | 'workingHours' | 'parentId' | 'retiredAt' | 'headId'>>,
  ): Promise<void> {
    await manager.update(Department, { id }, fields);
  }

  /** A new department in the caller's transaction. */
  async insert(manager: EntityManager, fields: Pick<Department, 'code' | 'nameRu' | 'nameEn' | 'parentId'>): Promise<DepartmentInfo> {
    const department = manager.create(Department, { ...fields, isGeneralPool: false, autoAssign: false, approvalRequiredFor: [], workingHours: null, headId: null, retiredAt: null });
    await manager.insert(Department, department);
    return (await this.get(department.id, manager))!;
  }

  async codeTaken(code: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(Department, { code });
  }

  /** Departments directly below that are not retired. */
  async liveChildren(id: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query<{ n: string }[]>('SELECT count(*) AS n FROM departments WHERE parent_id = $1 AND retired_at IS NULL', [id]);
    return Number(row.n);
  }
}

/** The department and its descendants, the department first; none when it is unknown. */
function subtree(departments: ReadonlyMap<string, Readonly<DepartmentInfo>>, departmentId: string): string[] {
  if (!departments.has(departmentId)) return [];
  const children = new Map<string, string[]>();
  for (const d of departments.values()) if (d.parentId) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const found = new Set([departmentId]);
  for (const id of found) for (const child of children.get(id) ?? []) found.add(child);
  return [...found];
}
