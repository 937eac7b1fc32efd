import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The reporting module's tables (migration 1765340000000-Reporting, then 1765490100000-ReportRepeatFacts and
 * 1765490100001-ReportIntakeHours, 1765490300000-ReportDurationsAndAssignees, 1765490300001-ReportDailySummary). Declared so that the table
 * ownership map (scripts/module-tables.mjs) and the data source know them; the module reads and
 * writes them with SQL in its repository (report-rollups.repository.ts).
 */
@Entity('report_appeal_facts')
@Index('report_appeal_facts_registered', { synchronize: false })
// Partial indexes, written in the migration.
@Index('report_appeal_facts_answered', { synchronize: false })
@Index('report_appeal_facts_reacted', { synchronize: false })
@Index('report_appeal_facts_rated', { synchronize: false })
@Index('report_appeal_facts_thanked', { synchronize: false })
// The appeals stored as the first of their author's in a category (migration 1765490100000-ReportRepeatFacts).
@Index('report_appeal_facts_first_of_group', { synchronize: false })
// The quality report's decision appeals (migration 1765490100003-ReportDisputes).
@Index('report_appeal_facts_disputes', { synchronize: false })
export class ReportAppealFact {
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid', primaryKeyConstraintName: 'report_appeal_facts_pkey' }) appealId: string;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  @Column({ name: 'subcategory_id', type: 'uuid', nullable: true }) subcategoryId: string | null;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) channel: string;
  @Column({ type: 'text', nullable: true }) region: string | null;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
  @Column({ name: 'registered_on', type: 'date' }) registeredOn: string;
  @Column({ name: 'first_reaction_at', type: 'timestamptz', nullable: true }) firstReactionAt: Date | null;
  @Column({ name: 'first_reaction_on', type: 'date', nullable: true }) firstReactionOn: string | null;
  @Column({ name: 'first_reaction_wd', type: 'integer', nullable: true }) firstReactionWd: number | null;
  @Column({ name: 'first_reaction_on_time', type: 'boolean', nullable: true }) firstReactionOnTime: boolean | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'answered_on', type: 'date', nullable: true }) answeredOn: string | null;
  @Column({ name: 'answer_wd', type: 'integer', nullable: true }) answerWd: number | null;
  @Column({ name: 'answered_on_time', type: 'boolean', nullable: true }) answeredOnTime: boolean | null;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn: string | null;
  @Column({ type: 'boolean' }) extended: boolean;
  @Column({ type: 'integer' }) redirects: number;
  @Column({ type: 'smallint', nullable: true }) rating: number | null;
  @Column({ name: 'rated_on', type: 'date', nullable: true }) ratedOn: string | null;
  /** A gratitude's employee thanked. */
  @Column({ name: 'thanked_staff_id', type: 'uuid', nullable: true }) thankedStaffId: string | null;
  /** The author (null: unidentified): the group "is a repeat" is decided in, with the category. */
  @Column({ name: 'citizen_id', type: 'uuid', nullable: true }) citizenId: string | null;
  /** An earlier appeal of the same citizen in the same category exists (kept by the rollups consumer). */
  @Column({ type: 'boolean', default: false }) repeat: boolean;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/** The counters of report_daily and report_daily_summary (ROLLUP_COUNTERS). */
export abstract class RollupCounterColumns {
  @Column({ type: 'integer', default: 0 }) received: number;
  @Column({ type: 'integer', default: 0 }) answered: number;
  @Column({ name: 'answered_on_time', type: 'integer', default: 0 }) answeredOnTime: number;
  @Column({ name: 'answer_wd_sum', type: 'bigint', default: 0 }) answerWdSum: string;
  @Column({ type: 'integer', default: 0 }) closed: number;
  @Column({ type: 'integer', default: 0 }) reacted: number;
  @Column({ name: 'reacted_on_time', type: 'integer', default: 0 }) reactedOnTime: number;
  @Column({ name: 'reaction_wd_sum', type: 'bigint', default: 0 }) reactionWdSum: string;
  @Column({ type: 'integer', default: 0 }) extended: number;
  @Column({ type: 'integer', default: 0 }) redirected: number;
  @Column({ type: 'integer', default: 0 }) redirects: number;
  @Column({ type: 'integer', default: 0 }) rated: number;
  @Column({ name: 'rating_sum', type: 'integer', default: 0 }) ratingSum: number;
  @Column({ name: 'rating_1', type: 'integer', default: 0 }) rating1: number;
  @Column({ name: 'rating_2', type: 'integer', default: 0 }) rating2: number;
  @Column({ name: 'rating_3', type: 'integer', default: 0 }) rating3: number;
  @Column({ name: 'rating_4', type: 'integer', default: 0 }) rating4: number;
  @Column({ name: 'rating_5', type: 'integer', default: 0 }) rating5: number;
  /** Repeat appeals registered that day. */
  @Column({ type: 'integer', default: 0 }) repeats: number;
}

@Entity('report_daily')
@Unique('report_daily_key', ['day', 'departmentId', 'categoryId', 'subcategoryId', 'type', 'channel', 'region'])
@Index('report_daily_department_day', { synchronize: false })
export class ReportDailyRow extends RollupCounterColumns {
  /** A surrogate key: the row's identity is the unique dimension tuple (NULLs equal), report_daily_key. */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'report_daily_pkey' }) id: string;
  @Column({ type: 'date' }) day: string;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  @Column({ name: 'subcategory_id', type: 'uuid', nullable: true }) subcategoryId: string | null;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) channel: string;
  @Column({ type: 'text', nullable: true }) region: string | null;
}

/**
 * report_daily without subcategory and region (migration 1765490300001-ReportDailySummary): what the
 * reports read when no category or region filter asks for those dimensions.
 */
@Entity('report_daily_summary')
@Unique('report_daily_summary_key', ['day', 'departmentId', 'categoryId', 'type', 'channel'])
export class ReportDailySummaryRow extends RollupCounterColumns {
  /** A surrogate key: the row's identity is the unique dimension tuple (NULLs equal), report_daily_summary_key. */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'report_daily_summary_pkey' }) id: string;
  @Column({ type: 'date' }) day: string;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) channel: string;
}

/** The volume report's heat map: appeals registered per Moscow day × department × Moscow hour (migration 1765490100001-ReportIntakeHours). */
@Entity('report_intake_hours')
@Unique('report_intake_hours_key', ['day', 'departmentId', 'hour'])
@Check('report_intake_hours_hour', 'hour BETWEEN 0 AND 23')
export class ReportIntakeHourRow {
  /** A surrogate key: the row's identity is the unique (day, department, hour), NULLs equal. */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'report_intake_hours_pkey' }) id: string;
  @Column({ type: 'date' }) day: string;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'smallint' }) hour: number;
  @Column({ type: 'integer', default: 0 }) received: number;
}

/**
 * The sla report's medians: how many appeals were answered (measure 'answer', by answer_wd) or first
 * reacted to ('reaction', by first_reaction_wd) on a Moscow day in a department, per whole number
 * of working days (migration 1765490300000-ReportDurationsAndAssignees). The exact median is read
 * off the histogram (medianOfHistogram).
 */
@Entity('report_durations')
@Unique('report_durations_key', ['day', 'departmentId', 'measure', 'wd'])
@Check('report_durations_measure', "measure IN ('answer', 'reaction')")
export class ReportDurationRow {
  /** A surrogate key: the row's identity is the unique (day, department, measure, wd), NULLs equal. */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'report_durations_pkey' }) id: string;
  @Column({ type: 'date' }) day: string;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'text' }) measure: string;
  @Column({ type: 'integer' }) wd: number;
  @Column({ type: 'integer', default: 0 }) count: number;
}

/**
 * The operators report: per Moscow day × department × current assignee, the appeals registered that
 * day (assigned) and answered that day with their working days (migration 1765490300000-ReportDurationsAndAssignees).
 */
@Entity('report_assignee_daily')
@Unique('report_assignee_daily_key', ['day', 'departmentId', 'assigneeId'])
export class ReportAssigneeDailyRow {
  /** A surrogate key: the row's identity is the unique (day, department, assignee), NULLs equal. */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'report_assignee_daily_pkey' }) id: string;
  @Column({ type: 'date' }) day: string;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ name: 'assignee_id', type: 'uuid' }) assigneeId: string;
  @Column({ type: 'integer', default: 0 }) assigned: number;
  @Column({ type: 'integer', default: 0 }) answered: number;
  @Column({ name: 'answer_wd_sum', type: 'bigint', default: 0 }) answerWdSum: string;
}

@Entity('report_rebuild_state')
@Check('report_rebuild_state_single', 'id = 1')
export class ReportRebuildState {
  @PrimaryColumn({ type: 'smallint', default: 1, primaryKeyConstraintName: 'report_rebuild_state_pkey' }) id: number;
  @Column({ name: 'after_appeal_id', type: 'uuid', nullable: true }) afterAppealId: string | null;
  @Column({ type: 'integer', default: 0 }) done: number;
  @Column({ type: 'integer', default: 0 }) total: number;
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
