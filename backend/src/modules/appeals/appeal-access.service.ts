import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AppealStatus, FINAL_STATUSES, Role } from '@otklik/shared/domain';
import { Actor } from '../../common/http/actor';
import { NotFoundError } from '../../common/problem/domain-error';
import { Appeal } from './appeal.entity';
import { DepartmentTree } from '../users/department-tree.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d{1,15}$/;

/**
 * Object-level access to appeals. A citizen sees only their own; an operator the appeals of
 * their department; a supervisor those of their department and its sub-departments. Anything
 * else is "not found" — the same answer as for an appeal that does not exist.
 */
@Injectable()
export class AppealAccess {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly departments: DepartmentTree,
  ) {}

  /** How many appeals of the department are not final (closed or withdrawn): what keeps it from being retired. */
  async openCountIn(departmentId: string, manager: EntityManager = this.own.manager): Promise<number> {
    const [row] = await manager.query<{ n: string }[]>(`SELECT count(*) AS n FROM appeals WHERE department_id = $1 AND status <> ALL($2::text[])`, [departmentId, [...FINAL_STATUSES]]);
    return Number(row.n);
  }

  /** Departments whose queue the staff member sees. */
  async departmentScope(actor: Actor, manager?: EntityManager): Promise<string[]> {
    if (!actor.departmentId) return [];
    if (actor.role === Role.Operator) return [actor.departmentId];
    if (actor.role !== Role.Supervisor) return [];
    return this.departments.scope(actor.departmentId, manager);
  }

  /**
   * The id an appeal's id or number names, WITHOUT any access check: only for what touches the
   * caller's own rows and answers the same whether the appeal exists or not (presence's leave).
   * Null for a malformed one or none.
   */
  async idOf(idOrNumber: string, manager: EntityManager = this.own.manager): Promise<string | null> {
    if (UUID.test(idOrNumber)) return idOrNumber.toLowerCase();
    if (!NUMBER.test(idOrNumber)) return null;
    const [row] = await manager.query<{ id: string }[]>('SELECT id FROM appeals WHERE number = $1', [idOrNumber]);
    return row?.id ?? null;
  }

  /** Loads an appeal the actor may see, by id or human number; optionally locks it for a change. */
  async load(actor: Actor, idOrNumber: string, options: { manager?: EntityManager; lock?: boolean } = {}): Promise<Appeal> {
    const manager = options.manager ?? this.own.manager;
    const where = UUID.test(idOrNumber) ? { id: idOrNumber } : NUMBER.test(idOrNumber) ? { number: Number(idOrNumber) } : null;
    if (!where) throw new NotFoundError('appeal');
    const qb = manager.getRepository(Appeal).createQueryBuilder('a').where(where);
    if (options.lock) qb.setLock('pessimistic_write');
    const appeal = await qb.getOne();
    if (!appeal || !(await this.canSee(actor, appeal, manager))) throw new NotFoundError('appeal');
    return appeal;
  }

  /**
   * Whether the actor works in (or, as a supervisor, above) the department handling the appeal.
   * Staff who see it only because it was escalated to their department oversee it: they read
   * everything and may write in the thread or redirect it, but the handling department acts on it.
   */
  async handles(actor: Actor, appeal: Appeal, manager: EntityManager = this.own.manager): Promise<boolean> {
    if (actor.role === Role.Citizen || !appeal.departmentId) return false;
    return (await this.departmentScope(actor, manager)).includes(appeal.departmentId);
  }

  /**
   * Locks the appeal row for a change that depends on it (attachments bound to it or removed
   * from it) and answers its status; null when there is no such appeal.
   */
  async lockStatus(manager: EntityManager, appealId: string): Promise<AppealStatus | null> {
    const [row] = await manager.query<{ status: AppealStatus }[]>(`SELECT status FROM appeals WHERE id = $1 FOR UPDATE`, [appealId]);
    return row?.status ?? null;
  }

  /** Who handles an appeal now (its number, department and assignee), for modules that tell them of its files; null when there is no such appeal. */
  async handlingOf(manager: EntityManager, appealId: string): Promise<{ number: number | null; departmentId: string | null; assigneeId: string | null } | null> {
    const [row] = await manager.query<{ number: number | null; departmentId: string | null; assigneeId: string | null }[]>(
      `SELECT number::int AS number, department_id AS "departmentId", assignee_id AS "assigneeId" FROM appeals WHERE id = $1`,
      [appealId],
    );
    return row ?? null;
  }

  /**
   * The departments whose queues show each appeal now (the handling one and the one overseeing an
   * escalation), for the live queue feed; appeals gone meanwhile are left out.
   */
  async queueDepartmentsOf(appealIds: readonly string[], manager: EntityManager = this.own.manager): Promise<Map<string, { number: number | null; departments: string[] }>> {
    if (appealIds.length === 0) return new Map();
    const rows = await manager.query<{ id: string; number: string | null; department_id: string | null; escalated_to_department_id: string | null }[]>(
      `SELECT id, number, department_id, escalated_to_department_id FROM appeals WHERE id = ANY($1::uuid[]) AND status <> 'draft'`,
      [[...new Set(appealIds)]],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { number: r.number === null ? null : Number(r.number), departments: [r.department_id, r.escalated_to_department_id].filter((d): d is string => d !== null) },
      ]),
    );
  }

  /** Whether a message of the thread is one the citizen may read (not an internal note). */
  async citizenMaySee(manager: EntityManager, messageId: string): Promise<boolean> {
    const [row] = await manager.query<{ internal: boolean }[]>(`SELECT internal FROM appeal_messages WHERE id = $1`, [messageId]);
    return row !== undefined && !row.internal;
  }

  private async canSee(actor: Actor, appeal: Appeal, manager: EntityManager): Promise<boolean> {
    if (actor.role === Role.Citizen) return appeal.citizenId === actor.userId;
    if (appeal.status === AppealStatus.Draft || !appeal.departmentId) return false;
    const scope = await this.departmentScope(actor, manager);
    return scope.includes(appeal.departmentId) || (appeal.escalatedToDepartmentId !== null && scope.includes(appeal.escalatedToDepartmentId));
  }
}
