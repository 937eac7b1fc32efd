import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AnswerResult } from '@otklik/shared/domain';

/** Where a draft sent for approval stands: waiting for the supervisor, returned with a remark, or approved (the answer went out). */
export enum AnswerDraftState {
  Pending = 'pending',
  Returned = 'returned',
  Approved = 'approved',
}

/**
 * An answer sent for the supervisor's sign-off: each sending is a new revision, so the appeal
 * keeps the history of its drafts, the remarks they were returned with, and the one approved.
 */
@Entity('answer_drafts')
@Index('answer_drafts_appeal_revision', { synchronize: false })
@Index('answer_drafts_one_pending', { synchronize: false })
@Check('answer_drafts_state_check', `state IN ('pending', 'returned', 'approved')`)
@Check('answer_drafts_result_check', `result IN ('done', 'refused', 'clarification_needed')`)
export class AnswerDraft {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'answer_drafts_pkey' }) id: string;
  @ForeignKey('Appeal', { name: 'answer_drafts_appeal_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'appeal_id', type: 'uuid' }) appealId: string;
  /** 1, 2, … per appeal. */
  @Column({ type: 'integer' }) revision: number;
  @Column({ type: 'text' }) state: AnswerDraftState;
  @Column({ type: 'text' }) result: AnswerResult;
  @Column({ name: 'result_code', type: 'integer' }) resultCode: number;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'executor_phone', type: 'text', nullable: true }) executorPhone: string | null;
  /** The operator's uploads that go out with the answer (bound to it on approval). */
  @Column({ name: 'attachment_ids', type: 'uuid', array: true, default: () => "'{}'" }) attachmentIds: string[];
  @ForeignKey('User', { name: 'answer_drafts_author_id_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  /** The executor the answer names: the operator who wrote it, not the supervisor who signs it off. */
  @Column({ name: 'author_name', type: 'text' }) authorName: string;
  @Column({ name: 'author_position', type: 'text', nullable: true }) authorPosition: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** The supervisor's remark when returned. */
  @Column({ type: 'text', nullable: true }) remark: string | null;
  @ForeignKey('User', { name: 'answer_drafts_decided_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_by_name', type: 'text', nullable: true }) decidedByName: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
