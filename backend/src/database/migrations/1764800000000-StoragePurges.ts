import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored objects to remove from storage (local or S3), each after `not_before`:
 * - retention: the row goes in with the statement that destroys the appeal's attachments, so no
 *   personal file outlives its appeal;
 * - uploads: a row is written before an object is stored and deleted in the transaction that
 *   records the attachment, so an object whose upload died in between (crash, lost database) is
 *   removed an hour later instead of staying orphaned.
 * Housekeeping deletes the object, then the row, so a failed delete is retried.
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
        not_before timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT storage_purges_pkey PRIMARY KEY (id)
      );
      CREATE INDEX storage_purges_due ON storage_purges (not_before);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE storage_purges`);
  }
}
