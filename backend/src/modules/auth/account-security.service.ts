import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/http/actor';
import { NotFoundError } from '../../common/problem/domain-error';
import { AuditService } from '../audit/audit.service';
import { RevokedSessionsDto, SessionDto } from './auth.dto';
import { LiveSessions } from './live-sessions.repository';
import { SessionService } from './session.service';
import { TransactionRunner } from '../../database/transaction-runner';

/** The signed-in user's own sessions: list, end one, end all others. */
@Injectable()
export class AccountSessionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly live: LiveSessions,
  ) {}

  list(actor: Actor): Promise<SessionDto[]> {
    return this.sessions.list(this.tx.manager, actor.userId, actor.sessionId);
  }

  async revoke(actor: Actor, sessionId: string): Promise<void> {
    const ended = await this.tx.run(async (m) => {
      const families = await this.sessions.revokeOf(m, actor.userId, { only: sessionId });
      if (families.length === 0) throw new NotFoundError('session');
      await this.audit.record(m, actor, { action: 'auth.session_revoked', entityType: 'user', entityId: actor.userId, details: { sessionId } });
      return families;
    });
    this.forget(ended);
  }

  async revokeOthers(actor: Actor): Promise<RevokedSessionsDto> {
    const ended = await this.tx.run(async (m) => {
      const families = await this.sessions.revokeOf(m, actor.userId, { except: actor.sessionId });
      await this.audit.record(m, actor, { action: 'auth.sessions_revoked', entityType: 'user', entityId: actor.userId, details: { revoked: families.length } });
      return families;
    });
    this.forget(ended);
    return { revoked: ended.length };
  }

  /** This process forgets the ended sessions at once (after the commit); the others hear of them by NOTIFY. */
  private forget(families: string[]): void {
    for (const family of families) this.live.forget(family);
  }
}
