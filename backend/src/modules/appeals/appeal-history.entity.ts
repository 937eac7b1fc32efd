import { Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppealStatus, HistoryEvent, Role } from '@otklik/shared/domain';
import { Appeal } from './appeal.entity';

/** One row of an appeal's status history, as the citizen sees it. */
@Entity('appeal_history')
@Index('appeal_history_appeal', { synchronize: false })
export class AppealHistory {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'appeal_history_pkey' }) id: string;
  @Column({ name: 'appeal_id', type: 'uuid' }) appealId: string;
  @ManyToOne(() => Appeal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appeal_id', foreignKeyConstraintName: 'appeal_history_appeal_id_fkey' })
  appeal?: Appeal;
  @Column({ type: 'text' }) event: HistoryEvent;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: AppealStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus: AppealStatus;
  @ForeignKey('User', { name: 'appeal_history_actor_id_fkey' })
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text' }) actorRole: Role | 'system' | 'anonymous';
  @Column({ name: 'actor_name', type: 'text' }) actorName: string;
  @Column({ name: 'actor_position', type: 'text', nullable: true }) actorPosition: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  /** clock_timestamp(), not now(): rows of one transaction keep their order. */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()', insert: false }) createdAt: Date;
}
