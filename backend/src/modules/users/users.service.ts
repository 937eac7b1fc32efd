import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES, Role } from '@otklik/shared/domain';
import { AnyActor } from '../../common/http/actor';
import { DomainError, NotFoundError } from '../../common/problem/domain-error';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { DepartmentTree } from './department-tree.repository';
import { Account, UserAccounts } from './user-accounts.repository';
import { normalizeEmail } from './user.entity';
import { MeDto } from './users.dto';
import { TransactionRunner } from '../../database/transaction-runner';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  fullName: string;
  position?: string | null;
  /** Department id or code; operators and supervisors must belong to one. */
  department?: string | null;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: UserAccounts,
    private readonly departments: DepartmentTree,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async me(userId: string): Promise<MeDto> {
    const user = await this.accounts.findOne({ id: userId });
    if (!user) throw new NotFoundError('user');
    const department = user.departmentId ? await this.departments.get(user.departmentId) : null;
    return MeDto.from(user, department);
  }

  /** Creates an account (CLI, seed); fails with a clear error on a taken e-mail or unknown department. */
  async create(input: NewUser, actor: AnyActor, manager?: EntityManager): Promise<Account> {
    const run = async (m: EntityManager) => {
      let departmentId: string | null = null;
      if (input.department) {
        const department = await this.departments.byIdOrCode(input.department, m);
        if (!department) throw new DomainError(422, 'validation_failed', {}, [{ field: 'department', code: 'not_found', message: `No department "${input.department}"` }]);
        departmentId = department.id;
      } else if (DEPARTMENT_ROLES.includes(input.role)) {
        throw new DomainError(422, 'validation_failed', {}, [{ field: 'department', code: 'required', message: 'Staff must belong to a department' }]);
      }
      const emailNormalized = normalizeEmail(input.email);
      if (await this.accounts.exists({ emailNormalized }, m)) {
        throw new DomainError(409, 'conflict', {}, [{ field: 'email', code: 'taken', message: 'An account with this e-mail exists' }]);
      }
      const user = await this.accounts.insert(m, {
        email: input.email.trim(),
        emailNormalized,
        passwordHash: await this.hasher.hash(input.password),
        role: input.role,
        fullName: input.fullName,
        position: input.position ?? null,
        departmentId,
        active: true,
      });
      await this.audit.record(m, actor, { action: 'user.create', entityType: 'user', entityId: user.id, details: { role: user.role, departmentId } });
      return user;
    };
    return manager ? run(manager) : this.tx.run(run);
  }
}
