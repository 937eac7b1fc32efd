import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One claimed run of a scheduled job. The primary key (job, tick_at) is the cluster-wide claim:
 * every process that wakes for a tick INSERTs it with ON CONFLICT DO NOTHING, and only the one
 * whose row went in does the work.
 */
@Entity('scheduler_ticks')
export class SchedulerTick {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'scheduler_ticks_pkey' }) job: string;
  /** The start of the tick's slot (now floored to the tick interval; a Moscow day for daily jobs). */
  @PrimaryColumn({ name: 'tick_at', type: 'timestamptz', primaryKeyConstraintName: 'scheduler_ticks_pkey' }) tickAt: Date;
  /** host:pid of the process that claimed it. */
  @Column({ name: 'claimed_by', type: 'text' }) claimedBy: string;
  @Column({ name: 'claimed_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) claimedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) stats: Record<string, unknown> | null;
}
