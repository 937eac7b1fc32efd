import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Gauge } from 'prom-client';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import type { Present } from '../presence/appeal-presence.repository';
import type { InboxItem } from './notification-inbox.repository';

/** A row of the staff queue changed (an appeal step, a message): the console refreshes what it shows. */
export interface QueueChange {
  appealId: string;
  number: number | null;
  /** The domain event that changed it (appeal.taken, appeal.message…). */
  event: string;
}

/** Who is on an appeal's card now (the whole list; empty when the last one left). */
export interface PresenceChange {
  appealId: string;
  present: Present[];
}

/** What the stream carries to a user's open connections. */
export type StreamMessage =
  | { type: 'notification'; item: InboxItem }
  | { type: 'unread'; unread: number }
  | { type: 'queue'; item: QueueChange }
  | { type: 'presence'; item: PresenceChange };
/** To one user's connections, or to every staff connection whose queue covers one of the departments. */
type Envelope = { userId: string; message: StreamMessage } | { departments: string[]; message: StreamMessage };
type Listener = (message: StreamMessage) => void;

const connected = new Gauge({ name: 'otklik_notification_streams', help: 'Open notification streams (SSE connections) in this process' });

/**
 * Fans new in-app items out to the users' open streams. With REDIS_URL every process publishes
 * to one Redis channel and every API process delivers what its own connections are waiting for,
 * so a notice planned in a worker reaches a browser connected to any API process; without
 * Redis (one process) it is delivered in-process.
 */
@Injectable()
export class NotificationStream implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationStream.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Staff connections by department of their queue's scope. */
  private readonly departmentListeners = new Map<string, Set<Listener>>();
  private readonly channel: string;
  private pub?: Redis;
  private sub?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.channel = `${config.queuePrefix}:notifications`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    this.pub = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
    this.sub = new Redis(this.config.redisUrl, { lazyConnect: true });
    for (const client of [this.pub, this.sub]) client.on('error', (err) => this.logger.warn({ err }, 'notification stream: Redis error'));
    this.sub.on('message', (_channel: string, raw: string) => {
      try {
        for (const envelope of JSON.parse(raw) as Envelope[]) this.deliver(envelope);
      } catch (error) {
        this.logger.warn({ err: error }, 'notification stream: unreadable message');
      }
    });
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    this.pub?.disconnect();
    this.sub?.disconnect();
  }

  /**
   * Sends to the users' streams wherever they are connected. Best effort: a stream that misses
   * a message (Redis down a moment) gets it on reconnect through Last-Event-ID.
   */
  async publish(envelopes: Envelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    if (!this.pub) {
      for (const envelope of envelopes) this.deliver(envelope);
      return;
    }
    try {
      await this.pub.publish(this.channel, JSON.stringify(envelopes));
    } catch (error) {
      this.logger.warn({ err: error, messages: envelopes.length }, 'notification stream: publish failed; clients catch up on reconnect');
    }
  }

  subscribe(userId: string, listener: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    connected.inc();
    return () => {
      connected.dec();
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  /** A staff connection hears the queue changes of its departments (each message once). */
  subscribeDepartments(departments: readonly string[], listener: Listener): () => void {
    for (const department of departments) {
      let set = this.departmentListeners.get(department);
      if (!set) this.departmentListeners.set(department, (set = new Set()));
      set.add(listener);
    }
    return () => {
      for (const department of departments) {
        const set = this.departmentListeners.get(department);
        set?.delete(listener);
        if (set?.size === 0) this.departmentListeners.delete(department);
      }
    };
  }

  private deliver(envelope: Envelope): void {
    const { message } = envelope;
    const listeners =
      'userId' in envelope
        ? (this.listeners.get(envelope.userId) ?? [])
        : new Set(envelope.departments.flatMap((d) => [...(this.departmentListeners.get(d) ?? [])]));
    for (const listener of listeners) {
      try {
        listener(message);
      } catch (error) {
        this.logger.warn({ err: error }, 'notification stream: a listener failed');
      }
    }
  }
}
