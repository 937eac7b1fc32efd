import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { BullMqJobDriver, DomainEventsProcessor } from './bullmq-job-driver';
import { DOMAIN_EVENTS_QUEUE } from './domain-event';
import { DeadLetterService } from './dead-letters.service';
import { EventConsumers } from './event-consumers';
import { EventDeliveriesController } from './event-deliveries.controller';
import { EventDeliveries } from './event-deliveries.service';
import { InlineJobDriver } from './inline-job-driver';
import { JOB_DRIVER } from './job-driver';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxService } from './outbox.service';
import { QueueBoardController } from './queue-board.controller';
import { QueueBoardSessions } from './queue-board';

export function redisConnection(redisUrl: string) {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * The transactional outbox, its relay and the consumer deliveries. With REDIS_URL the relay feeds
 * BullMQ and processors consume it (in this process unless `runWorker` is false); without it, the
 * inline driver runs consumers in-process. The CLI gets the registry and the delivery records
 * (dead letters) but no relay.
 */
@Global()
@Module({})
export class OutboxModule {
  static forRoot(config: AppConfig, options: { relay: boolean; runWorker: boolean }): DynamicModule {
    const providers: Provider[] = [OutboxService, EventConsumers, EventDeliveries, DeadLetterService, QueueBoardSessions];
    const imports: DynamicModule[] = [];
    const queues: DynamicModule[] = [];
    if (config.redisUrl) {
      queues.push(BullModule.registerQueue({ name: DOMAIN_EVENTS_QUEUE }));
      imports.push(BullModule.forRoot({ connection: redisConnection(config.redisUrl), prefix: config.queuePrefix }), ...queues);
      providers.push({ provide: JOB_DRIVER, useClass: BullMqJobDriver });
      if (options.runWorker) providers.push(DomainEventsProcessor);
    } else {
      providers.push({ provide: JOB_DRIVER, useClass: InlineJobDriver });
    }
    if (options.relay) providers.push(OutboxRelay);
    return {
      module: OutboxModule,
      imports,
      controllers: [EventDeliveriesController, QueueBoardController],
      providers,
      exports: [OutboxService, EventConsumers, EventDeliveries, QueueBoardSessions, JOB_DRIVER, ...(options.relay ? [OutboxRelay] : []), ...queues],
    };
  }
}
