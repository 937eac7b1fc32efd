import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A snippet: a piece of text an operator inserts at the cursor of the answer (beside whole-answer templates). */
@Entity('answer_snippets')
export class AnswerSnippet {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'answer_snippets_pkey' }) id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  /** The department whose appeals may use it; null: every department. */
  @ForeignKey('Department', { name: 'answer_snippets_department_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
