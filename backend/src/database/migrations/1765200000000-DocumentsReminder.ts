import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen is reminded once of documents they were asked for (`appeal.documents_due_soon`):
 * `documents_reminded_for` holds the due date the reminder was about, so a new request with a new
 * date earns a new reminder and the SLA tick's statement selects only what is still to do. The
 * partial index keeps that statement to the appeals waiting for documents.
 */
export class DocumentsReminder1765200000000 implements MigrationInterface {
  name = 'DocumentsReminder1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals ADD COLUMN documents_reminded_for date;
      CREATE INDEX appeals_documents_due ON appeals (documents_due_on) WHERE status = 'awaiting_citizen';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX appeals_documents_due;
      ALTER TABLE appeals DROP COLUMN documents_reminded_for;
    `);
  }
}
