import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue administration and the calendar import (issue 16, part A).
 *
 * - category_schema_versions (catalog): every extra-field JSON Schema a category has had, by
 *   version; categories.schema_version names the current one. The schemas the categories hold
 *   today become their version 1.
 * - appeals.extra_fields_schema_version: the version of the schema an appeal was filed under
 *   (its subcategory's when that has one, else its category's); null when it had none. Appeals
 *   filed before this migration under a schema are marked version 1 (the schema they were
 *   validated against is that version).
 * - appeals_registered: the routing replay reads the appeals registered in the last N days.
 * - production_calendar_years.shortened / holidays: pre-holiday shortened working days (an hour
 *   shorter) and which of the non-working days are public holidays (the rest are days off by a
 *   transfer), as the xmlcalendar formats say.
 */
export class CategoryAdmin1765430000000 implements MigrationInterface {
  name = 'CategoryAdmin1765430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE category_schema_versions (
        category_id uuid NOT NULL,
        version integer NOT NULL,
        schema jsonb NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT category_schema_versions_pkey PRIMARY KEY (category_id, version),
        CONSTRAINT category_schema_versions_version_check CHECK (version > 0),
        CONSTRAINT category_schema_versions_category_id_fkey FOREIGN KEY (category_id) REFERENCES categories(id) ON DELETE CASCADE,
        CONSTRAINT category_schema_versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
      )`);
    await q.query(`ALTER TABLE categories ADD COLUMN schema_version integer`);
    await q.query(`INSERT INTO category_schema_versions (category_id, version, schema) SELECT id, 1, extra_fields_schema FROM categories WHERE extra_fields_schema IS NOT NULL`);
    await q.query(`UPDATE categories SET schema_version = 1 WHERE extra_fields_schema IS NOT NULL`);
    await q.query(`ALTER TABLE appeals ADD COLUMN extra_fields_schema_version integer`);
    await q.query(`
      UPDATE appeals a SET extra_fields_schema_version = 1
       WHERE EXISTS (SELECT 1 FROM categories c WHERE c.id IN (a.category_id, a.subcategory_id) AND c.extra_fields_schema IS NOT NULL)`);
    await q.query(`CREATE INDEX appeals_registered ON appeals (registered_at DESC) WHERE registered_at IS NOT NULL`);
    await q.query(`ALTER TABLE production_calendar_years ADD COLUMN shortened date[] NOT NULL DEFAULT '{}', ADD COLUMN holidays date[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE production_calendar_years DROP COLUMN holidays, DROP COLUMN shortened`);
    await q.query(`DROP INDEX appeals_registered`);
    await q.query(`ALTER TABLE appeals DROP COLUMN extra_fields_schema_version`);
    await q.query(`ALTER TABLE categories DROP COLUMN schema_version`);
    await q.query(`DROP TABLE category_schema_versions`);
  }
}
