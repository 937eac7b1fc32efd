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
 * moment the relay commits, not after a queued job. A relay pass sends one message per appeal and
 * kind of event: the same step on the same appeal twice in a pass tells a queue nothing new (a
 * console refreshes its rows once for both), and a burst of one appeal's events (an import, a
 * bulk action) does not become a message per event for every process to parse.
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
    const seen = new Set<string>();
    const appeals = events.filter((e) => {
      if (e.aggregateType !== 'appeal') return false;
      const key = `${e.aggregateId}|${e.eventType}|${e.departmentId ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
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
