import { DynamicModule, Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { WebhookDeliveries } from './webhook-deliveries.repository';
import { WebhookPlanner } from './webhook-planner';
import { WebhookSender } from './webhook-sender.service';
import { WebhookSubscriptions } from './webhook-subscriptions.repository';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/**
 * Outgoing webhooks (issue 19): admin-managed subscriptions, and the consumer of domain events
 * that POSTs signed, versioned envelopes to them (Standard Webhooks), behind an SSRF guard.
 * `sending`: this process sends (it runs event consumers); the CLI does not.
 */
@Module({})
export class WebhooksModule {
  static forRoot(options: { sending: boolean }): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [AppealsModule],
      controllers: [WebhooksController],
      providers: [{ provide: 'WEBHOOK_SENDING', useValue: options.sending }, WebhookSubscriptions, WebhookDeliveries, WebhookPlanner, WebhookSender, WebhooksService],
    };
  }
}
