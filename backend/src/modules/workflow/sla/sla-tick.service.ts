import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { AppealBatches, SLA_BATCH } from '../../appeals/appeal-batches.repository';
import { DepartmentRouting, DepartmentTree } from '../../users/department-tree.repository';

export { ANONYMISED_TEXT, SLA_BATCH } from '../../appeals/appeal-batches.repository';

export interface TickStats {
  overdue: number;
  reminders: number;
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
  ) {}

  async tick(now: Date): Promise<TickStats> {
    const routing = await this.heads.headsRouting();
    const overdue = await this.markOverdue(now, routing);
    const reminders = await this.remind(now);
    const firstReactionOverdue = await this.flagFirstReaction(now, routing);
    const autoClosed = await this.autoClose(now);
    return { overdue, reminders, firstReactionOverdue, autoClosed };
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

  /** 152-ФЗ: personal data of appeals past RETENTION_YEARS anonymised or deleted (AppealBatches.destroyExpired). */
  async retention(now: Date, today: string): Promise<number> {
    const { retentionYears, retentionMode } = this.config.sla;
    return this.loop(() => this.appeals.destroyExpired(now, today, retentionYears, retentionMode));
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
