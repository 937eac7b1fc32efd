import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { RateLimiter } from './rate-limiter';
import { DevSmsSender, HttpSmsSender, SmsSender } from './sms-sender';
import { SmppSmsSender } from './smpp/smpp-sms-sender';

/** The SMS driver SMS_GATEWAY names, each provider behind its own rate limit (SMS_RATE_PER_SECOND). */
export function createSmsSender(config: AppConfig): SmsSender {
  const { identity, messaging } = config;
  const limiter = () => new RateLimiter({ perSecond: messaging.rates.smsPerSecond });
  switch (identity.smsGateway) {
    case 'http':
      return new HttpSmsSender(identity.smsHttpUrl!, identity.smsHttpTemplate, messaging.smsHttpIdField, limiter(), messaging.smsHttpBatch, messaging.smsHttpStatus);
    case 'smpp':
      return new SmppSmsSender(messaging.smpp!, limiter());
    case 'dev':
      return new DevSmsSender(join(config.dataDir, 'outbox', 'sms'));
  }
}
