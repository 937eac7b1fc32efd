import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A domain event written in the same transaction as the change it reports. */
@Entity('outbox')
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'event_type' }) eventType: string;
  @Column({ name: 'aggregate_type' }) aggregateType: string;
  @Column({ name: 'aggregate_id', type: 'uuid' }) aggregateId: string;
  @Column({ type: 'jsonb' }) payload: Record<string, any>;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false }) createdAt: Date;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}
