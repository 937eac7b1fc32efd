import { Logger } from '@nestjs/common';
import { writeDevMessage } from './dev-outbox';
import { httpPost } from './http-post';
import { RateLimiter } from './rate-limiter';

/** What the operator finally says about a message (an SMPP delivery receipt). */
export interface SmsReceipt {
  /** The id `send` resolved with. */
  providerId: string;
  status: 'delivered' | 'failed' | 'expired' | 'rejected' | 'unknown';
  at: Date;
  /** The operator's error code or text, when it gives one. */
  error?: string;
}

export type SmsReceiptListener = (receipt: SmsReceipt) => void;

export interface SmsSendOptions {
  /**
   * A key of this message that stays the same when it is sent again (the notification delivery's
   * id): a gateway that knows it can drop a repeat, so a send retried after a crash between the
   * gateway's acceptance and our record of it reaches the phone once. Drivers whose protocol has
   * no such key (SMPP) ignore it.
   */
  ref?: string;
}

/** Sends a text message to a +7 mobile number. Drivers are chosen by SMS_GATEWAY. */
export abstract class SmsSender {
  /**
   * Resolves once the gateway accepted the message, with the gateway's id of it (null when it
   * gives none); rejects when it did not (the caller retries later).
   */
  abstract send(phone: string, text: string, options?: SmsSendOptions): Promise<{ providerId: string | null }>;

  /** Delivery receipts, for drivers that get them (SMPP); the others never call the listener. */
  onReceipt(_listener: SmsReceiptListener): void {}

  /** Opens long-lived connections ahead of the first message (at boot). */
  start(): void {}

  /** Closes connections (at shutdown). */
  async close(): Promise<void> {}
}

/** Development driver: logs the message and writes it to DATA_DIR/outbox/sms/<time>-<id>.json. */
export class DevSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');
  constructor(private readonly dir: string) {
    super();
  }

  async send(phone: string, text: string): Promise<{ providerId: string | null }> {
    await writeDevMessage(this.dir, { phone, text, at: new Date().toISOString() });
    this.logger.log(`SMS to ${maskPhone(phone)} written to ${this.dir}`);
    return { providerId: null };
  }
}

/**
 * HTTP gateway driver: POSTs the configured JSON template with {phone}, {text} and {ref} (the
 * message's idempotency key, empty when it has none) filled in, and the key as the
 * `Idempotency-Key` header too; the gateway's message id is read from its JSON reply
 * (SMS_HTTP_ID_FIELD, dots for nested fields).
 */
export class HttpSmsSender extends SmsSender {
  constructor(
    private readonly url: string,
    private readonly template: string,
    private readonly idField = 'id',
    private readonly limiter?: RateLimiter,
  ) {
    super();
  }

  async send(phone: string, text: string, options: SmsSendOptions = {}): Promise<{ providerId: string | null }> {
    await this.limiter?.take();
    const esc = (v: string) => JSON.stringify(v).slice(1, -1);
    const body = this.template.replaceAll('{phone}', esc(phone)).replaceAll('{text}', esc(text)).replaceAll('{ref}', esc(options.ref ?? ''));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.ref) headers['idempotency-key'] = options.ref;
    const reply = await httpPost(this.url, { headers, body, timeoutMs: 10_000, readBody: true });
    if (reply.status < 200 || reply.status > 299) throw new Error(`SMS gateway answered ${reply.status}`);
    return { providerId: idIn(reply.text, this.idField) };
  }
}

/** The id at `path` of a JSON reply, as a string; null when the reply is not JSON or has none. */
export function idIn(reply: string, path: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(reply);
  } catch {
    return null;
  }
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/** +7 916 ***-**-67: enough for the person to recognise the number, not enough to harvest it. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return `+${d.slice(0, 1)} ${d.slice(1, 4)} ***-**-${d.slice(-2)}`;
}
