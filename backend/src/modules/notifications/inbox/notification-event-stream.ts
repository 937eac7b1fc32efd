import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../../../common/http/actor';
import { AppealAccess } from '../../appeals/appeal-access.service';
import { AppealPresence } from '../presence/appeal-presence.service';
import { NotificationInbox } from './notification-inbox.repository';
import { NotificationStream, StreamMessage } from './notification-stream';

const HEARTBEAT_MS = 25_000;
const REPLAY_LIMIT = 200;

function frame(message: StreamMessage): string {
  switch (message.type) {
    case 'notification':
      return `id: ${message.item.id}\nevent: notification\ndata: ${JSON.stringify(message.item)}\n\n`;
    case 'unread':
      return `event: unread\ndata: ${JSON.stringify({ unread: message.unread })}\n\n`;
    // Queue changes carry no id: they are live state, not items to replay.
    case 'queue':
      return `event: queue\ndata: ${JSON.stringify(message.item)}\n\n`;
    case 'presence':
      return `event: presence\ndata: ${JSON.stringify(message.item)}\n\n`;
  }
}

/**
 * One user's live feed over Server-Sent Events. The connection subscribes first and replays what
 * it missed (items after Last-Event-ID) second, holding live items back meanwhile, so nothing
 * falls between the two and nothing comes twice. The response is written by hand (the reply is
 * hijacked): an SSE stream has no end for Nest to serialise.
 */
@Injectable()
export class NotificationEventStream implements OnApplicationShutdown {
  private readonly connections = new Set<() => void>();

  constructor(
    private readonly inbox: NotificationInbox,
    private readonly stream: NotificationStream,
    private readonly access: AppealAccess,
    private readonly presence: AppealPresence,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationShutdown(): void {
    for (const close of [...this.connections]) close();
  }

  /**
   * A staff member's connection also hears the queue changes of the departments
   * whose queue they see (read at connect; the stream ends when the token would have expired, so a
   * changed scope is read again on reconnect).
   */
  async open(actor: Actor, lastEventId: string | undefined, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const userId = actor.userId;
    const departments = await this.access.departmentScope(actor);
    const after = lastEventId && /^\d{1,18}$/.test(lastEventId.trim()) ? lastEventId.trim() : null;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies: do not buffer the stream.
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id ?? ''),
    });
    raw.write('retry: 3000\n\n');
    let replaying = true;
    let lastSent = after ? BigInt(after) : 0n;
    const held: StreamMessage[] = [];
    let presenceFrom: number;
    const send = (message: StreamMessage) => {
      if (message.type === 'notification') {
        const id = BigInt(message.item.id);
        if (id <= lastSent) return;
        lastSent = id;
      }
      raw.write(frame(message));
    };
    const listener = (message: StreamMessage) => (replaying ? held.push(message) : send(message));
    const unsubscribeUser = this.stream.subscribe(userId, listener);
    const unsubscribeQueue = departments.length ? this.stream.subscribeDepartments(departments, listener) : () => undefined;
    const unsubscribe = () => {
      unsubscribeUser();
      unsubscribeQueue();
    };
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    // The token was checked once, at connect: the stream ends when a token would have expired, so
    // the client reconnects with a current one and a revoked session stops hearing anything.
    const expiry = setTimeout(() => close(), this.config.accessTokenTtlSeconds * 1000);
    expiry.unref();
    const close = () => {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
      this.connections.delete(close);
      if (!raw.writableEnded) raw.end();
    };
    this.connections.add(close);
    request.raw.on('close', close);
    raw.on('error', close);
    try {
      if (after) for (const item of await this.inbox.after(userId, after, REPLAY_LIMIT)) send({ type: 'notification', item });
      send({ type: 'unread', unread: await this.inbox.unread(userId) });
      // Who is on which card now; from here on, each change comes as it happens. A presence list
      // held back before this read is older than what it reads (each carries a whole list), so it
      // is dropped rather than sent after it.
      presenceFrom = held.length;
      for (const item of await this.presence.inQueuesOf(departments)) send({ type: 'presence', item });
    } catch {
      close();
      return;
    }
    replaying = false;
    for (const [at, message] of held.splice(0).entries()) if (message.type !== 'presence' || at >= presenceFrom) send(message);
  }
}
