import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DispatchedEvent, DOMAIN_EVENTS_QUEUE } from './domain-event';
import { DomainEventBus } from './domain-event-bus';
import { JobDriver } from './job-driver';

/**
 * Hands events to BullMQ. The job id is the outbox id plus its creation time, so a re-dispatch
 * never doubles a job, and a database restored or recreated (ids counted again) never collides
 * with jobs Redis still remembers.
 */
@Injectable()
export class BullMqJobDriver implements JobDriver {
  readonly name = 'bullmq' as const;

  constructor(@InjectQueue(DOMAIN_EVENTS_QUEUE) private readonly queue: Queue) {}

  async dispatch(events: DispatchedEvent[]): Promise<void> {
    await this.queue.addBulk(
      events.map((event) => ({
        name: event.eventType,
        data: event,
        opts: {
          jobId: `outbox-${event.id}-${Date.parse(event.createdAt)}`,
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 10000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      })),
    );
  }
}

/** Thin processor: hands the job to the event bus (CONVENTIONS.md #7). */
@Processor(DOMAIN_EVENTS_QUEUE)
export class DomainEventsProcessor extends WorkerHost {
  constructor(private readonly bus: DomainEventBus) {
    super();
  }

  async process(job: Job<DispatchedEvent>): Promise<void> {
    await this.bus.handle(job.data);
  }
}
