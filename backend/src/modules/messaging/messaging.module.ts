import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { createMailer, Mailer } from './mailer';
import { createSmsSender, SmsSender } from './sms-sender';
import { PushSender, UnconfiguredPushSender } from './push-sender';

/** SMS and e-mail delivery, drivers chosen once from the validated config. */
@Global()
@Module({
  providers: [
    { provide: SmsSender, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createSmsSender(c) },
    { provide: Mailer, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createMailer(c) },
    { provide: PushSender, useClass: UnconfiguredPushSender },
  ],
  exports: [SmsSender, Mailer, PushSender],
})
export class MessagingModule {}
