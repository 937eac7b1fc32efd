import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { Channel, Locale, NoticeKind } from '../catalogue/notice-kinds';

export type Digest = 'off' | 'hourly' | 'daily';
/** Only what the user changed: kind → channel → on/off; the rest follows NOTICE_KIND_SPECS' defaults. */
export type ChannelOverrides = Partial<Record<NoticeKind, Partial<Record<Channel, boolean>>>>;

/** A user's notification settings; no row means the defaults. */
@Entity('notification_preferences')
@Check('notification_preferences_locale_check', `locale IN ('ru', 'en')`)
@Check('notification_preferences_digest_check', `digest IN ('off', 'hourly', 'daily')`)
export class NotificationPreference {
  @ForeignKey('User', { name: 'notification_preferences_user_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'notification_preferences_pkey' }) userId: string;
  @Column({ type: 'text', default: 'ru' }) locale: Locale;
  @Column({ name: 'time_zone', type: 'text', default: 'Europe/Moscow' }) timeZone: string;
  /** Quiet hours, local 'HH:MM' (both set or both null). */
  @Column({ name: 'quiet_from', type: 'text', nullable: true }) quietFrom: string | null;
  @Column({ name: 'quiet_to', type: 'text', nullable: true }) quietTo: string | null;
  @Column({ type: 'text', default: 'off' }) digest: Digest;
  @Column({ type: 'jsonb', default: () => "'{}'" }) channels: ChannelOverrides;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
