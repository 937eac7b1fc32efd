import { Inject, Injectable } from '@nestjs/common';
import { isStaff } from '@otklik/shared/domain';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Principal } from '../../common/http/actor';
import { Account } from '../users/user-accounts.repository';
import { listedNetworks } from './protection/ip-allow-list';
import { SessionDto, TokensDto } from './auth.dto';
import { RefreshToken } from './refresh-token.entity';
import { TokenService } from './token.service';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Sessions: a family of rotating refresh tokens plus short access tokens. Every way of signing
 * in (password, second factor, ESIA) ends here, inside the caller's transaction.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  /** The user's live sessions: one per refresh-token family with an unspent, unexpired token. */
  async list(manager: EntityManager, userId: string, currentFamily: string | undefined): Promise<SessionDto[]> {
    const rows = await manager.query<{ family_id: string; created_at: Date; last_used_at: Date; ip: string | null; user_agent: string | null }[]>(
      `SELECT family_id, min(created_at) AS created_at, max(created_at) AS last_used_at,
              (array_agg(ip ORDER BY created_at DESC))[1] AS ip,
              (array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent
         FROM refresh_tokens
        WHERE user_id = $1
        GROUP BY family_id
       HAVING bool_or(revoked_at IS NULL AND used_at IS NULL AND expires_at > now())
        ORDER BY max(created_at) DESC`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.family_id,
      createdAt: new Date(r.created_at).toISOString(),
      lastUsedAt: new Date(r.last_used_at).toISOString(),
      ip: r.ip,
      userAgent: r.user_agent,
      current: r.family_id === currentFamily,
    }));
  }

  /** Revokes the user's session families (all but `except`, or just `only`); returns them. */
  async revokeOf(manager: EntityManager, userId: string, scope: { only?: string; except?: string }): Promise<string[]> {
    const rows = await manager.query<[{ family_id: string }[], number] | { family_id: string }[]>(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL
          AND ($2::uuid IS NULL OR family_id = $2::uuid)
          AND ($3::uuid IS NULL OR family_id <> $3::uuid)
        RETURNING family_id`,
      [userId, scope.only ?? null, scope.except ?? null],
    );
    const list = Array.isArray(rows[0]) ? (rows[0] as { family_id: string }[]) : (rows as { family_id: string }[]);
    return [...new Set(list.map((r) => r.family_id))];
  }

  /** Starts (or continues, on refresh) the session family and returns its tokens (`scope`: Principal.scope). */
  async issue(manager: EntityManager, user: Account, familyId: string, client: ClientInfo, scope?: Principal['scope']): Promise<TokensDto> {
    const refresh = this.tokens.mintRefresh();
    await manager.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + this.tokens.refreshTtl * 1000),
      ip: client.ip,
      userAgent: client.userAgent,
    });
    const accessToken = await this.tokens.signAccess(
      // The trust level rides in the token, so filing an appeal needs no look-up of the account.
      {
        userId: user.id,
        role: user.role,
        name: user.fullName,
        departmentId: user.departmentId,
        trustLevel: user.esiaOid ? user.trustLevel : null,
        // Both allow-lists ride in the token and are checked on every request, not only at sign-in.
        networks: user.ipAllowList,
        listedNetworks: isStaff(user.role) ? listedNetworks(this.config.identity.staffIpAllowList, user) : [],
        ...(scope ? { scope } : {}),
      },
      familyId,
    );
    return { accessToken, refreshToken: refresh.token, expiresIn: this.tokens.accessTtlFor(scope), tokenType: 'Bearer' };
  }

}
