import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Role } from '@otklik/shared/domain';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { BlindIndex } from '../../../common/crypto/blind-index';
import { PersonalDataCipher } from '../../../common/crypto/personal-data-cipher';
import { Actor, Principal } from '../../../common/http/actor';
import { DomainError } from '../../../common/problem/domain-error';
import { AuditService } from '../../audit/audit.service';
import { Account, UserAccounts, normalizeEmail } from '../../users/user-accounts.repository';
import { TokensDto } from '../auth.dto';
import { ClientInfo } from '../session.service';
import { SignInService } from '../sign-in.service';
import { EsiaIdentity, EsiaRelyingParty } from './esia-relying-party';
import { ESIA_STATE_COOKIE } from './esia-login-state';
import { TransactionRunner } from '../../../database/transaction-runner';

export interface EsiaRedirect {
  location: string;
  cookie: string;
}

/** The end of a widget's pop-up sign-in: a page that hands the access token to its opener. */
export interface EsiaWidgetHandover {
  html: string;
  cookie: string;
}

/** JSON safe inside an inline <script> (no `</script>`, no line separators). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** `+7(916)1234567` → `+79161234567`. */
function normalizePhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 11 && (digits[0] === '7' || digits[0] === '8') ? `+7${digits.slice(1)}` : `+${digits}`;
}

/**
 * «Войти через Госуслуги»: the relying party's use cases. The callback links or creates the
 * citizen account (by ESIA oid, then by a confirmed SNILS), records the trust level, stores the
 * personal data encrypted, audits, and ends like every sign-in in SessionService.issue.
 */
@Injectable()
export class EsiaSignInService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rp: EsiaRelyingParty,
    private readonly signInService: SignInService,
    private readonly audit: AuditService,
    private readonly blindIndex: BlindIndex,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** `widgetOrigin`: already checked against the allowed widget origins by the caller. */
  async start(options: { widgetOrigin?: string } = {}): Promise<EsiaRedirect> {
    const { location, sealedState } = await this.rp.start(options);
    return { location, cookie: this.cookie(sealedState, 600) };
  }

  /**
   * Tokens reach the browser in the URL fragment of `${PUBLIC_URL}/auth/esia/done`: a fragment
   * is never sent to a server, never logged by proxies and never leaks through Referer.
   */
  async callback(query: Record<string, string | undefined>, cookieHeader: string | undefined, client: ClientInfo): Promise<EsiaRedirect | EsiaWidgetHandover> {
    const sealed = /(?:^|;\s*)otklik_esia=([^;]+)/.exec(cookieHeader ?? '')?.[1];
    const widgetOrigin = this.rp.widgetOriginOf(sealed);
    const identity = await this.rp.finish(query, sealed);
    // The widget's token goes to another site's page: scoped to the widget's routes, short-lived.
    const { tokens, user, newDevice } = await this.tx.run((manager) => this.signIn(manager, identity, client, widgetOrigin ? 'widget' : undefined));
    if (newDevice) this.signInService.notifyNewDevice(user, client);
    if (widgetOrigin) {
      // Only the short-lived access token leaves, and only to the opener on the origin the sign-in
      // began for (postMessage's targetOrigin: any other opener gets nothing); the refresh token
      // stays unused and the session ends with it.
      const message = { type: 'otklik:esia', accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, tokenType: tokens.tokenType };
      const html =
        '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Вход выполнен</title></head>' +
        '<body><main><h1>Вход выполнен</h1><p>Окно закроется само; если нет, закройте его и вернитесь к форме.</p></main>' +
        `<script>(function(){var m=${scriptJson(message)};if(window.opener){window.opener.postMessage(m,${scriptJson(widgetOrigin)});}window.close();})();</script>` +
        '</body></html>';
      return { html, cookie: this.cookie('', 0) };
    }
    const fragment = new URLSearchParams({
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresIn: String(tokens.expiresIn),
      tokenType: tokens.tokenType,
    });
    return { location: `${this.config.publicUrl}/auth/esia/done#${fragment.toString()}`, cookie: this.cookie('', 0) };
  }

  private async signIn(manager: EntityManager, identity: EsiaIdentity, client: ClientInfo, scope?: Principal['scope']): Promise<{ tokens: TokensDto; user: Account; newDevice: boolean }> {
    const snilsHash = identity.snils ? this.blindIndex.of('snils', identity.snils) : null;
    let linkedBy: 'esia_oid' | 'snils' | 'created' = 'esia_oid';
    let user = await this.accounts.findOne({ esiaOid: identity.oid }, { manager: manager, lock: true });
    if (!user && identity.trustLevel === 'confirmed' && snilsHash) {
      // Only a SNILS that ESIA has confirmed may claim an existing account.
      user = await this.accounts.findOne({ snilsHash, role: Role.Citizen, esiaOid: null }, { manager: manager, lock: true });
      if (user) linkedBy = 'snils';
    }
    if (user && (user.role !== Role.Citizen || !user.active)) throw new DomainError(403, 'esia_account_not_citizen');
    const fullName = [identity.lastName, identity.firstName, identity.middleName].filter(Boolean).join(' ') || `ESIA ${identity.oid}`;
    const phone = identity.mobile ? normalizePhone(identity.mobile) : null;
    const personal = {
      lastName: identity.lastName,
      firstName: identity.firstName,
      middleName: identity.middleName,
      birthDate: identity.birthDate,
      gender: identity.gender,
      snils: identity.snils,
      inn: identity.inn,
      phone,
      source: 'esia',
    };
    const esiaFields = {
      esiaOid: identity.oid,
      trustLevel: identity.trustLevel,
      fullName,
      personalEncrypted: this.cipher.encryptJson(personal),
      snilsHash,
      innHash: identity.inn ? this.blindIndex.of('inn', identity.inn) : null,
      phoneHash: phone ? this.blindIndex.of('phone', phone) : null,
      phoneVerified: identity.mobileVerified && !!phone,
    };
    if (!user) {
      linkedBy = 'created';
      user = await this.accounts.insert(manager, {
        ...esiaFields,
        ...(await this.emailFor(manager, identity)),
        passwordHash: null,
        role: Role.Citizen,
        position: null,
        departmentId: null,
        active: true,
      });
      await this.audit.record(manager, this.actor(user, client), {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        details: { role: user.role, source: 'esia', trustLevel: identity.trustLevel },
      });
    } else {
      const previous = { trustLevel: user.trustLevel, esiaOid: user.esiaOid };
      Object.assign(user, esiaFields);
      await this.accounts.update(manager, user.id, esiaFields);
      if (previous.esiaOid !== identity.oid || previous.trustLevel !== identity.trustLevel) {
        await this.audit.record(manager, this.actor(user, client), {
          action: previous.esiaOid ? 'user.esia_trust_level_changed' : 'user.esia_linked',
          entityType: 'user',
          entityId: user.id,
          details: { linkedBy, from: previous.trustLevel, to: identity.trustLevel },
        });
      }
    }
    const { tokens, newDevice } = await this.signInService.issueIn(manager, user, client, scope);
    await this.audit.record(manager, this.actor(user, client), {
      action: 'auth.esia_login',
      entityType: 'user',
      entityId: user.id,
      details: { esiaOid: identity.oid, trustLevel: identity.trustLevel, linkedBy, newDevice },
    });
    return { tokens, user, newDevice };
  }

  /** ESIA's verified e-mail when no other account holds it; otherwise a placeholder the citizen can change. */
  private async emailFor(manager: EntityManager, identity: EsiaIdentity): Promise<Pick<Account, 'email' | 'emailNormalized' | 'emailVerified'>> {
    if (identity.email) {
      const emailNormalized = normalizeEmail(identity.email);
      if (!(await this.accounts.exists({ emailNormalized }, manager))) {
        return { email: identity.email.trim(), emailNormalized, emailVerified: identity.emailVerified };
      }
    }
    const placeholder = `esia-${identity.oid}@esia.invalid`;
    return { email: placeholder, emailNormalized: placeholder, emailVerified: false };
  }

  private actor(user: Account, client: ClientInfo): Actor {
    return { userId: user.id, role: user.role, name: user.fullName, departmentId: user.departmentId, ...client };
  }

  private cookie(value: string, maxAge: number): string {
    const secure = this.config.publicUrl.startsWith('https:') ? '; Secure' : '';
    return `${ESIA_STATE_COOKIE}=${value}; Path=/api/v1/auth/esia; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
  }
}
