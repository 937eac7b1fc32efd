import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Who hears of an overdue appeal in a department: its supervisors, or the nearest ancestor's. */
export interface DepartmentRouting {
  heads: string[];
  headsDepartmentId: string | null;
  parentId: string | null;
}

/** The department tree as the scheduler climbs it to find who hears of a late appeal. */
@Injectable()
export class DepartmentHeads {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Department head of every department: its active supervisors, else the nearest ancestor's. */
  async routing(): Promise<Record<string, DepartmentRouting>> {
    const rows = await this.dataSource.query<{ id: string; parent_id: string | null; heads: string[] }[]>(
      `SELECT d.id, d.parent_id, coalesce(array_agg(u.id ORDER BY u.id) FILTER (WHERE u.id IS NOT NULL), '{}') AS heads
         FROM departments d LEFT JOIN users u ON u.department_id = d.id AND u.role = 'supervisor' AND u.active
        GROUP BY d.id`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const routing: Record<string, DepartmentRouting> = {};
    for (const row of rows) {
      let at: typeof row | undefined = row;
      const seen = new Set<string>();
      while (at && at.heads.length === 0 && at.parent_id && !seen.has(at.id)) {
        seen.add(at.id);
        at = byId.get(at.parent_id);
      }
      const found = at && at.heads.length > 0 ? at : undefined;
      routing[row.id] = { heads: found?.heads ?? [], headsDepartmentId: found?.id ?? null, parentId: row.parent_id };
    }
    return routing;
  }
}
