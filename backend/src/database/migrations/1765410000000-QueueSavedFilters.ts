import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operator console's saved queue views (issue 15), the appeals module's table.
 *
 * - queue_saved_filters: a staff member's named filters of the queue (view, status, type, search,
 *   sort), unique by name per user, removed with the account.
 */
export class QueueSavedFilters1765410000000 implements MigrationInterface {
  name = 'QueueSavedFilters1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE queue_saved_filters (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        name text NOT NULL,
        filters jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT queue_saved_filters_pkey PRIMARY KEY (id),
        CONSTRAINT queue_saved_filters_user_name_key UNIQUE (user_id, name),
        CONSTRAINT queue_saved_filters_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE queue_saved_filters`);
  }
}
