import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A receiver of domain events (admin-managed): where they go, which ones (event types, and the
 * appeal's department and category when the lists are not empty), and the secret that signs
 * them, encrypted at rest. Disabled by an admin, or by a run of failed attempts.
 */
@Entity('webhook_subscriptions')
@Check('webhook_subscriptions_events_check', 'cardinality(events) > 0')
// A partial GIN index, written in the migration.
@Index('webhook_subscriptions_enabled_idx', { synchronize: false })
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_subscriptions_pkey' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) url: string;
  @Column({ type: 'text', array: true }) events: string[];
  @Column({ name: 'department_ids', type: 'uuid', array: true, default: () => "'{}'" }) departmentIds: string[];
  @Column({ name: 'category_ids', type: 'uuid', array: true, default: () => "'{}'" }) categoryIds: string[];
  @Column({ name: 'secret_encrypted', type: 'text' }) secretEncrypted: string;
  @Column({ name: 'previous_secret_encrypted', type: 'text', nullable: true }) previousSecretEncrypted: string | null;
  @Column({ name: 'previous_secret_until', type: 'timestamptz', nullable: true }) previousSecretUntil: Date | null;
  @Column({ name: 'secret_rotated_at', type: 'timestamptz', nullable: true }) secretRotatedAt: Date | null;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 }) consecutiveFailures: number;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @Column({ name: 'disabled_reason', type: 'text', nullable: true }) disabledReason: string | null;
  @ForeignKey('User', { name: 'webhook_subscriptions_created_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
