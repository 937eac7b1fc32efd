import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Counter } from 'prom-client';
import { AuditSealer, SealReport } from './audit-sealer.service';

export const AUDIT_CHAIN_QUEUE = 'audit-chain';
export const AUDIT_SEAL_JOB = 'audit-seal';
/** How the sealer is woken, as the SLA scheduler: BullMQ job scheduler, a timer in the API, or not at all (CLI). */
export const AUDIT_SEAL_MODE = Symbol('AUDIT_SEAL_MODE');
export type AuditSealMode = 'bullmq' | 'inline' | 'off';
/** Sealing runs every few seconds, so the unsealed tail stays short; checkpoints are once a minute. */
export const SEAL_EVERY_MS = 5_000;

const sealedRows = new Counter({ name: 'otklik_audit_rows_sealed_total', help: 'Audit rows appended to the hash chain by this process' });

/**
 * Wakes the sealer: every SEAL_EVERY_MS a timer in the API process (embedded mode) or a BullMQ job
 * scheduler consumed by whichever worker (Redis mode). Several processes may wake at once: the
 * sealer's advisory lock makes them take turns, and the second finds nothing left to seal.
 */
@Injectable()
export class AuditSealScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<SealReport>;
  private stopped = false;

  constructor(
    private readonly sealer: AuditSealer,
    @Inject(AUDIT_SEAL_MODE) private readonly mode: AuditSealMode,
    @Optional() @InjectQueue(AUDIT_CHAIN_QUEUE) private readonly queue?: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.mode === 'off') return;
    if (this.mode === 'bullmq') {
      await this.queue!.upsertJobScheduler(AUDIT_SEAL_JOB, { every: SEAL_EVERY_MS }, {
        name: AUDIT_SEAL_JOB,
        opts: { removeOnComplete: { count: 20 }, removeOnFail: { count: 100 } },
      });
    } else {
      this.timer = setInterval(() => this.kick(), SEAL_EVERY_MS);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private kick(): void {
    if (this.stopped || this.running) return;
    void this.runDue().catch((error: unknown) => this.logger.error({ err: error }, 'audit sealing failed'));
  }

  /** Seals what is ready and signs a checkpoint when one is due; one run per process at a time. */
  runDue(): Promise<SealReport> {
    if (this.running) return this.running;
    this.running = this.sealer
      .seal({ checkpoint: 'due' })
      .then((report) => {
        sealedRows.inc(report.sealed);
        return report;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}

/** Thin processor (CONVENTIONS.md #7): the repeatable job wakes the sealer on a worker. */
@Processor(AUDIT_CHAIN_QUEUE)
export class AuditSealProcessor extends WorkerHost {
  constructor(private readonly scheduler: AuditSealScheduler) {
    super();
  }

  async process(): Promise<SealReport> {
    return this.scheduler.runDue();
  }
}
