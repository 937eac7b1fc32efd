import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { Actor, Principal } from '../../common/http/actor';
import { DomainError } from '../../common/problem/domain-error';
import { AuditService } from '../audit/audit.service';
import { Mailer } from '../messaging/mailer';
import { Account } from '../users/user-accounts.repository';
import { TokensDto } from './auth.dto';
import { RefreshToken } from './refresh-token.entity';
import { ClientInfo, SessionService } from './session.service';
import { TransactionRunner } from '../../database/transaction-runner';

/**
 * The last step of every local sign-in (password, second factor, registration): a new session
 * through SessionService.issue, the audit row, and a notice when the IP or device is new.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
  ) {}

  /**
   * `audit: false` when the caller's own row records the sign-in (registration); `details` add to
   * the auth.login row (what else the step did).
   */
  async complete(user: Account, client: ClientInfo, method: string, options: { audit?: boolean; details?: Record<string, unknown> } = {}): Promise<TokensDto> {
    // Locked pending review by an alert (while a second factor was being entered, say).
    if (user.lockedAt) throw new DomainError(403, 'account_locked_pending_review');
    const { tokens, newDevice } = await this.tx.run(async (manager) => {
      const issued = await this.issueIn(manager, user, client);
      if (options.audit !== false) {
        await this.audit.record(manager, actorOf(user, client), { action: 'auth.login', entityType: 'user', entityId: user.id, details: { method, newDevice: issued.newDevice, ...options.details } });
      }
      return issued;
    });
    if (newDevice) this.notifyNewDevice(user, client);
    return tokens;
  }

  /**
   * A new session inside the caller's transaction (ESIA links the account in the same one). The
   * caller's one sign-in audit row says whether the IP or device is new (`newDevice`) and the
   * caller sends the notice after its commit.
   */
  async issueIn(manager: EntityManager, user: Account, client: ClientInfo, scope?: Principal['scope']): Promise<{ tokens: TokensDto; newDevice: boolean }> {
    const repo = manager.getRepository(RefreshToken);
    const hadSessions = await repo.existsBy({ userId: user.id });
    const known = await repo.existsBy({ userId: user.id, ip: client.ip ?? IsNull(), userAgent: client.userAgent ?? IsNull() });
    const newDevice = hadSessions && !known;
    const tokens = await this.sessions.issue(manager, user, randomUUID(), client, scope);
    return { tokens, newDevice };
  }

  /** Sent after the commit; a mail failure must not undo a sign-in, so it is logged. */
  notifyNewDevice(user: Account, client: ClientInfo): void {
    // An unverified address gets no notices (only its verification code).
    if (!user.emailVerified) return;
    const when = new Date().toISOString();
    this.mailer
      .send({
        to: user.email,
        subject: 'Вход в «Отклик» с нового устройства',
        text:
          `Здравствуйте, ${user.fullName}!\n\nВ вашу учётную запись выполнен вход ${when} (UTC) с адреса ${client.ip ?? 'неизвестен'}, ` +
          `устройство: ${client.userAgent ?? 'неизвестно'}.\nЕсли это были не вы, смените пароль и завершите другие сеансы в профиле.`,
      })
      .catch((err: unknown) => this.logger.warn({ err }, 'new-device notice not sent'));
  }
}

export function actorOf(user: Account, client: ClientInfo): Actor {
  return { userId: user.id, role: user.role, name: user.fullName, departmentId: user.departmentId, ...client };
}
