import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The embeddable citizen widget (issue 19), the widget module's table.
 *
 * - widget_origins: the body's sites (web origins) allowed to embed the widget; the public
 *   catalog, CAPTCHA and filing routes answer CORS to these origins only.
 */
export class WidgetOrigins1765400000000 implements MigrationInterface {
  name = 'WidgetOrigins1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE widget_origins (
        origin text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT widget_origins_pkey PRIMARY KEY (origin),
        CONSTRAINT widget_origins_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE widget_origins`);
  }
}
