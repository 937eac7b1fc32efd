import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One counted request in a rate-limit bucket; kept in Postgres so every API process sees it. */
@Entity('rate_events')
@Index('rate_events_bucket', { synchronize: false })
export class RateEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'rate_events_pkey' }) id: string;
  @Column({ type: 'text' }) bucket: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
