import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The retention rule an admin sets at run time (issue 16, operations): one row, absent until the
 * first change, RETENTION_YEARS / RETENTION_MODE applying meanwhile.
 */
export class RetentionSettings1765480000302 implements MigrationInterface {
  name = 'RetentionSettings1765480000302';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE retention_settings (
        id boolean NOT NULL DEFAULT true,
        years integer NOT NULL,
        mode text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_by uuid,
        CONSTRAINT retention_settings_pkey PRIMARY KEY (id),
        CONSTRAINT retention_settings_singleton_check CHECK (id),
        CONSTRAINT retention_settings_years_check CHECK (years BETWEEN 1 AND 75),
        CONSTRAINT retention_settings_mode_check CHECK (mode IN ('anonymise', 'delete')),
        CONSTRAINT retention_settings_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE retention_settings`);
  }
}
