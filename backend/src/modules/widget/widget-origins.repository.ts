import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Every allowed origin: the deployment-wide list and each body's. */
export interface OriginLists {
  defaults: Set<string>;
  byBody: Map<string, Set<string>>;
  /** Every origin some list names (the CORS answer of the widget's routes, on every such request). */
  any: Set<string>;
}

/** The widget module's tables, `widget_origins` and `widget_body_origins` (all their SQL here). */
@Injectable()
export class WidgetOriginsStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await manager.query<{ origin: string }[]>(`SELECT origin FROM widget_origins ORDER BY origin`);
    return rows.map((r) => r.origin);
  }

  /** Replaces the whole deployment-wide list (the admin edits it as one setting). */
  async replace(manager: EntityManager, origins: string[], createdBy: string | null): Promise<void> {
    await manager.query(`DELETE FROM widget_origins WHERE NOT (origin = ANY($1::text[]))`, [origins]);
    if (origins.length) {
      await manager.query(`INSERT INTO widget_origins (origin, created_by) SELECT unnest($1::text[]), $2 ON CONFLICT (origin) DO NOTHING`, [origins, createdBy]);
    }
  }

  async listForBody(bodyId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await manager.query<{ origin: string }[]>(`SELECT origin FROM widget_body_origins WHERE body_id = $1 ORDER BY origin`, [bodyId]);
    return rows.map((r) => r.origin);
  }

  /** Replaces one body's list. */
  async replaceForBody(manager: EntityManager, bodyId: string, origins: string[], createdBy: string | null): Promise<void> {
    await manager.query(`DELETE FROM widget_body_origins WHERE body_id = $1 AND NOT (origin = ANY($2::text[]))`, [bodyId, origins]);
    if (origins.length) {
      await manager.query(
        `INSERT INTO widget_body_origins (body_id, origin, created_by) SELECT $1, unnest($2::text[]), $3 ON CONFLICT (body_id, origin) DO NOTHING`,
        [bodyId, origins, createdBy],
      );
    }
  }

  /** Both lists at once (what the CORS and filing checks keep in memory). */
  async all(): Promise<OriginLists> {
    const [defaults, rows] = await Promise.all([
      this.list(),
      this.db.query<{ body_id: string; origin: string }[]>(`SELECT body_id, origin FROM widget_body_origins`),
    ]);
    const byBody = new Map<string, Set<string>>();
    for (const r of rows) byBody.set(r.body_id, (byBody.get(r.body_id) ?? new Set()).add(r.origin));
    return { defaults: new Set(defaults), byBody, any: new Set([...defaults, ...rows.map((r) => r.origin)]) };
  }
}
