import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/http/actor';
import { NotFoundError } from '../../common/problem/domain-error';
import { AuditService } from '../audit/audit.service';
import { RevokedSessionsDto, SessionDto } from './auth.dto';
import { SessionService } from './session.service';
import { TransactionRunner } from '../../database/transaction-runner';

/** The signed-in user's own sessions: list, end one, end all others. */
@Injectable()
export class AccountSessionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor): Promise<SessionDto[]> {
    return this.sessions.list(this.tx.manager, actor.userId, actor.sessionId);
  }

  async revoke(actor: Actor, sessionId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const n = await this.sessions.revokeOf(m, actor.userId, { only: sessionId });
      if (n === 0) throw new NotFoundError('session');
      await this.audit.record(m, actor, { action: 'auth.session_revoked', entityType: 'user', entityId: actor.userId, details: { sessionId } });
    });
  }

  async revokeOthers(actor: Actor): Promise<RevokedSessionsDto> {
    return this.tx.run(async (m) => {
      const revoked = await this.sessions.revokeOf(m, actor.userId, { except: actor.sessionId });
      await this.audit.record(m, actor, { action: 'auth.sessions_revoked', entityType: 'user', entityId: actor.userId, details: { revoked } });
      return { revoked };
    });
  }
}
