import { hostname } from 'node:os';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Counter, Histogram } from 'prom-client';
import { Repository } from 'typeorm';
import { endOfMoscowDay, moscowDate } from '@otklik/shared/domain';
import { Clock } from '../../../common/clock/clock';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { PeriodicMode, PeriodicRun } from '../../../common/lifecycle/periodic-run';
import { SlaTickService, TickStats } from './sla-tick.service';
import { SchedulerTick } from './scheduler-tick.entity';

export const SLA_QUEUE = 'sla-scheduler';
export const SLA_TICK_JOB = 'sla-tick';
/** How the scheduler is woken: a BullMQ job scheduler (worker processes), a timer in the API, or not at all (CLI). */
export const SLA_SCHEDULER_MODE = Symbol('SLA_SCHEDULER_MODE');
export type SlaSchedulerMode = PeriodicMode;

export const JOB_SLA = 'sla';
export const JOB_RETENTION = 'retention';
/** Claims older than this are removed by the daily job. */
const KEEP_TICKS_DAYS = 7;

const ticks = new Counter({ name: 'otklik_sla_ticks_total', help: 'Scheduler ticks claimed and run by this process, by job and outcome', labelNames: ['job', 'outcome'] });
const tickSeconds = new Histogram({ name: 'otklik_sla_tick_seconds', help: 'Duration of a claimed scheduler tick', labelNames: ['job'], buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30] });

export interface TickReport {
  /** The slot this process claimed, or null when another process had it (or it was running). */
  sla: { tickAt: string; stats: TickStats; ms: number } | null;
  retention: { tickAt: string; anonymised: number; ms: number } | null;
}

/**
 * Wakes once per SLA_TICK_SECONDS and runs the tick — but only if this process wins the tick:
 * the slot (now floored to the interval) is claimed with INSERT … ON CONFLICT DO NOTHING into
 * scheduler_ticks, so however many API and worker processes wake for the same slot, one does the
 * work. Retention is a daily job with its own claim (one slot per Moscow day). A missed slot
 * (every process down) is not replayed: the next tick's "due ≤ now" queries take all missed work.
 */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaScheduler.name);
  private readonly claimant = `${hostname()}:${process.pid}`;
  private readonly periodic: PeriodicRun<TickReport>;
  private stopped = false;

  constructor(
    @InjectRepository(SchedulerTick) private readonly own: Repository<SchedulerTick>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly work: SlaTickService,
    @Inject(SLA_SCHEDULER_MODE) private readonly mode: SlaSchedulerMode,
    @Optional() @InjectQueue(SLA_QUEUE) queue?: Queue,
  ) {
    this.periodic = new PeriodicRun({
      name: 'SLA tick',
      mode,
      everyMs: config.sla.tickSeconds * 1000,
      queue,
      jobName: SLA_TICK_JOB,
      keep: { complete: 100, fail: 100 },
      run: () => this.run(),
      // A caller that finds a run under way did not win anything itself.
      whileRunning: (running) => running.then(() => ({ sla: null, retention: null })),
      logger: this.logger,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.periodic.start();
    // Catch up at once after a start (the claim keeps it to one process per slot).
    if (this.mode !== 'off') this.periodic.kick();
  }

  /**
   * Before the shutdown hooks (beforeApplicationShutdown runs ahead of every onApplicationShutdown):
   * a run in flight finishes while the database pool is still whole. As an onApplicationShutdown a
   * catch-up tick under way at a SIGTERM right after start ended in «Connection terminated».
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.periodic.stop();
  }

  /** Runs what is due now, if this process wins the claims. At most one run per process at a time. */
  runDue(): Promise<TickReport> {
    return this.periodic.runDue();
  }

  private async run(): Promise<TickReport> {
    const now = this.clock.now();
    const everyMs = this.config.sla.tickSeconds * 1000;
    const slaSlot = new Date(Math.floor(now.getTime() / everyMs) * everyMs);
    // A Moscow day's slot starts at its midnight: the last millisecond of the day before, + 1.
    const today = moscowDate(now);
    const daySlot = new Date(endOfMoscowDay(today).getTime() + 1 - 86_400_000);
    const report: TickReport = { sla: null, retention: null };
    if (await this.claim(JOB_SLA, slaSlot)) {
      const started = performance.now();
      const stats = await this.finishing(JOB_SLA, slaSlot, () => this.work.tick(now));
      report.sla = { tickAt: slaSlot.toISOString(), stats, ms: performance.now() - started };
      if (Object.values(stats).some((n) => n > 0)) this.logger.log({ tickAt: slaSlot, ...stats }, 'SLA tick');
    }
    if (!this.stopped && (await this.claim(JOB_RETENTION, daySlot))) {
      const started = performance.now();
      const anonymised = await this.finishing(JOB_RETENTION, daySlot, async () => {
        const n = await this.work.retention(now, today);
        await this.own.manager.query(`DELETE FROM scheduler_ticks WHERE tick_at < $1`, [new Date(now.getTime() - KEEP_TICKS_DAYS * 86_400_000)]);
        return n;
      });
      report.retention = { tickAt: daySlot.toISOString(), anonymised, ms: performance.now() - started };
      if (anonymised > 0) this.logger.log({ anonymised }, 'retention: personal data destroyed');
    }
    return report;
  }

  /** The cluster-wide claim: true for exactly one process per (job, slot). */
  private async claim(job: string, tickAt: Date): Promise<boolean> {
    const rows = await this.own.manager.query<unknown[]>(
      `INSERT INTO scheduler_ticks (job, tick_at, claimed_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING job`,
      [job, tickAt, this.claimant],
    );
    return rows.length === 1;
  }

  private async finishing<T>(job: string, tickAt: Date, work: () => Promise<T>): Promise<T> {
    const timer = tickSeconds.startTimer({ job });
    try {
      const result = await work();
      await this.own.manager.query(`UPDATE scheduler_ticks SET finished_at = $3, stats = $4 WHERE job = $1 AND tick_at = $2`, [
        job,
        tickAt,
        this.clock.now(),
        JSON.stringify(result),
      ]);
      ticks.inc({ job, outcome: 'done' });
      return result;
    } catch (error) {
      // The slot stays claimed but unfinished; the next slot's queries pick up what this one left.
      await this.own.manager
        .query(`UPDATE scheduler_ticks SET stats = $3 WHERE job = $1 AND tick_at = $2`, [job, tickAt, JSON.stringify({ error: String((error as Error).message).slice(0, 500) })])
        .catch(() => undefined);
      ticks.inc({ job, outcome: 'failed' });
      throw error;
    } finally {
      timer();
    }
  }
}

/** Thin processor (CONVENTIONS.md #7): the repeatable job wakes the scheduler on a worker. */
@Processor(SLA_QUEUE)
export class SlaTickProcessor extends WorkerHost {
  constructor(private readonly scheduler: SlaScheduler) {
    super();
  }

  async process(): Promise<TickReport> {
    return this.scheduler.runDue();
  }
}
