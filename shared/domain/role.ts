/** Platform roles. Staff roles belong to a department. */
export enum Role {
  Citizen = 'citizen',
  Operator = 'operator',
  Supervisor = 'supervisor',
  Admin = 'admin',
}

export const ROLES: readonly Role[] = Object.values(Role);
export const STAFF_ROLES: readonly Role[] = [Role.Operator, Role.Supervisor, Role.Admin];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
