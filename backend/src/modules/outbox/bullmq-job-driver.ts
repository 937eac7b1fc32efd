import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DOMAIN_EVENTS_QUEUE } from './domain-event';
import { DeliveryKey, EventDeliveries } from './event-deliveries.service';
import { JobDriver } from './job-driver';

const jobOf = (key: DeliveryKey, delay = 0) => ({
  name: key.consumer,
  data: key,
  opts: {
    // One job per attempt: a re-dispatch of the same attempt (the sweep) is dropped by BullMQ.
    jobId: `d-${key.eventId}-${key.consumer}-${key.dueAt}`,
    delay,
    // Retries are ours (next_attempt_at in the database), not BullMQ's: one bookkeeping for both drivers.
    attempts: 1,
    removeOnComplete: { age: 24 * 3600, count: 10000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
});

/** Hands deliveries to BullMQ; worker processes (or this one) run them. */
@Injectable()
export class BullMqJobDriver implements JobDriver {
  readonly name = 'bullmq' as const;

  constructor(@InjectQueue(DOMAIN_EVENTS_QUEUE) private readonly queue: Queue) {}

  async dispatch(keys: DeliveryKey[]): Promise<void> {
    if (keys.length) await this.queue.addBulk(keys.map((key) => jobOf(key)));
  }

  async close(): Promise<void> {
    // The queue connection is closed by @nestjs/bullmq; running jobs finish in the workers.
  }
}

/** Thin processor: runs the delivery, and queues the next attempt at its retry time (CONVENTIONS.md #7). */
@Processor(DOMAIN_EVENTS_QUEUE, { concurrency: 4 })
export class DomainEventsProcessor extends WorkerHost {
  constructor(
    private readonly deliveries: EventDeliveries,
    @InjectQueue(DOMAIN_EVENTS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job<DeliveryKey>): Promise<void> {
    const result = await this.deliveries.run(job.data);
    if (result.outcome === 'retry') {
      const next = { ...job.data, dueAt: result.retryAt.getTime() };
      const { name, data, opts } = jobOf(next, Math.max(0, next.dueAt - Date.now()));
      await this.queue.add(name, data, opts);
    }
  }
}
