import { EntityManager } from 'typeorm';
import { Role } from '@otklik/shared/domain';

export type BudgetSide = 'citizen' | 'staff';

/** The citizen's files and the staff's files of an appeal count against separate budgets. */
export function budgetSide(role: Role): BudgetSide {
  return role === Role.Citizen ? 'citizen' : 'staff';
}

/** Files and bytes already bound to the appeal on one side. */
export async function appealBudget(manager: EntityManager, appealId: string, side: BudgetSide): Promise<{ files: number; bytes: number }> {
  const [row] = await manager.query<{ files: number; bytes: string }[]>(
    `SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes
       FROM attachments WHERE appeal_id = $1 AND (owner_role = 'citizen') = $2`,
    [appealId, side === 'citizen'],
  );
  return { files: row.files, bytes: Number(row.bytes) };
}
