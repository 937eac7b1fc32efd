import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** `discarded`: a dead letter an admin chose not to retry; kept (with its event) as a record. */
export type DeliveryStatus = 'pending' | 'done' | 'dead' | 'discarded';

/**
 * The progress of one consumer on one event: created by the relay when it claims the event,
 * leased by whoever runs it, then done, or retried with back-off until it is dead (a dead letter,
 * listed and retried by the CLI and the admin API, or discarded by an admin). One failing consumer blocks nobody else.
 */
@Entity('event_deliveries')
@Index('event_deliveries_due', { synchronize: false })
@Index('event_deliveries_dead', { synchronize: false })
export class EventDelivery {
  @PrimaryColumn({ name: 'event_id', type: 'bigint', primaryKeyConstraintName: 'event_deliveries_pkey' }) eventId: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'event_deliveries_pkey' }) consumer: string;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ type: 'text', default: 'pending' }) status: DeliveryStatus;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) nextAttemptAt: Date;
  /** While set and in the future, a runner holds this delivery. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt: Date | null;
}
