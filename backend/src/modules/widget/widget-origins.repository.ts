import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The widget module's table, `widget_origins` (all its SQL here). */
@Injectable()
export class WidgetOriginsStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<string[]> {
    const rows = await this.db.query<{ origin: string }[]>(`SELECT origin FROM widget_origins ORDER BY origin`);
    return rows.map((r) => r.origin);
  }

  /** Replaces the whole list (the admin edits it as one setting). */
  async replace(manager: EntityManager, origins: string[], createdBy: string | null): Promise<void> {
    await manager.query(`DELETE FROM widget_origins WHERE NOT (origin = ANY($1::text[]))`, [origins]);
    if (origins.length) {
      await manager.query(`INSERT INTO widget_origins (origin, created_by) SELECT unnest($1::text[]), $2 ON CONFLICT (origin) DO NOTHING`, [origins, createdBy]);
    }
  }
}
