import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AnswerResult } from '@otklik/shared/domain';
import { Appeal } from './appeal.entity';

/** A structured answer (DOMAIN.md «Answers»). An appeal may be answered again after a clarification round; the latest counts. */
@Entity('answers')
@Check('answers_result_check', `result IN ('done', 'refused', 'clarification_needed')`)
@Check('answers_reason_check', `result <> 'refused' OR reason IS NOT NULL`)
@Index('answers_appeal_latest', { synchronize: false })
export class Answer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'answers_pkey' }) id: string;
  @Column({ name: 'appeal_id', type: 'uuid' }) appealId: string;
  @ManyToOne(() => Appeal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appeal_id', foreignKeyConstraintName: 'answers_appeal_id_fkey' })
  appeal?: Appeal;
  @Column({ type: 'text' }) result: AnswerResult;
  @Column({ name: 'result_code', type: 'integer' }) resultCode: number;
  @Column({ type: 'text' }) text: string;
  /** Mandatory for a refusal. */
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'executor_name', type: 'text' }) executorName: string;
  @Column({ name: 'executor_position', type: 'text', nullable: true }) executorPosition: string | null;
  @Column({ name: 'executor_phone', type: 'text', nullable: true }) executorPhone: string | null;
  @ForeignKey('User', { name: 'answers_answered_by_fkey' })
  @Column({ name: 'answered_by', type: 'uuid' }) answeredBy: string;
  @Column({ name: 'answered_at', type: 'timestamptz' }) answeredAt: Date;
  @ForeignKey('User', { name: 'answers_approved_by_fkey' })
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
