import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { SmsHttpBatchConfig, SmsHttpStatusConfig } from '../../config/messaging-config';
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

/** One message of a batch. */
export interface SmsMessage {
  phone: string;
  text: string;
  ref?: string;
}

/** What became of one message of a batch: the gateway's id of it (null when it gives none), or why it was not accepted. */
export type SmsOutcome = { providerId: string | null } | { error: Error };

/** Sends a text message to a +7 mobile number. Drivers are chosen by SMS_GATEWAY. */
export abstract class SmsSender {
  /**
   * Resolves once the gateway accepted the message, with the gateway's id of it (null when it
   * gives none); rejects when it did not (the caller retries later).
   */
  abstract send(phone: string, text: string, options?: SmsSendOptions): Promise<{ providerId: string | null }>;

  /** The most messages `sendMany` submits at once; 1: the driver submits one at a time. */
  get batchSize(): number {
    return 1;
  }

  /**
   * Several messages, one outcome each in their order. Drivers without a batch submit send them
   * one by one (each behind the rate limit, as `send`).
   */
  async sendMany(messages: SmsMessage[]): Promise<SmsOutcome[]> {
    return Promise.all(messages.map((m) => this.send(m.phone, m.text, { ref: m.ref }).catch((error: unknown) => ({ error: asError(error) }))));
  }

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
 * message's idempotency key) filled in, and the key as the `Idempotency-Key` header too; the
 * gateway's message id is read from its JSON reply (SMS_HTTP_ID_FIELD, dots for nested fields).
 * A message sent without a key (a sign-in code) gets a fresh one: it is never a repeat, and a
 * gateway that requires a message id (Infobip's messageId) gets a unique one, not an empty one.
 * With SMS_HTTP_STATUS_FIELD the reply's status of each message is read too: a refused one fails.
 */
export class HttpSmsSender extends SmsSender {
  constructor(
    private readonly url: string,
    private readonly template: string,
    private readonly idField = 'id',
    private readonly limiter?: RateLimiter,
    /** SMS_HTTP_BATCH_*: every message goes in the batch shape (a lone one as a batch of one). */
    private readonly batch?: SmsHttpBatchConfig,
    /** SMS_HTTP_STATUS_FIELD: where the reply says a message was refused. */
    private readonly status?: SmsHttpStatusConfig,
  ) {
    super();
  }

  override get batchSize(): number {
    return this.batch?.size ?? 1;
  }

  async send(phone: string, text: string, options: SmsSendOptions = {}): Promise<{ providerId: string | null }> {
    if (this.batch) {
      const [outcome] = await this.sendMany([{ phone, text, ref: options.ref }]);
      if ('error' in outcome) throw outcome.error;
      return outcome;
    }
    await this.limiter?.take();
    const ref = options.ref || randomUUID();
    const body = this.render({ phone, text, ref });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': ref };
    const reply = await httpPost(this.url, { headers, body, timeoutMs: 10_000, readBody: true });
    if (reply.status < 200 || reply.status > 299) throw new Error(`SMS gateway answered ${reply.status}`);
    const parsed = parseJson(reply.text);
    const refusal = this.refusal(parsed);
    if (refusal) throw refusal;
    return { providerId: idOf(valueAt(parsed, this.idField)) };
  }

  /** The error for a message the gateway's reply (or batch entry) says it refused; null when it accepted it. */
  private refusal(reply: unknown): Error | null {
    if (!this.status) return null;
    const status = valueAt(reply, this.status.field);
    return typeof status === 'string' && this.status.rejected.has(status) ? new Error(`SMS gateway refused the message: ${this.status.field} is ${status}`) : null;
  }

  /**
   * One request per SMS_HTTP_BATCH_SIZE messages, each message SMS_HTTP_TEMPLATE inside
   * SMS_HTTP_BATCH_TEMPLATE's array, a rate-limit token each. The reply lists one entry per
   * message in order, with its id; a reply that does not (not JSON, another count) fails them all,
   * as a refused request does: the caller retries them with the same refs (a gateway that keys
   * messages by them — Infobip's messageId — recognises a repeat).
   */
  override async sendMany(messages: SmsMessage[]): Promise<SmsOutcome[]> {
    const batch = this.batch;
    if (!batch) return super.sendMany(messages);
    const outcomes: SmsOutcome[] = [];
    for (let i = 0; i < messages.length; i += batch.size) {
      const chunk = messages.slice(i, i + batch.size);
      try {
        outcomes.push(...(await this.submit(chunk, batch)));
      } catch (error) {
        const failure = asError(error);
        outcomes.push(...chunk.map(() => ({ error: failure })));
      }
    }
    return outcomes;
  }

  private async submit(chunk: SmsMessage[], batch: SmsHttpBatchConfig): Promise<SmsOutcome[]> {
    if (this.limiter) for (let n = 0; n < chunk.length; n++) await this.limiter.take();
    // split/join: the messages go in as they are, never scanned for the placeholder again.
    const body = batch.template.split('{messages}').join(`[${chunk.map((m) => this.render(m)).join(',')}]`);
    const reply = await httpPost(this.url, { headers: { 'content-type': 'application/json' }, body, timeoutMs: 10_000, readBody: true, maxReplyBytes: 4 * 1024 * 1024 });
    if (reply.status < 200 || reply.status > 299) throw new Error(`SMS gateway answered ${reply.status}`);
    const entries = valueAt(parseJson(reply.text), batch.replyField);
    if (!Array.isArray(entries) || entries.length !== chunk.length) {
      throw new Error(`SMS gateway's batch reply does not list the ${chunk.length} messages at "${batch.replyField}"`);
    }
    return entries.map((entry): SmsOutcome => {
      const refusal = this.refusal(entry);
      return refusal ? { error: refusal } : { providerId: idOf(valueAt(entry, this.idField)) };
    });
  }

  /** SMS_HTTP_TEMPLATE with one message's fields (a fresh key for one sent without). */
  private render(m: SmsMessage): string {
    const esc = (v: string) => JSON.stringify(v).slice(1, -1);
    return this.template.replaceAll('{phone}', esc(m.phone)).replaceAll('{text}', esc(m.text)).replaceAll('{ref}', esc(m.ref || randomUUID()));
  }
}

/** The id at `path` of a JSON reply, as a string; null when the reply is not JSON or has none. */
export function idIn(reply: string, path: string): string | null {
  return idOf(valueAt(parseJson(reply), path));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The value at a dotted path of parsed JSON (undefined when it is not there). */
function valueAt(value: unknown, path: string): unknown {
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** +7 916 ***-**-67: enough for the person to recognise the number, not enough to harvest it. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return `+${d.slice(0, 1)} ${d.slice(1, 4)} ***-**-${d.slice(-2)}`;
}
