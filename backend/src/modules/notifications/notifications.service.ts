import { Inject, Injectable } from '@nestjs/common';
import { isStaff } from '@otklik/shared/domain';
import { Actor, Principal } from '../../common/http/actor';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../common/pagination/cursor';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealStore } from '../appeals/appeal.repository';
import { AuditService } from '../audit/audit.service';
import { PushSender, pushEndpointProblem } from '../messaging/push-sender';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ValidationFailedError } from '../../common/problem/domain-error';
import { UserAccounts } from '../users/user-accounts.repository';
import { StaffDirectory } from '../users/staff-directory.repository';
import { Channel } from './catalogue/notice-kinds';
import { NotificationDeliveries } from './delivery/notification-deliveries.repository';
import { NotificationInbox } from './inbox/notification-inbox.repository';
import { NotificationStream } from './inbox/notification-stream';
import { NotificationDeliveryDto, NotificationPageDto, NotificationQuery, PushSubscriptionDto, PushSubscriptionInputDto } from './inbox/notifications.dto';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './preferences/notification-preferences.dto';
import { NotificationPreferences } from './preferences/notification-preferences.service';
import { PushSubscriptions } from './push/push-subscriptions.repository';

const toSubscription = (s: { id: string; endpoint: string; userAgent: string | null; createdAt: Date; lastUsedAt: Date | null }): PushSubscriptionDto => ({
  id: s.id,
  endpoint: s.endpoint,
  userAgent: s.userAgent,
  createdAt: s.createdAt,
  lastUsedAt: s.lastUsedAt,
});

/** The push service's host (the endpoint itself is a per-device secret). */
function hostOf(endpoint: string): string | null {
  try {
    return new URL(endpoint).host;
  } catch {
    return null;
  }
}

/** The signed-in user's feed, preferences and devices, and the notices of an appeal they may see. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly inbox: NotificationInbox,
    private readonly stream: NotificationStream,
    private readonly preferences: NotificationPreferences,
    private readonly devices: PushSubscriptions,
    private readonly deliveries: NotificationDeliveries,
    private readonly accounts: UserAccounts,
    private readonly staff: StaffDirectory,
    private readonly cipher: PersonalDataCipher,
    private readonly appeals: AppealStore,
    private readonly push: PushSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, query: NotificationQuery): Promise<NotificationPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const beforeId = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : undefined;
    if (beforeId !== undefined && !/^\d{1,18}$/.test(beforeId)) decodeCursor('', 1);
    const [items, unread] = await Promise.all([
      this.inbox.list(principal.userId, { unread: query.unread, kind: query.kind, appealId: query.appealId, beforeId, limit: limit + 1 }),
      this.inbox.unread(principal.userId),
    ]);
    const page = items.slice(0, limit);
    return { items: page, nextCursor: items.length > limit ? encodeCursor([page[page.length - 1].id]) : null, unread };
  }

  unread(principal: Principal): Promise<number> {
    return this.inbox.unread(principal.userId);
  }

  /** Marks items read and tells the user's other open tabs the new count. */
  async markRead(principal: Principal, ids: string[] | null): Promise<number> {
    const unread = await this.inbox.markRead(principal.userId, ids);
    await this.stream.publish([{ userId: principal.userId, message: { type: 'unread', unread } }]);
    return unread;
  }

  async viewPreferences(principal: Principal): Promise<NotificationPreferencesDto> {
    return this.preferences.view(principal, await this.reachable(principal.userId));
  }

  async updatePreferences(principal: Actor, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    await this.preferences.update(principal, dto);
    return this.viewPreferences(principal);
  }

  get pushKey(): string {
    return this.push.publicKey;
  }

  /** A device's subscription; an endpoint we would never push to (private addresses in production) is refused here, not at the first notice. */
  async addDevice(actor: Actor, dto: PushSubscriptionInputDto): Promise<PushSubscriptionDto> {
    const problem = await pushEndpointProblem(dto.endpoint, this.config.messaging.pushAllowLocalEndpoints);
    if (problem) throw new ValidationFailedError([{ field: 'endpoint', code: 'push_endpoint_refused', message: problem }]);
    const device = await this.tx.run(async (manager) => {
      const added = await this.devices.add(actor.userId, { ...dto, userAgent: actor.userAgent?.slice(0, 300) ?? null }, manager);
      await this.audit.record(manager, actor, { action: 'push_subscription.add', entityType: 'push_subscription', entityId: added.id, details: { endpointHost: hostOf(dto.endpoint) } });
      return added;
    });
    return toSubscription(device);
  }

  async listDevices(principal: Principal): Promise<PushSubscriptionDto[]> {
    return (await this.devices.list(principal.userId)).map(toSubscription);
  }

  removeDevice(actor: Actor, id: string): Promise<void> {
    return this.tx.run(async (manager) => {
      await this.devices.remove(actor.userId, id, manager);
      await this.audit.record(manager, actor, { action: 'push_subscription.remove', entityType: 'push_subscription', entityId: id });
    });
  }

  /**
   * Where and when the appeal's notices went. The citizen sees what was sent to them; staff who
   * may see the appeal see every recipient, with the provider's id and the last error.
   */
  async ofAppeal(actor: Actor, idOrNumber: string): Promise<NotificationDeliveryDto[]> {
    const appeal = await this.appeals.load(actor, idOrNumber);
    const staff = isStaff(actor.role);
    const rows = await this.deliveries.ofAppeal(appeal.id, appeal.citizenId, !staff);
    if (!staff) return rows.map(({ recipientId: _recipient, provider: _provider, providerId: _providerId, lastError: _error, ...row }) => row);
    const names = await this.staff.namesOf(rows.filter((r) => r.recipient === 'staff').map((r) => r.recipientId));
    return rows.map((row) => ({ ...row, recipientName: row.recipient === 'staff' ? (names.get(row.recipientId) ?? null) : null }));
  }

  private async reachable(userId: string): Promise<Channel[]> {
    const [[account], devices] = await Promise.all([this.accounts.reachOf([userId]), this.devices.withDevices([userId])]);
    const channels: Channel[] = ['in_app'];
    if (account?.email) channels.push('email');
    if (account?.personalEncrypted && this.cipher.decryptJson<{ phone?: string | null }>(account.personalEncrypted).phone) channels.push('sms');
    if (devices.has(userId)) channels.push('push');
    return channels;
  }
}
