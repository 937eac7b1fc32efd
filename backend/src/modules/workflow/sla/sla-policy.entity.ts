import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AppealType, DeadlineUnit } from '@otklik/shared/domain';

/**
 * The SLA of appeals of one type, optionally in one category (the category's row wins over the
 * type's default). Seeded with DOMAIN.md «Deadlines»; admins edit it.
 */
@Entity('sla_policies')
@Index('sla_policies_type_default', { synchronize: false })
@Index('sla_policies_type_category', { synchronize: false })
@Check(
  'sla_policies_type_check',
  `type IN ('complaint', 'suggestion', 'question', 'gratitude', 'petition', 'decision_appeal')`,
)
@Check('sla_policies_unit_check', `resolution_unit IN ('working_days', 'calendar_days', 'working_hours')`)
@Check(
  'sla_policies_amounts_check',
  `resolution_amount BETWEEN 1 AND 3650 AND first_response_hours BETWEEN 1 AND 8760
          AND priority_first_response_hours BETWEEN 1 AND 8760 AND reminder_lead_hours BETWEEN 0 AND 8760`,
)
export class SlaPolicy {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sla_policies_pkey' }) id: string;
  @Column({ type: 'text' }) type: AppealType;
  /** A category or subcategory; null: the type's default. */
  @ForeignKey('Category', { name: 'sla_policies_category_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'category_id', type: 'uuid', nullable: true }) categoryId: string | null;
  @Column({ name: 'resolution_unit', type: 'text' }) resolutionUnit: DeadlineUnit;
  @Column({ name: 'resolution_amount', type: 'integer' }) resolutionAmount: number;
  @Column({ name: 'first_response_hours', type: 'integer' }) firstResponseHours: number;
  @Column({ name: 'priority_first_response_hours', type: 'integer' }) priorityFirstResponseHours: number;
  /** The assignee is reminded this many hours before the deadline (0: no reminder). */
  @Column({ name: 'reminder_lead_hours', type: 'integer', default: 24 }) reminderLeadHours: number;
  @ForeignKey('User', { name: 'sla_policies_updated_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
