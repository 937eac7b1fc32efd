import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';

/** How long a retried request is recognised by its Idempotency-Key. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;
/** Relayed outbox rows are kept this long for investigation, then removed. */
export const OUTBOX_RETENTION_DAYS = 7;

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attachments: AttachmentsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run().catch((e) => this.logger.warn({ err: e }, 'housekeeping failed')), 3600_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<HousekeepingReport> {
    const [, keys] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [IDEMPOTENCY_WINDOW_HOURS],
    );
    // An event goes with its deliveries once every consumer is done with it; a pending delivery
    // or a dead letter keeps its event (and so its payload) until it is retried or resolved.
    const [events] = await this.dataSource.query<[{ n: number }]>(
      `WITH old AS (
         SELECT o.id FROM outbox o
          WHERE o.dispatched_at < now() - make_interval(days => $1)
            AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = o.id AND d.status <> 'done')
          LIMIT 50000
       ), deliveries AS (
         DELETE FROM event_deliveries d USING old WHERE d.event_id = old.id
       ), gone AS (
         DELETE FROM outbox o USING old WHERE o.id = old.id RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [OUTBOX_RETENTION_DAYS],
    ).then(([row]) => [row.n]);
    // Sign-in bookkeeping: rate-limit events outlive their longest window (1 h) by a day at most;
    // lapsed registrations, spent codes and CAPTCHAs, and lockouts idle for a day go too.
    await this.dataSource.query(`
      DELETE FROM rate_events WHERE created_at < now() - interval '1 day';
      DELETE FROM captcha_spent WHERE expires_at < now();
      DELETE FROM pending_registrations WHERE expires_at < now();
      DELETE FROM one_time_codes WHERE expires_at < now() - interval '1 day';
      DELETE FROM auth_lockouts WHERE updated_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now());
    `);
    if (keys || events) this.logger.log(`housekeeping: removed ${keys} idempotency keys, ${events} relayed outbox events`);
    const { attachments } = await this.attachments.collectGarbage();
    const rescanned = await this.attachments.rescanFailed();
    return { idempotencyKeys: keys, outboxEvents: events, attachments, rescanned };
  }
}
