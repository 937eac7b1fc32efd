import { writeDevMessage } from './dev-outbox';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

/** Sends a text message to a +7 mobile number. Drivers are chosen by SMS_GATEWAY. */
export abstract class SmsSender {
  abstract send(phone: string, text: string): Promise<void>;
  /** Delivery receipts, for drivers that get them. */
  onReceipt(listener: (receipt: { providerId: string; status: string; at: Date; error?: string }) => void): void {
    void listener;
  }
}

/** Development driver: logs the message and writes it to DATA_DIR/outbox/sms/<time>-<id>.json. */
export class DevSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');
  constructor(private readonly dir: string) {
    super();
  }

  async send(phone: string, text: string): Promise<void> {
    await writeDevMessage(this.dir, { phone, text, at: new Date().toISOString() });
    this.logger.log(`SMS to ${maskPhone(phone)} written to ${this.dir}`);
  }
}

/** HTTP gateway driver: POSTs the configured JSON template with {phone} and {text} filled in. */
export class HttpSmsSender extends SmsSender {
  constructor(
    private readonly url: string,
    private readonly template: string,
  ) {
    super();
  }

  async send(phone: string, text: string): Promise<void> {
    const esc = (v: string) => JSON.stringify(v).slice(1, -1);
    const body = this.template.replaceAll('{phone}', esc(phone)).replaceAll('{text}', esc(text));
    const res = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}

export function createSmsSender(config: AppConfig): SmsSender {
  const { identity } = config;
  switch (identity.smsGateway) {
    case 'http':
      return new HttpSmsSender(identity.smsHttpUrl!, identity.smsHttpTemplate);
    case 'dev':
      return new DevSmsSender(join(config.dataDir, 'outbox', 'sms'));
  }
}

/** +7 916 ***-**-67: enough for the person to recognise the number, not enough to harvest it. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return `+${d.slice(0, 1)} ${d.slice(1, 4)} ***-**-${d.slice(-2)}`;
}
