import { DynamicModule, Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { AppealWorkflowModule } from '../workflow/appeal-workflow.module';
import { NotificationDeadLetters } from './delivery/notification-dead-letters.service';
import { NotificationDeliveriesController } from './delivery/notification-deliveries.controller';
import { NotificationDeliveries } from './delivery/notification-deliveries.repository';
import { NotificationPlanner } from './delivery/notification-planner';
import { NotificationSender } from './delivery/notification-sender.service';
import { NotificationEventStream } from './inbox/notification-event-stream';
import { NotificationInbox } from './inbox/notification-inbox.repository';
import { NotificationStream } from './inbox/notification-stream';
import { StaffQueueFeed } from './inbox/staff-queue-feed';
import { AppealNotificationsController, MeNotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { AppealPresenceController } from './presence/appeal-presence.controller';
import { AppealPresenceRepository } from './presence/appeal-presence.repository';
import { AppealPresence, PRESENCE_SWEEP_MODE } from './presence/appeal-presence.service';
import { NotificationPreferences } from './preferences/notification-preferences.service';
import { PushSubscriptions } from './push/push-subscriptions.repository';
import { NoticeTemplateOverrides } from './templates/notice-templates.repository';
import { NotificationTemplatesController } from './templates/notification-templates.controller';
import { NotificationTemplatesService } from './templates/notification-templates.service';

/**
 * Notifications (ARCHITECTURE.md): the consumer of domain events that tells citizens and staff
 * what happened, on the channels they chose — in-app (with a live SSE stream), e-mail, SMS, web
 * push — with one delivery record per event × recipient × channel. `sending`: this process sends
 * (it runs event consumers: the API in embedded mode, workers with Redis); the CLI does not.
 */
@Module({})
export class NotificationsModule {
  /** `live`: this process serves the live streams (API processes) and sweeps expired card presence. */
  static forRoot(options: { sending: boolean; live: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [AppealsModule, UserDirectoryModule, AppealWorkflowModule],
      controllers: [MeNotificationsController, AppealNotificationsController, NotificationDeliveriesController, NotificationTemplatesController, AppealPresenceController],
      providers: [
        { provide: 'NOTIFICATION_SENDING', useValue: options.sending },
        NotificationPlanner,
        NotificationSender,
        NotificationDeliveries,
        NotificationDeadLetters,
        NotificationInbox,
        NotificationStream,
        NotificationEventStream,
        StaffQueueFeed,
        AppealPresenceRepository,
        AppealPresence,
        { provide: PRESENCE_SWEEP_MODE, useValue: options.live ? 'inline' : 'off' },
        NotificationPreferences,
        PushSubscriptions,
        NotificationsService,
        NoticeTemplateOverrides,
        NotificationTemplatesService,
      ],
    };
  }
}
