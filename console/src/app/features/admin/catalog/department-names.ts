import type { ApiClient, Schemas } from '@otklik/shared/api/client';

/** What an admin screen needs of a department: its id and names (the select and the table cells). */
export type DepartmentName = Pick<Schemas['DepartmentDto'], 'id' | 'nameRu' | 'nameEn'>;

/**
 * The departments an admin screen names. Admins read the admin list; a supervisor reads only
 * their subtree there, so they get the staff directory instead: a category or rule pointing
 * outside their subtree still shows a name, not an id. Undefined when the request failed.
 */
export async function departmentNames(api: ApiClient, admin: boolean): Promise<DepartmentName[] | undefined> {
  return (admin ? await api.GET('/api/v1/admin/departments') : await api.GET('/api/v1/staff/departments')).data;
}
