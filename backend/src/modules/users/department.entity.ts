import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ApprovableBySetting } from '@otklik/shared/domain';

/** A department of the body; departments form a tree (escalation goes to the parent). */
@Entity('departments')
@Unique('departments_code_key', ['code'])
@Index('departments_one_general_pool', { synchronize: false })
@Check('departments_approval_required_for_check', `approval_required_for <@ ARRAY['extend', 'no-answer-required']::text[]`)
export class Department {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'departments_pkey' }) id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ name: 'name_ru', type: 'text' }) nameRu: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @ManyToOne(() => Department, { nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'departments_parent_id_fkey' })
  parent?: Department;
  /** The general pool (общий пул): appeals no category routes anywhere land here for triage. */
  @Column({ name: 'is_general_pool', type: 'boolean', default: false }) isGeneralPool: boolean;
  /** New appeals (and redirects) go straight to the least-loaded operator of the department. */
  @Column({ name: 'auto_assign', type: 'boolean', default: false }) autoAssign: boolean;
  /** Which staff actions an operator of this department proposes for a supervisor's approval instead of taking them (59-ФЗ guardrails). */
  @Column({ name: 'approval_required_for', type: 'text', array: true, default: () => "'{}'" }) approvalRequiredFor: ApprovableBySetting[];
  /** Staff of the department work only then; access outside these hours raises an alert (null: no restriction). */
  @Column({ name: 'working_hours', type: 'jsonb', nullable: true }) workingHours: WorkingHours | null;
  /**
   * The department head (руководитель), set by an admin: an active supervisor of this department.
   * Overdue and late-first-reaction notices go to them; null (or a head no longer an active
   * supervisor here): the department's active supervisors, else the nearest ancestor's.
   */
  @ForeignKey('User', { name: 'departments_head_id_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'head_id', type: 'uuid', nullable: true }) headId: string | null;
  /** Retired: takes no appeals and no staff; kept for history. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

/** Working hours: ISO weekdays (1 Monday … 7 Sunday), a local time span (to ≤ from spans midnight) and its time zone. */
export interface WorkingHours {
  days: number[];
  from: string;
  to: string;
  timeZone: string;
}
