import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Channel, NoticeKind } from '../catalogue/notice-kinds';

/**
 * pending: waits for its channel; held: quiet hours, sent in the morning; digest: goes out in the
 * recipient's next digest; sent: the provider accepted it; delivered/failed: the provider's
 * receipt; dead: attempts spent, or nowhere to send it.
 */
export const DELIVERY_STATES = ['pending', 'held', 'digest', 'sent', 'delivered', 'failed', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * One notice on one channel to one recipient: the key (event, recipient, channel) makes a
 * redelivered event add nothing, and the row is the channel's work item — leased by a sender,
 * retried with back-off, dead after the last attempt — and its record: where, when, the
 * provider's id and the delivery receipt. A contact recipient is the address given with an
 * appeal filed without an account (its id is the appeal's).
 */
@Entity('notification_deliveries')
@Unique('notification_deliveries_event_recipient_channel_key', ['eventId', 'recipientId', 'channel'])
@Check('notification_deliveries_channel_check', `channel IN ('in_app', 'email', 'sms', 'push')`)
@Check('notification_deliveries_recipient_kind_check', `recipient_kind IN ('user', 'contact')`)
@Check('notification_deliveries_status_check', `status IN ('pending', 'held', 'digest', 'sent', 'delivered', 'failed', 'dead')`)
@Index('notification_deliveries_due_idx', { synchronize: false })
@Index('notification_deliveries_digest_idx', { synchronize: false })
@Index('notification_deliveries_appeal_idx', { synchronize: false })
@Index('notification_deliveries_provider_idx', { synchronize: false })
@Index('notification_deliveries_dead_idx', { synchronize: false })
export class NotificationDelivery {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'notification_deliveries_pkey' }) id: string;
  @Column({ name: 'event_id', type: 'bigint' }) eventId: string;
  @Column({ name: 'recipient_id', type: 'uuid' }) recipientId: string;
  @Column({ name: 'recipient_kind', type: 'text', default: 'user' }) recipientKind: 'user' | 'contact';
  @Column({ type: 'text' }) channel: Channel;
  @Column({ type: 'text' }) kind: NoticeKind | 'legacy';
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ name: 'appeal_id', type: 'uuid', nullable: true }) appealId: string | null;
  @Column({ type: 'text' }) status: DeliveryState;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' }) nextAttemptAt: Date;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  /** Where it went, masked (+7 916 ***-**-67, i***@mail.ru, a device). */
  @Column({ type: 'text', nullable: true }) address: string | null;
  /** The rendered message with its full address, encrypted (personal data). */
  @Column({ name: 'content_encrypted', type: 'text', nullable: true }) contentEncrypted: string | null;
  @Column({ type: 'text', nullable: true }) provider: string | null;
  @Column({ name: 'provider_id', type: 'text', nullable: true }) providerId: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'receipt_status', type: 'text', nullable: true }) receiptStatus: string | null;
  @Column({ name: 'receipt_at', type: 'timestamptz', nullable: true }) receiptAt: Date | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
