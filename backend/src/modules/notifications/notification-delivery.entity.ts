import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One notice delivered: the key (outbox event, recipient, channel) makes a redelivered event
 * (a retry after a partial failure) skip the recipients it already reached. The recipient is a
 * user, or — for the contact address of an appeal filed without an account — the appeal's id.
 */
@Entity('notification_deliveries')
export class NotificationDelivery {
  @PrimaryColumn({ name: 'event_id', type: 'bigint', primaryKeyConstraintName: 'notification_deliveries_pkey' }) eventId: string;
  @PrimaryColumn({ name: 'recipient_id', type: 'uuid', primaryKeyConstraintName: 'notification_deliveries_pkey' }) recipientId: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'notification_deliveries_pkey' }) channel: string;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ name: 'appeal_id', type: 'uuid', nullable: true }) appealId: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' }) sentAt: Date;
}
