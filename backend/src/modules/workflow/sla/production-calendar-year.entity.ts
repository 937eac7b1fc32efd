import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** An official production calendar year (seeded 2025–2026; an admin loads the others). */
@Entity('production_calendar_years')
@Check('production_calendar_years_year_check', 'year BETWEEN 1990 AND 2200')
export class ProductionCalendarYearRow {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'production_calendar_years_pkey' }) year: number;
  /** Holidays and transferred days off (read as text[] in SQL: node-pg would turn dates into local Dates). */
  @Column({ name: 'non_working', type: 'date', array: true, default: () => "'{}'" }) nonWorking: string[];
  /** Weekends made working days by a transfer. */
  @Column({ type: 'date', array: true, default: () => "'{}'" }) working: string[];
  /** Shortened working days (the day before a holiday: an hour shorter). */
  @Column({ type: 'date', array: true, default: () => "'{}'" }) shortened: string[];
  /** Which of the non-working days are public holidays (the rest are days off by a transfer). */
  @Column({ type: 'date', array: true, default: () => "'{}'" }) holidays: string[];
  @ForeignKey('User', { name: 'production_calendar_years_loaded_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'loaded_by', type: 'uuid', nullable: true }) loadedBy: string | null;
  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' }) loadedAt: Date;
}
