import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface PgListenerHandlers {
  /** A NOTIFY on the channel, with its payload. */
  notify(payload: string): void;
  /** LISTEN is in place (first time and after every reconnect): notifications from now on arrive. */
  up?(): void;
  /** The connection is gone: notifications sent until `up` again are lost. */
  down?(): void;
}

/**
 * A dedicated connection that LISTENs on one PostgreSQL channel and reconnects with back-off
 * (0.5 s doubling to 30 s). Users must treat the time between `down` and `up` as blind: NOTIFY is
 * not queued for a listener that is not connected.
 */
export class PgListener {
  private client?: Client;
  private reconnect?: NodeJS.Timeout;
  private stopped = false;
  private listening = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: PgListenerHandlers,
    private readonly logger: Logger,
    private readonly applicationName = `otklik-${channel}`,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  }

  /** Whether notifications are arriving now. */
  get connected(): boolean {
    return this.listening;
  }

  start(): void {
    void this.connect(500);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.setDown();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(delayMs: number): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: this.applicationName });
    const retry = () => {
      if (this.stopped || this.client !== client) return;
      this.client = undefined;
      this.setDown();
      this.reconnect = setTimeout(() => void this.connect(Math.min(delayMs * 2, 30_000)), delayMs);
      this.reconnect.unref();
    };
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.notify(message.payload ?? '');
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, `LISTEN ${this.channel}: connection lost; reconnecting`);
      client.end().catch(() => undefined);
      retry();
    });
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      if (this.client === client) {
        this.listening = true;
        this.handlers.up?.();
      }
    } catch (error) {
      this.logger.warn({ err: error }, `LISTEN ${this.channel} failed; retrying`);
      client.end().catch(() => undefined);
      retry();
    }
  }

  private setDown(): void {
    if (!this.listening) return;
    this.listening = false;
    this.handlers.down?.();
  }
}
