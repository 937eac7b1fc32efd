import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppealType } from '@otklik/shared/domain';
import { Appeal } from './appeal.entity';

/** What the routing replay looks at of a past appeal: the facts routing reads, and where it is now. */
export interface RoutingSample {
  id: string;
  number: number;
  type: AppealType;
  categoryId: string;
  subcategoryId: string | null;
  subject: string;
  body: string;
  extraFields: Record<string, unknown>;
  departmentId: string | null;
  registeredAt: Date;
}

/**
 * The appeals registered since a moment, newest first, at most `limit`: the routing replay's
 * sample (workflow cannot read the appeals table itself; it sits below the appeals module).
 * One index range scan on appeals_registered (registered_at DESC), stopped by the LIMIT: the
 * cost is bounded by `limit` rows whatever the table's size.
 */
@Injectable()
export class AppealRoutingSamples {
  constructor(@InjectRepository(Appeal) private readonly own: Repository<Appeal>) {}

  async since(from: Date, limit: number): Promise<RoutingSample[]> {
    const rows = await this.own.manager.query<
      { id: string; number: string; type: AppealType; category_id: string; subcategory_id: string | null; subject: string; body: string; extra_fields: Record<string, unknown>; department_id: string | null; registered_at: Date }[]
    >(
      `SELECT id, number, type, category_id, subcategory_id, subject, body, extra_fields, department_id, registered_at
         FROM appeals
        WHERE registered_at IS NOT NULL AND registered_at >= $1
        ORDER BY registered_at DESC
        LIMIT $2`,
      [from, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      number: Number(r.number),
      type: r.type,
      categoryId: r.category_id,
      subcategoryId: r.subcategory_id,
      subject: r.subject,
      body: r.body,
      extraFields: r.extra_fields ?? {},
      departmentId: r.department_id,
      registeredAt: new Date(r.registered_at),
    }));
  }
}
