import { AppealPriority } from '@otklik/shared/domain';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MacroStep } from './macro-step';

/**
 * A macro: what one click on the card does — staff actions in order (through the transition
 * runner, as if the operator took them one by one) and an internal note, all in one transaction.
 */
@Entity('appeal_macros')
@Check('appeal_macros_priority_check', `priority IS NULL OR priority IN ('low', 'normal', 'high')`)
export class AppealMacro {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'appeal_macros_pkey' }) id: string;
  @Column({ type: 'text' }) title: string;
  /** The department whose appeals may use it; null: every department. */
  @ForeignKey('Department', { name: 'appeal_macros_department_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** The staff actions, in the order they run. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) steps: MacroStep[];
  /** The comment each action's history row carries (default: the macro's title). */
  @Column({ type: 'text', nullable: true }) comment: string | null;
  /** request-documents: what the citizen is asked for… */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) documents: string[];
  /** …and within how many calendar days of the day it is applied. */
  @Column({ name: 'documents_due_in_days', type: 'integer', nullable: true }) documentsDueInDays: number | null;
  /** set-priority: the priority it sets. */
  @Column({ type: 'text', nullable: true }) priority: AppealPriority | null;
  /** set-category: the category it sets (top-level or a subcategory; categories are never deleted). */
  @ForeignKey('Category', { name: 'appeal_macros_category_id_fkey' })
  @Column({ name: 'category_id', type: 'uuid', nullable: true }) categoryId: string | null;
  /** The internal note added after the actions (null: none). */
  @Column({ type: 'text', nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
