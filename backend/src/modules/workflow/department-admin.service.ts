import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/http/actor';
import { DomainError, NotFoundError, ValidationFailedError } from '../../common/problem/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealAccess } from '../appeals/appeal-access.service';
import { AuditService } from '../audit/audit.service';
import { DepartmentInfo, DepartmentTree } from '../users/department-tree.repository';
import { StaffDirectory } from '../users/staff-directory.repository';
import { DepartmentDto } from '../users/users.dto';
import { AdminDepartmentDto, DepartmentInputDto } from './workflow-admin.dto';

export const departmentDto = (d: DepartmentInfo): AdminDepartmentDto => ({
  ...DepartmentDto.from(d),
  autoAssign: d.autoAssign,
  approvalRequiredFor: d.approvalRequiredFor,
  workingHours: d.workingHours ?? null,
  headId: d.headId ?? null,
  retiredAt: d.retiredAt ? new Date(d.retiredAt).toISOString() : null,
});

/** The tree's shape in an audit row's before → after. */
const shapeOf = (d: DepartmentInfo) => ({ code: d.code, nameRu: d.nameRu, nameEn: d.nameEn, parentId: d.parentId, retiredAt: d.retiredAt ? new Date(d.retiredAt).toISOString() : null });

/**
 * The department tree's administration: create, move (no cycles), rename, retire (not while
 * appeals are open there, staff work there or live departments hang below it — the 409 says which).
 * Settings (auto-assignment, approvals, working hours) are WorkflowAdminService.updateDepartment.
 */
@Injectable()
export class DepartmentAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tree: DepartmentTree,
    private readonly staff: StaffDirectory,
    private readonly appeals: AppealAccess,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: DepartmentInputDto): Promise<AdminDepartmentDto> {
    return this.tx.run(async (m) => {
      if (await this.tree.codeTaken(dto.code, m)) throw new DomainError(409, 'conflict', {}, [{ field: 'code', code: 'taken', message: 'A department with this code exists' }]);
      await this.checkParent(m, dto.parentId ?? null, null);
      const department = await this.tree.insert(m, { code: dto.code, nameRu: dto.nameRu, nameEn: dto.nameEn, parentId: dto.parentId ?? null });
      await this.audit.record(m, actor, { action: 'department.create', entityType: 'department', entityId: department.id, change: { before: null, after: shapeOf(department) } });
      return departmentDto(department);
    }).finally(() => this.tree.forget());
  }

  /** A new parent must exist, be live, and not lie in the department's own subtree. */
  async checkParent(m: EntityManager, parentId: string | null, departmentId: string | null): Promise<void> {
    if (!parentId) return;
    const parent = await this.tree.get(parentId, m);
    if (!parent) throw new ValidationFailedError([{ field: 'parentId', code: 'invalid_department', message: 'No such department' }]);
    if (parent.retiredAt) throw new ValidationFailedError([{ field: 'parentId', code: 'department_retired', message: 'The department is retired' }]);
    if (departmentId && (await this.tree.scope(departmentId, m)).includes(parentId)) {
      throw new ValidationFailedError([{ field: 'parentId', code: 'department_cycle', message: 'A department cannot move under itself or its own sub-department' }]);
    }
  }

  async retire(actor: Actor, id: string): Promise<AdminDepartmentDto> {
    return this.tx
      .run(async (m) => {
        const department = await this.tree.get(id, m, { lock: true });
        if (!department) throw new NotFoundError('department');
        if (department.retiredAt) return departmentDto(department);
        if (department.isGeneralPool) throw new DomainError(409, 'department_general_pool');
        const [openAppeals, activeStaff, liveChildren] = await Promise.all([this.appeals.openCountIn(id, m), this.staff.activeIn(id, m), this.tree.liveChildren(id, m)]);
        if (openAppeals > 0 || activeStaff.length > 0 || liveChildren > 0) {
          throw new DomainError(409, 'department_in_use', { openAppeals, activeStaff: activeStaff.length, liveChildren }, [], { openAppeals, activeStaff: activeStaff.length, liveChildren });
        }
        const retiredAt = new Date();
        await this.tree.update(m, id, { retiredAt, autoAssign: false });
        await this.audit.record(m, actor, {
          action: 'department.retire',
          entityType: 'department',
          entityId: id,
          change: { before: { retiredAt: null, autoAssign: department.autoAssign }, after: { retiredAt: retiredAt.toISOString(), autoAssign: false } },
        });
        return departmentDto({ ...department, retiredAt, autoAssign: false });
      })
      .finally(() => this.tree.forget());
  }
}
