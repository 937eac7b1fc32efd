import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored objects whose rows are gone and which must be removed from storage (local or S3). The
 * row goes in with the change that removes the attachment (retention destroying an appeal), in
 * the same transaction; housekeeping deletes the object, then the row, so a failed delete is
 * retried and no personal file outlives its appeal.
 */
export class StoragePurges1764800000000 implements MigrationInterface {
  name = 'StoragePurges1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE storage_purges (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        storage_key text NOT NULL,
        reason text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT storage_purges_pkey PRIMARY KEY (id)
      );
      CREATE INDEX storage_purges_requested ON storage_purges (requested_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE storage_purges`);
  }
}
