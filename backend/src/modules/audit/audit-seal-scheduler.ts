import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown, Optional } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Counter } from 'prom-client';
import { PeriodicMode, PeriodicRun } from '../../common/lifecycle/periodic-run';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditSealer, SealReport } from './audit-sealer.service';

export const AUDIT_CHAIN_QUEUE = 'audit-chain';
export const AUDIT_SEAL_JOB = 'audit-seal';
/** How the sealer is woken, as the SLA scheduler: BullMQ job scheduler, a timer in the API, or not at all (CLI). */
export const AUDIT_SEAL_MODE = Symbol('AUDIT_SEAL_MODE');
export type AuditSealMode = PeriodicMode;

const sealedRows = new Counter({ name: 'otklik_audit_rows_sealed_total', help: 'Audit rows appended to the hash chain by this process' });

/**
 * Wakes the sealer: every AUDIT_SEAL_INTERVAL_MS (5 s by default, so the unsealed tail stays short) a timer in the API process (embedded mode) or a BullMQ job
 * scheduler consumed by whichever worker (Redis mode). Several processes may wake at once: the
 * sealer's advisory lock makes them take turns, and the second finds nothing left to seal.
 */
@Injectable()
export class AuditSealScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly periodic: PeriodicRun<SealReport>;

  constructor(
    private readonly sealer: AuditSealer,
    @Inject(AUDIT_SEAL_MODE) mode: AuditSealMode,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() @InjectQueue(AUDIT_CHAIN_QUEUE) queue?: Queue,
  ) {
    this.periodic = new PeriodicRun({
      name: 'audit sealing',
      mode,
      everyMs: config.auditChain.sealIntervalMs,
      queue,
      jobName: AUDIT_SEAL_JOB,
      keep: { complete: 20, fail: 100 },
      run: () => this.seal(),
      logger: new Logger(AuditSealScheduler.name),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.periodic.start();
  }

  /** Before the shutdown hooks: a run in flight finishes while the database pool is still whole (see SlaScheduler). */
  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  /** Seals what is ready and signs a checkpoint when one is due; one run per process at a time. */
  runDue(): Promise<SealReport> {
    return this.periodic.runDue();
  }

  private async seal(): Promise<SealReport> {
    const report = await this.sealer.seal({ checkpoint: 'due' });
    sealedRows.inc(report.sealed);
    return report;
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
