import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../../common/problem/domain-error';
import type { Appeal } from '../../appeals/appeal.repository';
import { DepartmentInfo, DepartmentTree } from '../../users/department-tree.repository';

/**
 * Escalation: the department above the handling one oversees the appeal from then on (its
 * «escalated to us» view), the handling department keeps working on it. One effect for the
 * citizen's «Эскалация» and the staff action escalate (the overdue tick does the same in SQL).
 */
@Injectable()
export class Escalation {
  constructor(private readonly departments: DepartmentTree) {}

  /** Flags the appeal escalated to `toDepartmentId` (an earlier target stays: it was escalated once). */
  mark(appeal: Appeal, toDepartmentId: string | null, now: Date): void {
    appeal.escalated = true;
    appeal.escalatedAt = now;
    appeal.escalatedToDepartmentId ??= toDepartmentId;
  }

  /**
   * Who is told of the escalation (escalated_to_department): the target department's head, else its
   * supervisors, else the nearest ancestor's — the rule the overdue tick tells the heads by.
   */
  async headsOf(departmentId: string | null): Promise<string[]> {
    return departmentId ? ((await this.departments.headsRouting())[departmentId]?.heads ?? []) : [];
  }

  /** The handling department's parent (null at the top of the tree, or with no department). */
  async parentOf(manager: EntityManager, departmentId: string | null): Promise<DepartmentInfo | null> {
    const parentId = departmentId ? (await this.departments.get(departmentId, manager))?.parentId : null;
    return parentId ? this.departments.get(parentId, manager) : null;
  }

  /** Staff escalate only upwards: a department at the top has nobody above it (409 no_parent_department). */
  async parentOrRefuse(manager: EntityManager, departmentId: string | null): Promise<DepartmentInfo> {
    const parent = await this.parentOf(manager, departmentId);
    if (!parent) throw new DomainError(409, 'no_parent_department');
    return parent;
  }
}
