import { Injectable } from '@nestjs/common';
import { DispatchedEvent } from './domain-event';
import { DomainEventBus } from './domain-event-bus';
import { JobDriver } from './job-driver';

/** Runs consumers in this process, in order; a failure leaves the event in the outbox for a retry. */
@Injectable()
export class InlineJobDriver implements JobDriver {
  readonly name = 'inline' as const;

  constructor(private readonly bus: DomainEventBus) {}

  async dispatch(events: DispatchedEvent[]): Promise<void> {
    for (const event of events) await this.bus.handle(event);
  }
}
