import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';

/**
 * A recurring problem supervisors were told of: appeals of one category from at least
 * RECURRING_MIN_CITIZENS citizens in one area within RECURRING_WINDOW_HOURS. One row per category,
 * area and window (`window_start`, the window the signal was raised in), so a burst is told once.
 */
@Entity('recurring_problem_signals')
@Unique('recurring_problem_signals_key', ['categoryId', 'area', 'windowStart'])
export class RecurringProblemSignal {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'recurring_problem_signals_pkey' }) id: string;
  @ForeignKey('Category', { name: 'recurring_problem_signals_category_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  /** The region the appeals named (their extra field), '' when none. */
  @Column({ type: 'text' }) area: string;
  @Column({ name: 'window_start', type: 'timestamptz' }) windowStart: Date;
  @Column({ type: 'integer' }) citizens: number;
  @Column({ type: 'integer' }) appeals: number;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt: Date;
}
