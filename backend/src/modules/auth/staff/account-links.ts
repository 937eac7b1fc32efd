import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { Mailer } from '../../messaging/mailer';
import { Account } from '../../users/user-accounts.repository';
import { AccountLink, AccountLinkPurpose } from '../entities/account-link.entity';

/** How long a link works: an invitation a week (people are away), a reset a day. */
export const LINK_TTL_HOURS: Record<AccountLinkPurpose, number> = { invite: 7 * 24, password_reset: 24 };

export interface IssuedLink {
  token: string;
  expiresAt: Date;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * One-time links by e-mail to the console's `account-link` page: an invitation to a new staff
 * account (set the password, enrol TOTP) or a password reset an admin sent. The token is 32 random
 * bytes and travels in the URL's fragment, so it reaches no server log; only its SHA-256 is kept.
 */
@Injectable()
export class AccountLinks {
  private readonly logger = new Logger('AccountLinks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
  ) {}

  /** A new link in the caller's transaction; earlier unused links of the account for the same purpose stop working. */
  async issue(manager: EntityManager, userId: string, purpose: AccountLinkPurpose, createdBy: string | null): Promise<IssuedLink> {
    await manager.query(`UPDATE account_links SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + LINK_TTL_HOURS[purpose] * 3_600_000);
    await manager.insert(AccountLink, { userId, purpose, tokenHash: hashOf(token), expiresAt, createdBy });
    return { token, expiresAt };
  }

  /** When the account's pending link of that purpose expires (null: none pending). */
  async pending(manager: EntityManager, userId: string, purpose: AccountLinkPurpose): Promise<Date | null> {
    const [row] = await manager.query<{ expires_at: Date }[]>(
      `SELECT max(expires_at) AS expires_at FROM account_links WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`,
      [userId, purpose],
    );
    return row?.expires_at ? new Date(row.expires_at) : null;
  }

  /**
   * Spends a link in the caller's transaction: the row is claimed with a conditional update, so of
   * two requests with one link exactly one gets it. Null for an unknown, spent or expired link.
   */
  async spend(manager: EntityManager, token: string): Promise<{ userId: string; purpose: AccountLinkPurpose } | null> {
    const rows = await manager.query<{ user_id: string; purpose: AccountLinkPurpose }[]>(
      `WITH spent AS (
         UPDATE account_links SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id, purpose
       ) SELECT user_id, purpose FROM spent`,
      [hashOf(token)],
    );
    return rows[0] ? { userId: rows[0].user_id, purpose: rows[0].purpose } : null;
  }

  /** Mails the link (after the commit); a failed delivery is logged and reported, the link stays valid for a resend. */
  async mail(account: Pick<Account, 'email' | 'fullName'>, purpose: AccountLinkPurpose, link: IssuedLink): Promise<boolean> {
    const url = `${this.config.publicUrl}/account-link#${link.token}`;
    const until = link.expiresAt.toISOString().replace('T', ' ').slice(0, 16);
    const [subject, intro] =
      purpose === 'invite'
        ? ['Приглашение в консоль «Отклик»', 'Для вас создана учётная запись сотрудника в консоли «Отклик». Чтобы начать работу, задайте пароль и подключите приложение-аутентификатор по ссылке:']
        : ['Смена пароля в консоли «Отклик»', 'Администратор отправил вам ссылку для смены пароля в консоли «Отклик»:'];
    try {
      await this.mailer.send({
        to: account.email,
        subject,
        text: `Здравствуйте, ${account.fullName}!\n\n${intro}\n\n${url}\n\nСсылка одноразовая и действует до ${until} (UTC). Если вы не ждали этого письма, просто удалите его.`,
      });
      return true;
    } catch (err) {
      this.logger.warn({ err }, 'account link not delivered');
      return false;
    }
  }
}
