import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** How a periodic job is woken: a BullMQ job scheduler (worker processes), a timer in the API, or not at all (CLI). */
export type PeriodicMode = 'bullmq' | 'inline' | 'off';

export interface PeriodicRunOptions<R> {
  /** For the log line of a failed run. */
  name: string;
  mode: PeriodicMode;
  everyMs: number;
  /** The job scheduler's queue and job name (mode `bullmq`); its processor calls `runDue`. */
  queue?: Queue;
  jobName: string;
  /** Finished jobs kept in Redis. */
  keep: { complete: number; fail: number };
  /** One run; never two at once in this process. */
  run: () => Promise<R>;
  /** What `runDue` answers while a run is under way (default: that run's own result). */
  whileRunning?: (running: Promise<R>) => Promise<R>;
  logger: Logger;
}

/**
 * A job a process runs every `everyMs`: woken by a BullMQ job scheduler that every worker upserts
 * (idempotent; Redis fires it once per interval) or by a timer in the API process, with at most
 * one run per process at a time. Whether several processes may run it at once is the job's own
 * business (a claim row, an advisory lock). Stopping waits for the run under way.
 */
export class PeriodicRun<R> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<R>;
  private stopped = false;

  constructor(private readonly o: PeriodicRunOptions<R>) {}

  async start(): Promise<void> {
    if (this.o.mode === 'off') return;
    if (this.o.mode === 'bullmq') {
      await this.o.queue!.upsertJobScheduler(this.o.jobName, { every: this.o.everyMs }, {
        name: this.o.jobName,
        opts: { removeOnComplete: { count: this.o.keep.complete }, removeOnFail: { count: this.o.keep.fail } },
      });
    } else {
      this.timer = setInterval(() => this.kick(), this.o.everyMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** A run soon, unless one is under way or the process is stopping; a failure is logged. */
  kick(): void {
    if (this.stopped || this.running) return;
    void this.runDue().catch((error: unknown) => this.o.logger.error({ err: error }, `${this.o.name} failed`));
  }

  runDue(): Promise<R> {
    if (this.running) return this.o.whileRunning ? this.o.whileRunning(this.running) : this.running;
    this.running = this.o.run().finally(() => (this.running = undefined));
    return this.running;
  }
}
