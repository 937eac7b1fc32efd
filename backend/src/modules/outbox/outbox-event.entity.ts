import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A domain event written in the same transaction as the change it reports. */
@Entity('outbox')
@Index('outbox_pending', { synchronize: false })
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'outbox_pkey' }) id: string;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  /** The payload's version (DOMAIN_EVENT_VERSIONS). */
  @Column({ type: 'smallint', default: 1 }) version: number;
  @Column({ name: 'aggregate_type', type: 'text' }) aggregateType: string;
  @Column({ name: 'aggregate_id', type: 'uuid' }) aggregateId: string;
  @Column({ type: 'jsonb' }) payload: Record<string, any>;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()', insert: false }) createdAt: Date;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}
