import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { Channel, Locale, NoticeKind } from '../catalogue/notice-kinds';

/**
 * An admin's text for one notice kind on one channel in one language, used in place of the
 * built-in one (catalogue/texts-*.ts). No row: the built-in text. `version` counts the saves since
 * the built-in text was last in use; the audit trail keeps each change before → after.
 */
@Entity('notification_templates')
@Check('notification_templates_channel_check', `channel IN ('in_app', 'email', 'sms', 'push')`)
@Check('notification_templates_locale_check', `locale IN ('ru', 'en')`)
@Check('notification_templates_subject_check', `(channel = 'sms') = (subject IS NULL)`)
export class NoticeTemplateOverride {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'notification_templates_pkey' }) kind: NoticeKind;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'notification_templates_pkey' }) channel: Channel;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'notification_templates_pkey' }) locale: Locale;
  @Column({ type: 'text', nullable: true }) subject: string | null;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
  @ForeignKey('User', { name: 'notification_templates_updated_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
}
