import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../../backend/src/config/app-config';
import { ConfigModule } from '../../../backend/src/config/config.module';
import { MessagingModule } from '../../../backend/src/modules/messaging/messaging.module';
import { PushSender, WebPushSender } from '../../../backend/src/modules/messaging/push-sender';
import { SmsReceipt, SmsSender } from '../../../backend/src/modules/messaging/sms-sender';
import { SmppSmsSender } from '../../../backend/src/modules/messaging/smpp/smpp-sms-sender';
import { startSmppServer } from '../../support/channels/smpp-server';
import { until } from '../../support/channels/until';

/** The messaging module as Nest wires it: SMS_GATEWAY=smpp binds at boot and unbinds at shutdown. */
describe('MessagingModule with SMS_GATEWAY=smpp', () => {
  it('binds at bootstrap, sends through the SMSC, reports receipts, and unbinds when the application closes', async () => {
    const smsc = await startSmppServer();
    const config = loadConfig({ APP_MODE: 'demo', DATA_DIR: mkdtempSync(join(tmpdir(), 'otklik-messaging-')), SMS_GATEWAY: 'smpp', SMPP_URL: smsc.url, LOG_LEVEL: 'silent' });
    @Module({ imports: [ConfigModule.forRoot(config), MessagingModule] })
    class TestModule {}
    const app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    try {
      await app.init();
      const sms = app.get(SmsSender);
      expect(sms).toBeInstanceOf(SmppSmsSender);
      expect(app.get(PushSender)).toBeInstanceOf(WebPushSender);
      expect(app.get(PushSender).publicKey).toBe(config.messaging.vapid.publicKey);
      await until(() => smsc.binds === 1);

      const receipts: SmsReceipt[] = [];
      sms.onReceipt((r) => receipts.push(r));
      const { providerId } = await sms.send('+79161234567', 'Код подтверждения: 123456');
      await until(() => receipts.length === 1);
      expect(receipts[0]).toMatchObject({ providerId, status: 'delivered' });
    } finally {
      await app.close();
    }
    await until(() => smsc.unbinds === 1);
    await smsc.close();
  });
});
