import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AttachmentsService } from '../attachments/attachments.service';
import { SignInBookkeeping } from '../auth/protection/sign-in-bookkeeping.repository';
import { OutboxService } from '../outbox/outbox.service';
import { TransactionRunner } from '../../database/transaction-runner';


export interface HousekeepingReport {
  idempotencyKeys: number;
  outboxEvents: number;
  /** Unbound uploads past their TTL, removed with their stored objects. */
  attachments: number;
  /** Files whose malware scan had failed, scanned again (with CLAMD_SOCKET): how they came out. */
  rescanned: { clean: number; infected: number; failed: number };
}

/**
 * Hourly clean-up of bookkeeping tables that would otherwise grow forever. Every statement is
 * idempotent, so several API processes may run it at once.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HousekeepingService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly attachments: AttachmentsService,
    private readonly idempotency: IdempotencyService,
    private readonly outbox: OutboxService,
    private readonly signIns: SignInBookkeeping,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run().catch((e) => this.logger.warn({ err: e }, 'housekeeping failed')), 3600_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<HousekeepingReport> {
    // Each module empties its own tables; this only keeps the schedule.
    const keys = await this.idempotency.purgeExpired(this.tx.manager);
    const events = await this.outbox.purgeDelivered(this.tx.manager);
    await this.signIns.purgeExpired();
    if (keys || events) this.logger.log(`housekeeping: removed ${keys} idempotency keys, ${events} relayed outbox events`);
    const { attachments } = await this.attachments.collectGarbage();
    const rescanned = await this.attachments.rescanFailed();
    return { idempotencyKeys: keys, outboxEvents: events, attachments, rescanned };
  }
}
