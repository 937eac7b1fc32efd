import { Role } from '@otklik/shared/domain';
import { Principal } from '../../common/http/actor';
import { DepartmentTree } from './department-tree.repository';

/**
 * Whose configuration a staff member reads in the administration: admins every department's,
 * a supervisor their own department's subtree (read-only: only admins change configuration),
 * anyone else none.
 */
export async function configScope(actor: Principal, tree: DepartmentTree): Promise<'all' | ReadonlySet<string>> {
  if (actor.role === Role.Admin) return 'all';
  return new Set(actor.role === Role.Supervisor && actor.departmentId ? await tree.scope(actor.departmentId) : []);
}

/**
 * The department-scoped rows within the scope. A row for every department (departmentId null)
 * applies to the supervisor's departments too, so they read it.
 */
export function withinScope<T extends { departmentId: string | null }>(rows: T[], scope: 'all' | ReadonlySet<string>): T[] {
  if (scope === 'all') return rows;
  return rows.filter((r) => r.departmentId === null || scope.has(r.departmentId));
}
