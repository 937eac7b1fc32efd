import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/problem/domain-error';
import { UserAccounts } from './user-accounts.repository';

/** What other modules may know of a staff member. */
export interface StaffMember {
  id: string;
  fullName: string;
  position: string | null;
  role: string;
  departmentId: string | null;
  active: boolean;
}

/** Names and departments of staff, for the modules that show or assign them (read-only). */
@Injectable()
export class StaffDirectory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: UserAccounts,
  ) {}

  async nameOf(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = await manager.query<{ full_name: string }[]>('SELECT full_name FROM users WHERE id = $1', [userId]);
    return row?.full_name ?? null;
  }

  /**
   * A staff member's position, shown beside their name in the history: from the process's
   * remembered account profile when it has it (UserAccounts, forgotten at a change's NOTIFY, as GET
   * /me shows it) — every staff action asks. Otherwise read: in the caller's transaction
   * (`manager`), never on a second connection from inside one; else through the profile.
   */
  async positionOf(userId: string, manager?: EntityManager): Promise<string | null> {
    if (!manager) {
      const profile = await this.accounts.profile(userId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      return profile?.position ?? null;
    }
    const remembered = this.accounts.rememberedProfile(userId);
    if (remembered) return remembered.position;
    const [row] = await manager.query<{ position: string | null }[]>('SELECT position FROM users WHERE id = $1', [userId]);
    return row?.position ?? null;
  }

  async get(userId: string, manager: EntityManager = this.dataSource.manager): Promise<StaffMember | null> {
    const [row] = await manager.query<StaffMember[]>(
      `SELECT id, full_name AS "fullName", position, role, department_id AS "departmentId", active FROM users WHERE id = $1`,
      [userId],
    );
    return row ?? null;
  }

  /** Active operators and supervisors of a department (who see its queue). */
  async activeIn(departmentId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM users WHERE department_id = $1 AND active AND role IN ('operator', 'supervisor')`,
      [departmentId],
    );
    return rows.map((r) => r.id);
  }

  /** Active admins (who are told of security alerts). */
  async activeAdmins(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id`);
    return rows.map((r) => r.id);
  }

  /** Active supervisors (told of a recurring problem). */
  async activeSupervisors(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM users WHERE role = 'supervisor' AND active ORDER BY id`);
    return rows.map((r) => r.id);
  }

  /** Several active operators and supervisors at once, by name (the employees a citizen may thank). */
  async activeStaffAmong(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<StaffMember[]> {
    if (ids.length === 0) return [];
    return manager.query<StaffMember[]>(
      `SELECT id, full_name AS "fullName", position, role, department_id AS "departmentId", active
         FROM users WHERE id = ANY($1::uuid[]) AND active AND role IN ('operator', 'supervisor') ORDER BY full_name, id`,
      [[...new Set(ids)]],
    );
  }

  /**
   * Names of several users at once (the staff queue's assignees and citizens, who got a notice, the
   * reports' staff): from the process's remembered account profiles (UserAccounts.namesOf, forgotten
   * at a change's NOTIFY). In a transaction (`manager`), read from the table as it stands there.
   */
  async namesOf(ids: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    if (!manager) return this.accounts.namesOf(ids);
    const rows = await manager.query<{ id: string; full_name: string }[]>('SELECT id, full_name FROM users WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.full_name]));
  }
}
