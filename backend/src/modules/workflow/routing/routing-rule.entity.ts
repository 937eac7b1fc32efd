import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AppealType } from '@otklik/shared/domain';

/**
 * An admin-managed routing rule: the first active rule (by position) whose every given
 * condition matches sends the appeal to its department. No match → the category's department,
 * else the general pool.
 */
@Entity('routing_rules')
@Index('routing_rules_order', { synchronize: false })
export class RoutingRule {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'routing_rules_pkey' }) id: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'appeal_type', type: 'text', nullable: true }) appealType: AppealType | null;
  @ForeignKey('Category', { name: 'routing_rules_category_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'category_id', type: 'uuid', nullable: true }) categoryId: string | null;
  @ForeignKey('Category', { name: 'routing_rules_subcategory_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'subcategory_id', type: 'uuid', nullable: true }) subcategoryId: string | null;
  /** Matched against the appeal's `extraFields.region` (case-insensitive). */
  @Column({ type: 'text', nullable: true }) region: string | null;
  /** Any of these words in the subject or text (case-insensitive) matches. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) keywords: string[];
  @ForeignKey('Department', { name: 'routing_rules_department_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
