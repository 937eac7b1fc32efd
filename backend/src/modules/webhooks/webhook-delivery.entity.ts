import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WebhookSubscription } from './webhook-subscription.entity';

/** pending: to be sent (again); delivered: the receiver answered 2xx; dead: retries ran out (or a replay is asked). */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'dead';

/**
 * One event to one subscription: the work item (leased by a sender, retried with the backbone's
 * back-off until `retryUntil`) and its record in the subscription's delivery log. Its id is the
 * `webhook-id`; `eventId` is null for a test event.
 */
@Entity('webhook_deliveries')
@Unique('webhook_deliveries_event_subscription_key', ['eventId', 'subscriptionId'])
@Check('webhook_deliveries_status_check', `status IN ('pending', 'delivered', 'dead')`)
// Ordered and partial indexes, written in the migration.
@Index('webhook_deliveries_log_idx', { synchronize: false })
@Index('webhook_deliveries_due_idx', { synchronize: false })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_deliveries_pkey' }) id: string;
  @ForeignKey(() => WebhookSubscription, { name: 'webhook_deliveries_subscription_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'subscription_id', type: 'uuid' }) subscriptionId: string;
  @Column({ name: 'event_id', type: 'bigint', nullable: true }) eventId: string | null;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text', default: 'pending' }) status: WebhookDeliveryStatus;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' }) nextAttemptAt: Date;
  @Column({ name: 'retry_until', type: 'timestamptz' }) retryUntil: Date;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true }) lastAttemptAt: Date | null;
  @Column({ name: 'last_status_code', type: 'integer', nullable: true }) lastStatusCode: number | null;
  @Column({ name: 'last_duration_ms', type: 'integer', nullable: true }) lastDurationMs: number | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @Column({ type: 'integer', default: 0 }) replays: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
