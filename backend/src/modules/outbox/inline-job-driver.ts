import { Injectable, Logger } from '@nestjs/common';
import { DeliveryKey, EventDeliveries } from './event-deliveries.service';
import { JobDriver } from './job-driver';

/** Batches run at once in this process, and the deliveries one batch takes (its bookkeeping is amortised). */
const CONCURRENCY = 4;
const BATCH = 50;
const MIN_BATCH = 4;

/**
 * The in-process runner (embedded mode, no Redis): runs deliveries right after the relay's
 * commit, at most CONCURRENCY at once, each consumer in its own transaction(s), never inside the
 * relay's. A failed attempt is run again at its retry time (and by the relay's sweep, should this
 * process stop meanwhile).
 */
@Injectable()
export class InlineJobDriver implements JobDriver {
  readonly name = 'inline' as const;
  /** The queue is this process's: what it holds is deduplicated here, what runs is leased. */
  readonly sweepGraceMs = 0;
  private readonly logger = new Logger(InlineJobDriver.name);
  private readonly queue: DeliveryKey[] = [];
  private readonly queued = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly deliveries: EventDeliveries) {}

  dispatch(keys: DeliveryKey[]): Promise<void> {
    // By consumer (stable within), so a batch taken from the queue is mostly one consumer's and its
    // own batch (the planner's, the rollups') amortises over all of it.
    for (const key of [...keys].sort((a, b) => (a.consumer < b.consumer ? -1 : a.consumer > b.consumer ? 1 : 0))) {
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
      // A burst is shared out among the runners rather than taken by the first, yet in batches of
      // at least MIN_BATCH while there are that many, so a consumer's batch amortises something.
      let size = Math.max(Math.min(MIN_BATCH, this.queue.length), Math.min(BATCH, Math.ceil(this.queue.length / CONCURRENCY)));
      // Not across a consumer's run of keys (up to BATCH): a relay pass of three filings is twelve
      // keys, three a consumer, and cutting at four split each consumer's batch over two runners,
      // paying its reads and transaction twice.
      while (size < this.queue.length && size < BATCH && this.queue[size].consumer === this.queue[size - 1].consumer) size++;
      const batch = this.queue.splice(0, size);
      const task: Promise<void> = this.runBatch(batch).finally(() => {
        this.running.delete(task);
        this.pump();
      });
      this.running.add(task);
    }
  }

  private async runBatch(keys: DeliveryKey[]): Promise<void> {
    for (const key of keys) this.queued.delete(`${key.eventId}/${key.consumer}`);
    try {
      const results = await this.deliveries.runBatch(keys);
      results.forEach((result, i) => {
        if (result.outcome !== 'retry' || this.closed) return;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          void this.dispatch([{ ...keys[i], dueAt: result.retryAt.getTime() }]);
        }, Math.max(0, result.retryAt.getTime() - Date.now()));
        timer.unref();
        this.timers.add(timer);
      });
    } catch (error) {
      // Bookkeeping itself failed (database down): the deliveries stay pending and the sweep retries them.
      this.logger.error({ err: error, deliveries: keys.length }, 'event deliveries could not be run');
    }
  }
}
