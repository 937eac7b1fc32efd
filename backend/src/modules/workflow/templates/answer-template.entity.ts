import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AnswerResult } from '@otklik/shared/domain';

/** An answer template (macro): text with {{placeholders}} filled from the appeal. */
@Entity('answer_templates')
@Check('answer_templates_result_check', `result IS NULL OR result IN ('done', 'refused', 'clarification_needed')`)
export class AnswerTemplate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'answer_templates_pkey' }) id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  /** The answer result the template is written for (null: any). */
  @Column({ type: 'text', nullable: true }) result: AnswerResult | null;
  /** Null: every department. */
  @ForeignKey('Department', { name: 'answer_templates_department_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
