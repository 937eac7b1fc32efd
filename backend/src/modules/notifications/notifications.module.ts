import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { EmailNotifier } from './email-notifier.service';
import { NotificationDeliveries } from './notification-deliveries.repository';
import { UserDirectoryModule } from '../users/user-directory.module';

/**
 * Notifications (ARCHITECTURE.md): consumers of the transactional outbox. So far the e-mail
 * channel for the workflow's notices; in-app, SMS, web push, preferences and the real-time
 * stream are not built yet.
 */
@Module({ imports: [AppealsModule, UserDirectoryModule], providers: [EmailNotifier, NotificationDeliveries] })
export class NotificationsModule {}
