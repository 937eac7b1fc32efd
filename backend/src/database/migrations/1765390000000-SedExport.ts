import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The document-management (СЭД) export (issue 19).
 *
 * - appeals.transferred_to_sed_at / sed_registration_number: the appeals module's record that the
 *   body's СЭД accepted the appeal (a receipt named it), with the number the СЭД registered it under.
 * - sed_export_packages (sed-export module): one row per package written out in full. The row is
 *   inserted only after every file of the package is in place, so a crash leaves no row and the
 *   next run writes the same window again; `window_to` of the newest row is the watermark (the
 *   next package takes what was registered or answered after it).
 * - sed_export_receipts (sed-export module): one row per receipt file applied, so a receipt is
 *   applied once whatever happens to the file afterwards.
 */
export class SedExport1765390000000 implements MigrationInterface {
  name = 'SedExport1765390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals ADD COLUMN transferred_to_sed_at timestamptz, ADD COLUMN sed_registration_number text;

      CREATE TABLE sed_export_packages (
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        window_from timestamptz,
        window_to timestamptz NOT NULL,
        target text NOT NULL,
        location text NOT NULL,
        appeal_count integer NOT NULL,
        answer_count integer NOT NULL,
        file_count integer NOT NULL,
        appeal_numbers bigint[] NOT NULL,
        manifest_sha256 text NOT NULL,
        status text NOT NULL DEFAULT 'exported',
        acknowledged_at timestamptz,
        created_by uuid,
        CONSTRAINT sed_export_packages_pkey PRIMARY KEY (id),
        CONSTRAINT sed_export_packages_status_check CHECK (status IN ('exported', 'acknowledged')),
        CONSTRAINT sed_export_packages_target_check CHECK (target IN ('dir', 's3')),
        CONSTRAINT sed_export_packages_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
      );
      CREATE INDEX sed_export_packages_window_to_idx ON sed_export_packages (window_to DESC);

      CREATE TABLE sed_export_receipts (
        package_id uuid NOT NULL,
        processed_at timestamptz NOT NULL,
        accepted_count integer NOT NULL,
        unknown_numbers bigint[] NOT NULL,
        CONSTRAINT sed_export_receipts_pkey PRIMARY KEY (package_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE sed_export_receipts;
      DROP TABLE sed_export_packages;
      ALTER TABLE appeals DROP COLUMN sed_registration_number, DROP COLUMN transferred_to_sed_at;
    `);
  }
}
