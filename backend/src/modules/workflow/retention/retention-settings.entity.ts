import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * The retention rule an admin set at run time (one row, absent until the first change): how many
 * years after closing an appeal keeps its personal data, and whether it is then anonymised or
 * deleted. Without the row RETENTION_YEARS / RETENTION_MODE apply.
 */
@Entity('retention_settings')
@Check('retention_settings_singleton_check', `id`)
@Check('retention_settings_years_check', `years BETWEEN 1 AND 75`)
@Check('retention_settings_mode_check', `mode IN ('anonymise', 'delete')`)
export class RetentionSettings {
  @PrimaryColumn({ type: 'boolean', default: true, primaryKeyConstraintName: 'retention_settings_pkey' }) id: boolean;
  @Column({ type: 'integer' }) years: number;
  @Column({ type: 'text' }) mode: 'anonymise' | 'delete';
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) updatedAt: Date;
  @ForeignKey('User', { name: 'retention_settings_updated_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
}
