import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppealAccess } from '../../appeals/appeal-access.service';
import { OutboxService, RelayedEvent } from '../../outbox/outbox.service';
import { NotificationStream } from './notification-stream';

/**
 * The live staff queue (issue 15): every appeal event the outbox relay of this process claims
 * becomes a `queue` message on the notification stream of the staff whose queues show the appeal
 * — its handling department, the one overseeing its escalation, and the one its payload names
 * (a redirect takes it out of that queue). With Redis it crosses processes as the notices do.
 *
 * Not an event consumer: a live view is best effort (a console that missed a message reloads
 * its view on reconnect), so it needs no delivery record per event, and it hears of an event the
 * moment the relay commits, not after a queued job.
 */
@Injectable()
export class StaffQueueFeed implements OnModuleInit {
  private readonly logger = new Logger(StaffQueueFeed.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly access: AppealAccess,
    private readonly stream: NotificationStream,
  ) {}

  onModuleInit(): void {
    this.outbox.onRelayed((events) => void this.relay(events).catch((error) => this.logger.warn({ err: error }, 'staff queue feed failed')));
  }

  async relay(events: RelayedEvent[]): Promise<void> {
    const appeals = events.filter((e) => e.aggregateType === 'appeal');
    if (appeals.length === 0) return;
    const now = await this.access.queueDepartmentsOf(appeals.map((e) => e.aggregateId));
    const envelopes = appeals.flatMap((event) => {
      const appeal = now.get(event.aggregateId);
      if (!appeal) return [];
      const departments = [...new Set([...appeal.departments, ...(event.departmentId ? [event.departmentId] : [])])];
      return [{ departments, message: { type: 'queue' as const, item: { appealId: event.aggregateId, number: appeal.number, event: event.eventType } } }];
    });
    await this.stream.publish(envelopes);
  }
}
