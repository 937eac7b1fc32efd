import { Injectable, Logger } from '@nestjs/common';
import { DeliveryKey, EventDeliveries } from './event-deliveries.service';
import { JobDriver } from './job-driver';

/** Deliveries run at once in this process, a few at a time. */
const CONCURRENCY = 4;

/**
 * The in-process runner (embedded mode, no Redis): runs deliveries right after the relay's
 * commit, at most CONCURRENCY at once, each consumer in its own transaction(s), never inside the
 * relay's. A failed attempt is run again at its retry time (and by the relay's sweep, should this
 * process stop meanwhile).
 */
@Injectable()
export class InlineJobDriver implements JobDriver {
  readonly name = 'inline' as const;
  private readonly logger = new Logger(InlineJobDriver.name);
  private readonly queue: DeliveryKey[] = [];
  private readonly queued = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly deliveries: EventDeliveries) {}

  dispatch(keys: DeliveryKey[]): Promise<void> {
    for (const key of keys) {
      const id = `${key.eventId}/${key.consumer}`;
      if (this.closed || this.queued.has(id)) continue;
      this.queued.add(id);
      this.queue.push(key);
    }
    this.pump();
    return Promise.resolve();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    this.queued.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    while (this.running.size) await Promise.all([...this.running]);
  }

  private pump(): void {
    while (!this.closed && this.running.size < CONCURRENCY && this.queue.length) {
      const key = this.queue.shift()!;
      const task: Promise<void> = this.runOne(key).finally(() => {
        this.running.delete(task);
        this.pump();
      });
      this.running.add(task);
    }
  }

  private async runOne(key: DeliveryKey): Promise<void> {
    this.queued.delete(`${key.eventId}/${key.consumer}`);
    try {
      const result = await this.deliveries.run(key);
      if (result.outcome === 'retry' && !this.closed) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          void this.dispatch([{ ...key, dueAt: result.retryAt.getTime() }]);
        }, Math.max(0, result.retryAt.getTime() - Date.now()));
        timer.unref();
        this.timers.add(timer);
      }
    } catch (error) {
      // Bookkeeping itself failed (database down): the delivery stays pending and the sweep retries it.
      this.logger.error({ err: error, eventId: key.eventId, consumer: key.consumer }, 'event delivery could not be run');
    }
  }
}
