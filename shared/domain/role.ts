/** Platform roles. Staff roles belong to a department. */
export enum Role {
  Citizen = 'citizen',
  Operator = 'operator',
  Supervisor = 'supervisor',
  Admin = 'admin',
  /** Reads the audit log and nothing else. */
  Auditor = 'auditor',
}

export const ROLES: readonly Role[] = Object.values(Role);
export const STAFF_ROLES: readonly Role[] = [Role.Operator, Role.Supervisor, Role.Admin, Role.Auditor];
/** Roles whose scope is a department (and, for a supervisor, its sub-departments). */
export const DEPARTMENT_ROLES: readonly Role[] = [Role.Operator, Role.Supervisor];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
