import { randomInt } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { connect, errors, PDU, Session } from 'smpp';
import type { SmppConfig } from '../../../config/messaging-config';
import { RateLimiter } from '../rate-limiter';
import { maskPhone, SmsReceiptListener, SmsSender } from '../sms-sender';
import { PartReceipts } from './part-receipts';
import { segmentSms } from './smpp-message';
import { parseDeliveryReceipt } from './smpp-receipt';

/** An SMSC's refusal (a non-zero command_status), named as in the specification. */
export class SmppCommandError extends Error {
  constructor(
    readonly command: string,
    readonly status: number,
  ) {
    super(`SMPP ${command} refused: ${statusName(status)} (0x${status.toString(16).padStart(8, '0')})`);
  }
}

const STATUS_NAMES = new Map(Object.entries(errors).map(([name, code]) => [code, name]));
function statusName(status: number): string {
  return STATUS_NAMES.get(status) ?? 'unknown status';
}

const RECONNECT_BASE_MS = 1000;

/**
 * SMS over SMPP 3.4 (SMS_GATEWAY=smpp): one persistent bind_transceiver session to the SMSC,
 * re-bound after any loss with exponential back-off (RECONNECT_BASE_MS doubling up to
 * SMPP_RECONNECT_MAX_MS, ±20 % jitter), kept alive and checked with enquire_link. A send waits at
 * most SMPP_BIND_TIMEOUT_MS for a bound session and SMPP_SUBMIT_TIMEOUT_MS for each
 * submit_sm_resp, and fails otherwise so the caller retries later. Texts are segmented by
 * `segmentSms` (GSM 03.38 or UCS-2; long ones concatenated with a UDH), each part asks for a
 * delivery receipt, and `send` resolves with the first part's message_id; deliver_sm receipts are
 * answered, parsed and folded per message (PartReceipts) before they reach `onReceipt`.
 */
export class SmppSmsSender extends SmsSender {
  private readonly logger = new Logger('Smpp');
  private session: Session | null = null;
  private bound = false;
  private started = false;
  private closed = false;
  private attempts = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private keepaliveTimer?: NodeJS.Timeout;
  private awaitingEnquire = false;
  private readonly boundWaiters = new Set<() => void>();
  private readonly pending = new Map<number, (error: Error) => void>();
  private submitKey = 0;
  private reference = randomInt(256);
  private readonly listeners: SmsReceiptListener[] = [];
  private readonly parts = new PartReceipts();

  constructor(
    private readonly config: SmppConfig,
    private readonly limiter?: RateLimiter,
    private readonly reconnectBaseMs = RECONNECT_BASE_MS,
  ) {
    super();
  }

  /** Whether a bound session is up now. */
  get isBound(): boolean {
    return this.bound;
  }

  override onReceipt(listener: SmsReceiptListener): void {
    this.listeners.push(listener);
  }

  /** Connects and binds in the background (at boot), so receipts held by the SMSC flow in. */
  override start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.connect();
  }

  /** SMPP 3.4's submit_sm has no idempotency key: a resend after a crash is a second message (SmsSendOptions.ref is not used). */
  async send(phone: string, text: string): Promise<{ providerId: string | null }> {
    if (this.closed) throw new Error('SMPP sender is closed');
    const destination = phone.replace(/\D/g, '');
    const segments = segmentSms(text, this.reference++);
    const group = segments.length > 1 ? this.parts.open(segments.length) : null;
    let firstId: string | null = null;
    try {
      for (const [index, segment] of segments.entries()) {
        await this.limiter?.take();
        const session = await this.boundSession();
        const messageId = await this.submit(
          session,
          {
            ...this.source(),
            dest_addr_ton: 1,
            dest_addr_npi: 1,
            destination_addr: destination,
            esm_class: segment.esmClass,
            data_coding: segment.dataCoding,
            registered_delivery: 1,
            short_message: segment.shortMessage,
          },
          (id) => {
            if (group) this.parts.accept(group, index, id);
          },
        );
        firstId ??= messageId;
      }
    } catch (error) {
      if (group) this.parts.drop(group);
      throw error;
    }
    this.logger.debug(`SMS to ${maskPhone(phone)} accepted by the SMSC in ${segments.length} part(s) as ${firstId}`);
    return { providerId: firstId };
  }

  /** Unbinds (waiting briefly for unbind_resp) and closes the connection; no reconnects after this. */
  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.stopKeepalive();
    this.failPending(new Error('SMPP sender closed'));
    const session = this.session;
    if (!session) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(guard);
        resolve();
      };
      const guard = setTimeout(() => session.destroy(done), 2000);
      if (this.bound && session.unbind(() => session.close(done))) return;
      session.destroy(done);
    });
    this.bound = false;
    this.session = null;
  }

  private source(): Record<string, unknown> {
    const numeric = /^\+?\d+$/.test(this.config.sourceAddr);
    return numeric
      ? { source_addr_ton: 1, source_addr_npi: 1, source_addr: this.config.sourceAddr.replace(/^\+/, '') }
      : { source_addr_ton: 5, source_addr_npi: 0, source_addr: this.config.sourceAddr };
  }

  private get where(): string {
    return `${this.config.host}:${this.config.port}`;
  }

  private connect(): void {
    if (this.closed) return;
    const { host, port, tls } = this.config;
    const session = connect({ host, port, tls });
    this.session = session;
    // A connection that neither binds nor fails (a black-holed address) is given up and retried.
    const guard = setTimeout(() => {
      if (this.session === session && !this.bound) {
        this.logger.warn(`SMPP ${this.where}: not bound within ${this.config.bindTimeoutMs} ms; reconnecting`);
        session.destroy();
      }
    }, this.config.bindTimeoutMs);
    guard.unref();
    session.on(tls ? 'secureConnect' : 'connect', () => this.bind(session));
    session.on('error', (error: Error) => this.logger.warn(`SMPP ${this.where}: ${error.message}`));
    session.on('close', () => {
      clearTimeout(guard);
      this.onClose(session);
    });
    session.on('deliver_sm', (pdu: PDU) => this.onDeliver(session, pdu));
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
  }

  private bind(session: Session): void {
    const { systemId, password, systemType } = this.config;
    session.bind_transceiver({ system_id: systemId, password, system_type: systemType, interface_version: 0x34 }, (pdu) => {
      if (this.session !== session) return;
      if (pdu.command_status !== 0) {
        // Credentials refused: the back-off keeps retrying (an operator may fix the account) without flooding.
        this.logger.error(`SMPP ${this.where}: ${new SmppCommandError('bind_transceiver', pdu.command_status).message}`);
        session.close();
        return;
      }
      this.bound = true;
      this.attempts = 0;
      this.logger.log(`SMPP bound to ${this.where} as ${systemId}`);
      this.startKeepalive(session);
      for (const wake of this.boundWaiters) wake();
      this.boundWaiters.clear();
    });
  }

  private onClose(session: Session): void {
    if (this.session !== session) return;
    const wasBound = this.bound;
    this.session = null;
    this.bound = false;
    this.stopKeepalive();
    this.failPending(new Error(`SMPP connection to ${this.where} closed before the SMSC answered`));
    if (this.closed) return;
    const delay = Math.min(this.reconnectBaseMs * 2 ** this.attempts, this.config.reconnectMaxMs) * (0.8 + Math.random() * 0.4);
    this.attempts = Math.min(this.attempts + 1, 30);
    if (wasBound) this.logger.warn(`SMPP connection to ${this.where} lost; reconnecting in ${Math.round(delay)} ms`);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
    this.reconnectTimer.unref();
  }

  private startKeepalive(session: Session): void {
    this.stopKeepalive();
    this.awaitingEnquire = false;
    this.keepaliveTimer = setInterval(() => {
      if (this.awaitingEnquire) {
        this.logger.warn(`SMPP ${this.where}: enquire_link unanswered for ${this.config.enquireLinkSeconds} s; reconnecting`);
        session.destroy();
        return;
      }
      this.awaitingEnquire = true;
      session.enquire_link(() => (this.awaitingEnquire = false));
    }, this.config.enquireLinkSeconds * 1000);
    this.keepaliveTimer.unref();
  }

  private stopKeepalive(): void {
    clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = undefined;
  }

  /** The bound session, waiting for a bind for at most SMPP_BIND_TIMEOUT_MS. */
  private boundSession(): Promise<Session> {
    if (this.bound && this.session) return Promise.resolve(this.session);
    this.start();
    return new Promise<Session>((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        this.boundWaiters.delete(wake);
        if (this.bound && this.session) resolve(this.session);
        else reject(new Error(`SMPP sender closed`));
      };
      const timer = setTimeout(() => {
        this.boundWaiters.delete(wake);
        reject(new Error(`SMPP: not bound to ${this.where} within ${this.config.bindTimeoutMs} ms; try again later`));
      }, this.config.bindTimeoutMs);
      this.boundWaiters.add(wake);
    });
  }

  private submit(session: Session, fields: Record<string, unknown>, accepted: (messageId: string) => void): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const key = ++this.submitKey;
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.pending.delete(key);
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`SMPP: no submit_sm_resp from ${this.where} within ${this.config.submitTimeoutMs} ms`)), this.config.submitTimeoutMs);
      this.pending.set(key, fail);
      const written = session.submit_sm(fields, (resp) => {
        if (!this.pending.delete(key)) return;
        clearTimeout(timer);
        if (resp.command_status !== 0) return reject(new SmppCommandError('submit_sm', resp.command_status));
        const messageId = String(resp.message_id ?? '');
        if (!messageId) return reject(new Error('SMPP: submit_sm_resp without a message_id'));
        // Synchronously: the part's receipt may be the very next PDU in the same read.
        accepted(messageId);
        resolve(messageId);
      });
      if (!written) fail(new Error(`SMPP connection to ${this.where} is not writable`));
    });
  }

  private failPending(error: Error): void {
    for (const fail of [...this.pending.values()]) fail(error);
    this.pending.clear();
    if (this.closed) {
      for (const wake of [...this.boundWaiters]) wake();
    }
  }

  private onDeliver(session: Session, pdu: PDU): void {
    // Answer first: an SMSC re-sends unanswered deliver_sm and may stop delivering to us.
    session.send(pdu.response());
    const part = parseDeliveryReceipt(pdu);
    if (!part) {
      this.logger.debug(`SMPP ${this.where}: a deliver_sm that is not a delivery receipt (ignored)`);
      return;
    }
    const receipt = this.parts.settle(part, new Date());
    if (!receipt) return;
    for (const listener of this.listeners) {
      try {
        listener(receipt);
      } catch (error) {
        this.logger.error(`SMS receipt listener failed: ${(error as Error).message}`);
      }
    }
  }
}
