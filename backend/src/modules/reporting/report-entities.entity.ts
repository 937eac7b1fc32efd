import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * The reporting module's tables (migration 1765340000000-Reporting). Declared so that the table
 * ownership map (scripts/module-tables.mjs) and the data source know them; the module reads and
 * writes them with SQL in its repository (report-rollups.repository.ts).
 */
@Entity('report_appeal_facts')
@Index('report_appeal_facts_registered', { synchronize: false })
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
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity('report_daily')
@Unique('report_daily_key', ['day', 'departmentId', 'categoryId', 'subcategoryId', 'type', 'channel', 'region'])
@Index('report_daily_department_day', { synchronize: false })
export class ReportDailyRow {
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  @Column({ name: 'subcategory_id', type: 'uuid', nullable: true }) subcategoryId: string | null;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) channel: string;
  @Column({ type: 'text', nullable: true }) region: string | null;
  @Column({ type: 'integer', default: 0 }) received: number;
  @Column({ type: 'integer', default: 0 }) answered: number;
}

@Entity('report_rebuild_state')
export class ReportRebuildState {
  @PrimaryColumn({ type: 'smallint', default: 1, primaryKeyConstraintName: 'report_rebuild_state_pkey' }) id: number;
  @Column({ name: 'after_appeal_id', type: 'uuid', nullable: true }) afterAppealId: string | null;
  @Column({ type: 'integer', default: 0 }) done: number;
  @Column({ type: 'integer', default: 0 }) total: number;
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
