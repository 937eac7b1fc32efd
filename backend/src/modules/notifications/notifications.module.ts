import { Module } from '@nestjs/common';
import { EmailNotifier } from './email-notifier.service';

/**
 * Notifications (ARCHITECTURE.md): consumers of the transactional outbox. So far the e-mail
 * channel for the workflow's notices; in-app, SMS, web push, preferences and the real-time
 * stream are not built yet.
 */
@Module({ providers: [EmailNotifier] })
export class NotificationsModule {}
