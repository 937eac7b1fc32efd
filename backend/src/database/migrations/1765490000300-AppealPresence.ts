import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who has an appeal's card open in the console, and whether they are writing (issue 15: «another
 * operator viewing or replying shows on the row»). Live state shared by every API process, kept
 * alive by the card's heartbeat and gone when it stops (expires_at). UNLOGGED: nothing here is
 * worth a WAL write per heartbeat or survives a crash usefully — after one the table is empty and
 * the open cards put themselves back with their next heartbeat.
 */
export class AppealPresence1765490000300 implements MigrationInterface {
  name = 'AppealPresence1765490000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE appeal_presence (
        appeal_id uuid NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        user_name text NOT NULL,
        activity text NOT NULL CHECK (activity IN ('viewing', 'replying')),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (appeal_id, user_id)
      )`);
    await q.query('CREATE INDEX appeal_presence_expires_at ON appeal_presence (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE appeal_presence');
  }
}
