import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An upload an answer draft refers to is held (attachments.held_by = the draft) and outlives the
 * unbound-upload TTL until the draft is approved (bound with the answer) or replaced by a new
 * revision (released). Before, a draft waiting more than a day for its approval lost its file.
 */
export class HeldUploads1765480000501 implements MigrationInterface {
  name = 'HeldUploads1765480000501';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE attachments ADD COLUMN held_by uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE attachments DROP COLUMN held_by');
  }
}
