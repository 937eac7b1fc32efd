import { Global, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { createMailer, Mailer } from './mailer';
import { createPushSender, PushSender } from './push-sender';
import { createSmsSender } from './sms-gateways';
import { SmsSender } from './sms-sender';

/** SMS, e-mail and web push delivery, drivers chosen once from the validated config. */
@Global()
@Module({
  providers: [
    { provide: SmsSender, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createSmsSender(c) },
    { provide: Mailer, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createMailer(c) },
    { provide: PushSender, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createPushSender(c.messaging.vapid, c.messaging.rates.pushPerSecond, c.messaging.pushAllowLocalEndpoints) },
  ],
  exports: [SmsSender, Mailer, PushSender],
})
export class MessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly sms: SmsSender,
    private readonly mailer: Mailer,
    private readonly push: PushSender,
  ) {}

  /** An SMPP session binds at boot, so receipts the SMSC holds for us arrive without waiting for a send. */
  onApplicationBootstrap(): void {
    this.sms.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.sms.close(), this.mailer.close(), this.push.close()]);
  }
}
