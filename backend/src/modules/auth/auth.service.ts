import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/problem/domain-error';
import { Actor } from '../../common/http/actor';
import { ClientInfo } from './session.service';
import { AuditService } from '../audit/audit.service';
import { normalizeEmail, User } from '../users/user.entity';
import { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { TokensDto } from './auth.dto';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

export type { ClientInfo } from './session.service';

/** Local sign-in, refresh-token rotation with reuse detection, and logout. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async login(login: string, password: string, client: ClientInfo): Promise<TokensDto> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.emailNormalized = :email', { email: normalizeEmail(login) })
      .getOne();
    const ok = await this.hasher.verify(user?.active ? user.passwordHash : null, password);
    return this.dataSource.transaction(async (manager) => {
      if (!user || !ok) {
        await this.audit.record(manager, null, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          details: { ip: client.ip },
        });
        throw new DomainError(401, 'invalid_credentials');
      }
      const tokens = await this.sessions.issue(manager, user, randomUUID(), client);
      await this.audit.record(manager, this.actor(user, client), { action: 'auth.login', entityType: 'user', entityId: user.id });
      return tokens;
    });
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<TokensDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: TokenService.hashRefresh(refreshToken) })
        .getOne();
      if (!current) return { error: 'invalid' as const };
      if (current.usedAt || current.revokedAt) {
        // A spent token came back: someone holds a copy. Revoke the whole session family.
        await this.sessions.revokeFamily(manager, current.familyId);
        await this.audit.record(manager, null, {
          action: 'auth.refresh_reuse_detected',
          entityType: 'user',
          entityId: current.userId,
          details: { familyId: current.familyId, ip: client.ip },
        });
        return { error: 'reuse' as const };
      }
      if (current.expiresAt.getTime() <= Date.now()) return { error: 'invalid' as const };
      const user = await manager.findOneBy(User, { id: current.userId, active: true });
      if (!user) return { error: 'invalid' as const };
      await manager.update(RefreshToken, { id: current.id }, { usedAt: new Date() });
      return { tokens: await this.sessions.issue(manager, user, current.familyId, client) };
    });
    if ('error' in outcome) throw new DomainError(401, 'invalid_refresh_token');
    return outcome.tokens;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored (logout is idempotent). */
  async logout(refreshToken: string, client: ClientInfo): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOneBy(RefreshToken, { tokenHash: TokenService.hashRefresh(refreshToken) });
      if (!token) return;
      await this.sessions.revokeFamily(manager, token.familyId);
      await this.audit.record(manager, null, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: token.userId,
        details: { ip: client.ip },
      });
    });
  }

  private actor(user: User, client: ClientInfo): Actor {
    return { userId: user.id, role: user.role, name: user.fullName, departmentId: user.departmentId, ...client };
  }
}
