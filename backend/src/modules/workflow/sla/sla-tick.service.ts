import { Inject, Injectable } from '@nestjs/common';
import { endOfMoscowDay, moscowDate, WORKING_HOURS } from '@otklik/shared/domain';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { AppealBatches, SLA_BATCH } from '../../appeals/appeal-batches.repository';
import { DepartmentRouting, DepartmentTree } from '../../users/department-tree.repository';
import { RetentionSettingsService } from '../retention/retention-admin.service';
import { SlaService } from './sla.service';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export { ANONYMISED_TEXT, SLA_BATCH } from '../../appeals/appeal-batches.repository';

export interface TickStats {
  overdue: number;
  reminders: number;
  documentsReminders: number;
  firstReactionOverdue: number;
  autoClosed: number;
}

/**
 * The work of one scheduler tick, set-based: each step is a loop of single statements that pick
 * a batch of due appeals with FOR UPDATE SKIP LOCKED, change them, and write their history, audit
 * and outbox rows in the same statement (data-modifying CTEs) — the batch form of AppealJournal.
 * Every step selects only what is still to do ("due ≤ now and not yet marked"), so a step is
 * idempotent, a tick after downtime catches up on everything missed, and two processes running
 * a step at once never mark an appeal twice.
 */
@Injectable()
export class SlaTickService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly appeals: AppealBatches,
    private readonly heads: DepartmentTree,
    private readonly sla: SlaService,
    private readonly retentionRule: RetentionSettingsService,
  ) {}

  async tick(now: Date): Promise<TickStats> {
    const routing = await this.heads.headsRouting();
    const overdue = await this.markOverdue(now, routing);
    const reminders = await this.remind(now);
    const documentsReminders = await this.remindDocuments(now);
    const firstReactionOverdue = await this.flagFirstReaction(now, routing);
    const autoClosed = await this.autoClose(now);
    return { overdue, reminders, documentsReminders, firstReactionOverdue, autoClosed };
  }

  /** Overdue → flag, escalate to the parent department (it oversees the appeal from then on), tell the department head. */
  async markOverdue(now: Date, routing?: Record<string, DepartmentRouting>): Promise<number> {
    const map = JSON.stringify(routing ?? (await this.heads.headsRouting()));
    return this.loop(() => this.appeals.markOverdue(now, map));
  }

  /** The assignee is told once when the deadline is within the policy's reminder lead. */
  async remind(now: Date): Promise<number> {
    return this.loop(() => this.appeals.remind(now));
  }

  /**
   * The citizen is reminded once, the working day before the date they were asked to bring
   * documents by (awaiting_citizen): on working days from 09:00 Moscow time (no SMS at night or on
   * a weekend), for documents due by the next working day and not yet past. A request made after
   * that day's 09:00 (the due date is near from the start) is reminded of on the next working day
   * if its date has not passed by then.
   */
  async remindDocuments(now: Date): Promise<number> {
    const calendar = await this.sla.calendar();
    const today = moscowDate(now);
    const dayStart = endOfMoscowDay(today).getTime() + 1 - DAY_MS;
    const opens = new Date(dayStart + WORKING_HOURS.start * HOUR_MS);
    if (!calendar.isWorkingDay(today) || now < opens) return 0;
    const until = calendar.addWorkingDays(today, 1);
    return this.loop(() => this.appeals.remindDocuments(today, until, opens));
  }

  /** The first reaction is late: told once to the department head (no status change). */
  async flagFirstReaction(now: Date, routing?: Record<string, DepartmentRouting>): Promise<number> {
    const map = JSON.stringify(routing ?? (await this.heads.headsRouting()));
    return this.loop(() => this.appeals.flagFirstReaction(now, map));
  }

  /** Answered appeals the citizen left alone for AUTO_CLOSE_DAYS calendar days → closed by the system. */
  async autoClose(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.sla.autoCloseDays * 86_400_000);
    return this.loop(() => this.appeals.autoClose(now, cutoff, this.config.sla.autoCloseDays));
  }

  /**
   * 152-ФЗ: personal data of appeals past the retention period anonymised or deleted
   * (AppealBatches.destroyExpired), by the rule in force: an admin's (retention_settings) or
   * RETENTION_YEARS / RETENTION_MODE.
   */
  async retention(now: Date, today: string): Promise<number> {
    const { years, mode } = await this.retentionRule.rule();
    return this.loop(() => this.appeals.destroyExpired(now, today, years, mode));
  }

  /** Runs one batch until it handles fewer rows than a batch; returns the total. */
  private async loop(batch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await batch();
      total += n;
      if (n < SLA_BATCH) return total;
    }
  }
}
