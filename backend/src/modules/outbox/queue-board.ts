import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { deriveKey } from '../../common/crypto/keys';
import { Actor } from '../../common/http/actor';
import { DomainError } from '../../common/problem/domain-error';
import { sendProblem } from '../../common/problem/problem.filter';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { AUDIT_CHAIN_QUEUE } from '../audit/audit-seal-scheduler';
import { SLA_QUEUE } from '../workflow/sla/sla-scheduler';
import { DOMAIN_EVENTS_QUEUE } from './domain-event';

/** Who a board cookie was issued to: the account and its session (refresh-token family). */
export interface QueueBoardSession {
  userId: string;
  sessionId: string;
}

/** The session check every authenticated API request makes (LiveSessions): whether the family is still live for the account. */
export interface SessionLiveness {
  isLive(familyId: string, userId: string): Promise<boolean>;
}

/** Where Bull Board is served (raw Fastify routes, not in the OpenAPI document). */
export const QUEUE_BOARD_PATH = '/api/v1/admin/queue-board';
export const QUEUE_BOARD_COOKIE = 'otklik_queue_board';
/** A board session lasts ten minutes; the console opens a new one each time the admin opens the board. */
export const QUEUE_BOARD_SESSION_SECONDS = 600;
const QUEUES = [DOMAIN_EVENTS_QUEUE, SLA_QUEUE, AUDIT_CHAIN_QUEUE];

/**
 * Sessions of Bull Board. The board's pages and assets are loaded by the browser itself, which
 * cannot send the console's bearer token; so an admin, signed in with that token, asks for a
 * short-lived cookie (HMAC-signed with a key derived from the master key: the account and an
 * expiry), scoped to the board's path, HttpOnly and SameSite=Strict. Requests to the board
 * without a valid cookie get 403. The cookie names the admin's session (the refresh-token
 * family of the bearer token that opened it), and every board request asks whether that session
 * is still live, as every API request does: a locked admin or a revoked session loses the board at
 * once, not when the cookie expires.
 */
@Injectable()
export class QueueBoardSessions {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'redisUrl' | 'masterKey' | 'publicUrl'>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {
    this.key = deriveKey(config.masterKey, 'queue-board-session');
  }

  /** Bull Board runs with Redis (BullMQ) only; the embedded mode's in-process runner has no queues to show. */
  get available(): boolean {
    return !!this.config.redisUrl;
  }

  /** A signed cookie for `actor` (an admin: the route checks the role), audited. */
  async open(actor: Actor, now = new Date()): Promise<{ cookie: string; expiresAt: string }> {
    if (!this.available) throw new DomainError(409, 'queue_board_unavailable');
    // Every access token names its session; one that does not could never be checked on the board.
    if (!actor.sessionId) throw new DomainError(401, 'unauthorized');
    const expiresAt = new Date(now.getTime() + QUEUE_BOARD_SESSION_SECONDS * 1000);
    const payload = Buffer.from(JSON.stringify({ sub: actor.userId, sid: actor.sessionId, exp: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
    const token = `${payload}.${this.sign(payload)}`;
    await this.tx.run((m) => this.audit.record(m, actor, { action: 'queue_board.session_opened', entityType: 'queue_board', entityId: null, details: { expiresAt: expiresAt.toISOString() } }));
    const secure = this.config.publicUrl.startsWith('https:') ? '; Secure' : '';
    return {
      cookie: `${QUEUE_BOARD_COOKIE}=${token}; Path=${QUEUE_BOARD_PATH}; Max-Age=${QUEUE_BOARD_SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** The board session a Cookie header carries, if its cookie is genuine and unexpired (whether the session is still live is the caller's check). */
  read(cookieHeader: string | undefined, now = Date.now()): QueueBoardSession | null {
    const token = cookieHeader
      ?.split(';')
      .map((c) => c.trim())
      .find((c) => c.startsWith(`${QUEUE_BOARD_COOKIE}=`))
      ?.slice(QUEUE_BOARD_COOKIE.length + 1);
    if (!token) return null;
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const { sub, sid, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: unknown; sid: unknown; exp: unknown };
      if (typeof sub !== 'string' || typeof sid !== 'string' || typeof exp !== 'number' || exp * 1000 <= now) return null;
      return { userId: sub, sessionId: sid };
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/**
 * Mounts Bull Board (@bull-board/fastify) on the queues of this deployment, behind the session
 * cookie. Only with Redis, only in the API process.
 */
export async function registerQueueBoard(
  fastify: FastifyInstance,
  options: { sessions: QueueBoardSessions; liveness: SessionLiveness; connection: object; prefix: string },
): Promise<void> {
  const { createBullBoard } = await import('@bull-board/api');
  const { BullMQAdapter } = await import('@bull-board/api/bullMQAdapter');
  const { FastifyAdapter } = await import('@bull-board/fastify');
  const { Queue } = await import('bullmq');
  const logger = new Logger('QueueBoard');
  const queues = QUEUES.map((name) => new Queue(name, { connection: options.connection, prefix: options.prefix }));
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter, options: { uiConfig: { boardTitle: 'Otklik' } } });
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const session = options.sessions.read(request.headers.cookie);
      if (session && (await options.liveness.isLive(session.sessionId, session.userId))) return;
      sendProblem(new DomainError(403, 'forbidden'), request, reply, logger);
      return reply;
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_BOARD_PATH });
  });
  fastify.addHook('onClose', async () => {
    await Promise.all(queues.map((q) => q.close()));
  });
}
