import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Allowed widget origins per body (issue 19). A body is a top-level department (the root of a
 * department tree); the admin lists the sites of each body that may embed the citizen widget.
 * widget_origins stays as the deployment-wide list, allowed for every body.
 *
 * Both tables join the settings that processes keep in memory: a change is announced at commit
 * (NOTIFY otklik_settings_changed, migration 1765480000500), so every API process's CORS and
 * filing checks see it at once.
 */
export class WidgetBodyOrigins1765490000200 implements MigrationInterface {
  name = 'WidgetBodyOrigins1765490000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE widget_body_origins (
        body_id uuid NOT NULL,
        origin text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT widget_body_origins_pkey PRIMARY KEY (body_id, origin),
        CONSTRAINT widget_body_origins_body_id_fkey FOREIGN KEY (body_id) REFERENCES departments(id) ON DELETE CASCADE,
        CONSTRAINT widget_body_origins_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
      )`);
    for (const table of ['widget_origins', 'widget_body_origins']) {
      await q.query(`CREATE TRIGGER ${table}_settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION settings_changed_notify()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER widget_origins_settings_changed ON widget_origins`);
    await q.query(`DROP TABLE widget_body_origins`);
  }
}
