import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/user.entity';

/** An official production calendar year (seeded 2025–2026; an admin loads the others). */
@Entity('production_calendar_years')
@Check('production_calendar_years_year_check', 'year BETWEEN 1990 AND 2200')
export class ProductionCalendarYearRow {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'production_calendar_years_pkey' }) year: number;
  /** Holidays and transferred days off (read as text[] in SQL: node-pg would turn dates into local Dates). */
  @Column({ name: 'non_working', type: 'date', array: true, default: () => "'{}'" }) nonWorking: string[];
  /** Weekends made working days by a transfer. */
  @Column({ type: 'date', array: true, default: () => "'{}'" }) working: string[];
  @Column({ name: 'loaded_by', type: 'uuid', nullable: true }) loadedBy: string | null;
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'loaded_by', foreignKeyConstraintName: 'production_calendar_years_loaded_by_fkey' })
  loader?: User;
  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' }) loadedAt: Date;
}
