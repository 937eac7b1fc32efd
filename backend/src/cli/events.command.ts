import { Command, CommandRunner, Option } from 'nest-commander';
import { EventDeliveries } from '../modules/outbox/event-deliveries.service';
import { DeliveryStatus } from '../modules/outbox/event-delivery.entity';

interface ListOptions {
  status: DeliveryStatus;
  consumer?: string;
  limit: number;
}

/** Dead letters (or pending deliveries) as JSON lines, newest first. */
@Command({ name: 'events:dead', description: 'List deliveries of domain events to consumers that are dead letters (or --status pending|done|discarded), newest first, as JSON lines' })
export class EventsDeadCommand extends CommandRunner {
  constructor(private readonly deliveries: EventDeliveries) {
    super();
  }

  async run(_args: string[], options: ListOptions): Promise<void> {
    const rows = await this.deliveries.list({ status: options.status ?? 'dead', consumer: options.consumer, limit: options.limit ?? 100 });
    for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    process.stderr.write(`${rows.length} ${options.status ?? 'dead'} deliveries\n`);
  }

  @Option({ flags: '--status <status>', description: 'dead (default), pending, done or discarded' })
  status(value: string): DeliveryStatus {
    if (!['dead', 'pending', 'done', 'discarded'].includes(value)) throw new Error('--status must be one of dead, pending, done, discarded');
    return value as DeliveryStatus;
  }

  @Option({ flags: '--consumer <name>', description: 'only this consumer (e.g. notifications.email)' })
  consumer(value: string): string {
    return value;
  }

  @Option({ flags: '--limit <n>', description: 'at most this many (default 100)' })
  limit(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 10000) throw new Error('--limit must be a whole number from 1 to 10000');
    return n;
  }
}

interface RetryOptions {
  event?: string[];
  consumer?: string;
  all?: boolean;
}

/**
 * Puts dead letters back to pending with a fresh budget of attempts. The running server (or a
 * worker) picks them up within a second; nothing runs in the CLI process itself.
 */
@Command({ name: 'events:retry', description: 'Retry dead deliveries: --event <id> (repeatable), --consumer <name>, or --all' })
export class EventsRetryCommand extends CommandRunner {
  constructor(private readonly deliveries: EventDeliveries) {
    super();
  }

  async run(_args: string[], options: RetryOptions): Promise<void> {
    if (!options.all && !options.event?.length && !options.consumer) throw new Error('say which dead letters: --event <id>, --consumer <name>, or --all');
    const retried = await this.deliveries.retryDead({ eventIds: options.event, consumer: options.consumer });
    process.stdout.write(`${JSON.stringify({ retried: retried.length, deliveries: retried.map(({ eventId, consumer }) => ({ eventId, consumer })) })}\n`);
  }

  @Option({ flags: '--event <id>', description: 'an outbox event id (repeatable)' })
  event(value: string, previous: string[] = []): string[] {
    if (!/^\d{1,18}$/.test(value)) throw new Error('--event must be an event id (digits)');
    return [...previous, value];
  }

  @Option({ flags: '--consumer <name>', description: 'only this consumer' })
  consumer(value: string): string {
    return value;
  }

  @Option({ flags: '--all', description: 'every dead letter' })
  all(): boolean {
    return true;
  }
}
