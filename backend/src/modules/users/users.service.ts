import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES, Role } from '@otklik/shared/domain';
import { AnyActor } from '../../common/http/actor';
import { DomainError, NotFoundError } from '../../common/problem/domain-error';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { Department } from './department.entity';
import { normalizeEmail, User } from './user.entity';
import { MeDto } from './users.dto';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  fullName: string;
  position?: string | null;
  /** Department id or code; operators and supervisors must belong to one. */
  department?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async me(userId: string): Promise<MeDto> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new NotFoundError('user');
    const department = user.departmentId ? await this.dataSource.getRepository(Department).findOneBy({ id: user.departmentId }) : null;
    return MeDto.from(user, department);
  }

  async findDepartment(manager: EntityManager, idOrCode: string): Promise<Department | null> {
    return manager.findOneBy(Department, UUID.test(idOrCode) ? { id: idOrCode } : { code: idOrCode });
  }

  /** Creates an account (CLI, seed); fails with a clear error on a taken e-mail or unknown department. */
  async create(input: NewUser, actor: AnyActor, manager?: EntityManager): Promise<User> {
    const run = async (m: EntityManager) => {
      let departmentId: string | null = null;
      if (input.department) {
        const department = await this.findDepartment(m, input.department);
        if (!department) throw new DomainError(422, 'validation_failed', {}, [{ field: 'department', code: 'not_found', message: `No department "${input.department}"` }]);
        departmentId = department.id;
      } else if (DEPARTMENT_ROLES.includes(input.role)) {
        throw new DomainError(422, 'validation_failed', {}, [{ field: 'department', code: 'required', message: 'Staff must belong to a department' }]);
      }
      const emailNormalized = normalizeEmail(input.email);
      if (await m.existsBy(User, { emailNormalized })) {
        throw new DomainError(409, 'conflict', {}, [{ field: 'email', code: 'taken', message: 'An account with this e-mail exists' }]);
      }
      const user = m.create(User, {
        email: input.email.trim(),
        emailNormalized,
        passwordHash: await this.hasher.hash(input.password),
        role: input.role,
        fullName: input.fullName,
        position: input.position ?? null,
        departmentId,
        active: true,
      });
      await m.insert(User, user);
      await this.audit.record(m, actor, { action: 'user.create', entityType: 'user', entityId: user.id, details: { role: user.role, departmentId } });
      return user;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}
