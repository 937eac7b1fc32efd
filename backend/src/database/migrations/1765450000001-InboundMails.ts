import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail intake (issue 18, part A), the mail-intake module's table.
 *
 * - inbound_mails: each mail the intake SMTP listener accepted, encrypted, with what became of it
 *   (an appeal, a message in a thread, or an answer to the sender); the same Message-ID is stored
 *   once. Pending mails are the ones whose `mail.received` event is still being processed.
 */
export class InboundMails1765450000001 implements MigrationInterface {
  name = 'InboundMails1765450000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbound_mails (
        id uuid NOT NULL,
        message_key text NOT NULL,
        raw_encrypted text,
        size integer NOT NULL,
        received_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        outcome jsonb,
        processed_at timestamptz,
        CONSTRAINT inbound_mails_pkey PRIMARY KEY (id),
        CONSTRAINT inbound_mails_message_key_key UNIQUE (message_key),
        CONSTRAINT inbound_mails_status_check CHECK (status IN ('pending', 'filed', 'replied', 'refused'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbound_mails`);
  }
}
