import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AppealStatus, HistoryEvent, Role } from '@otklik/shared/domain';

/** One row of an appeal's status history, as the citizen sees it. */
@Entity('appeal_history')
export class AppealHistory {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'appeal_id', type: 'uuid' }) appealId: string;
  @Column({ type: 'text' }) event: HistoryEvent;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: AppealStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus: AppealStatus;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text' }) actorRole: Role | 'system';
  @Column({ name: 'actor_name' }) actorName: string;
  @Column({ name: 'actor_position', type: 'text', nullable: true }) actorPosition: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false }) createdAt: Date;
}
