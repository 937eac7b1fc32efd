import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { User } from '../users/user.entity';
import { TokensDto } from './auth.dto';
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
  constructor(private readonly tokens: TokenService) {}

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  /** Starts (or continues, on refresh) the session family and returns its tokens. */
  async issue(manager: EntityManager, user: User, familyId: string, client: ClientInfo): Promise<TokensDto> {
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
      { userId: user.id, role: user.role, name: user.fullName, departmentId: user.departmentId },
      familyId,
    );
    return { accessToken, refreshToken: refresh.token, expiresIn: this.tokens.accessTtl, tokenType: 'Bearer' };
  }

}
