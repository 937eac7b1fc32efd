import { sqlList } from '../../../common/sql/literals';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Role, UNANSWERED_STATUSES } from '@otklik/shared/domain';
import { DepartmentTree } from '../../users/department-tree.repository';

export interface Assignee {
  id: string;
  fullName: string;
  position: string | null;
}

/** A possible assignee as the assign dialog lists them: with the open appeals they hold. */
export interface AssigneeOption extends Assignee {
  role: Role.Operator | Role.Supervisor;
  openAppeals: number;
}

/** An assigned appeal is still work on someone's desk until it is answered. */
const OPEN_STATUSES = sqlList(UNANSWERED_STATUSES);

/** Who may be given an appeal, and who is least loaded. */
@Injectable()
export class AssignmentService {
  constructor(private readonly departments: DepartmentTree) {}

  /** An active operator or supervisor of the department (the only people who may hold its appeals). */
  async staffOf(manager: EntityManager, departmentId: string, userId: string): Promise<Assignee | null> {
    const [row] = await manager.query<Assignee[]>(
      `SELECT id, full_name AS "fullName", position FROM users
        WHERE id = $1 AND department_id = $2 AND active AND role IN ($3, $4)`,
      [userId, departmentId, Role.Operator, Role.Supervisor],
    );
    return row ?? null;
  }

  /**
   * The operator of the department with the fewest open appeals (ties by id, so the choice is
   * stable), when the department assigns automatically; null otherwise.
   */
  async autoAssignee(manager: EntityManager, departmentId: string | null): Promise<Assignee | null> {
    // Few departments assign automatically: the process's copy of the tree answers (DepartmentTree.byId), not a round trip per appeal.
    if (!departmentId || !(await this.departments.byId()).get(departmentId)?.autoAssign) return null;
    const [row] = await manager.query<Assignee[]>(
      `SELECT u.id, u.full_name AS "fullName", u.position
         FROM departments d
         JOIN users u ON u.department_id = d.id AND u.active AND u.role = $2
         LEFT JOIN LATERAL (
           SELECT count(*) AS open FROM appeals a
            WHERE a.assignee_id = u.id AND a.status IN (${OPEN_STATUSES})
         ) load ON true
        WHERE d.id = $1 AND d.auto_assign
        ORDER BY load.open ASC, u.id ASC
        LIMIT 1`,
      [departmentId, Role.Operator],
    );
    return row ?? null;
  }

  /** Everyone who may hold the department's appeals, least loaded first. */
  async options(manager: EntityManager, departmentId: string): Promise<AssigneeOption[]> {
    const rows = await manager.query<(Omit<AssigneeOption, 'openAppeals'> & { openAppeals: string })[]>(
      `SELECT u.id, u.full_name AS "fullName", u.position, u.role, load.open AS "openAppeals"
         FROM users u
         LEFT JOIN LATERAL (
           SELECT count(*) AS open FROM appeals a WHERE a.assignee_id = u.id AND a.status IN (${OPEN_STATUSES})
         ) load ON true
        WHERE u.department_id = $1 AND u.active AND u.role IN ($2, $3)
        ORDER BY load.open ASC, u.full_name ASC, u.id ASC`,
      [departmentId, Role.Operator, Role.Supervisor],
    );
    return rows.map((r) => ({ ...r, openAppeals: Number(r.openAppeals) }));
  }
}
