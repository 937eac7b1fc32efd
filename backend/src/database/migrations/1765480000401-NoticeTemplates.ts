import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification templates (issue 16): an admin's text for a notice kind × channel × language, in
 * place of the built-in one. No row means the built-in text; the audit trail keeps every change.
 */
export class NoticeTemplates1765480000401 implements MigrationInterface {
  name = 'NoticeTemplates1765480000401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_templates (
        kind text NOT NULL,
        channel text NOT NULL,
        locale text NOT NULL,
        subject text,
        body text NOT NULL,
        version integer NOT NULL DEFAULT '1',
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        CONSTRAINT notification_templates_subject_check CHECK ((channel = 'sms') = (subject IS NULL)),
        CONSTRAINT notification_templates_locale_check CHECK (locale IN ('ru', 'en')),
        CONSTRAINT notification_templates_channel_check CHECK (channel IN ('in_app', 'email', 'sms', 'push')),
        CONSTRAINT notification_templates_pkey PRIMARY KEY (kind, channel, locale),
        CONSTRAINT notification_templates_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES users(id) ON DELETE SET NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_templates`);
  }
}
