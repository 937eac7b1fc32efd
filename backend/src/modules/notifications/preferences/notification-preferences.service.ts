import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../database/transaction-runner';
import { isStaff } from '@otklik/shared/domain';
import { Actor, Principal } from '../../../common/http/actor';
import { FieldError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AuditService } from '../../audit/audit.service';
import { CHANNELS, Channel, NOTICE_KIND_SPECS } from '../catalogue/notice-kinds';
import { ChannelOverrides, NotificationPreference } from './notification-preference.entity';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './notification-preferences.dto';
import { DEFAULT_PREFERENCES, Preferences, channelOn, isTimeZone, kindFor, kindsOf, silencedRequiredKinds } from './preferences';

type PreferenceRow = Pick<NotificationPreference, 'userId' | 'locale' | 'timeZone' | 'quietFrom' | 'quietTo' | 'digest' | 'channels'>;

const toPreferences = (row: PreferenceRow | null | undefined): Preferences =>
  row
    ? {
        locale: row.locale,
        timeZone: row.timeZone,
        quietHours: row.quietFrom && row.quietTo ? { from: row.quietFrom, to: row.quietTo } : null,
        digest: row.digest,
        channels: row.channels ?? {},
      }
    : DEFAULT_PREFERENCES;

/** Each user's channel × kind switches, quiet hours, digest and locale (this module's table). */
@Injectable()
export class NotificationPreferences {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** The settings of several users at once (the sender's due deliveries). */
  async of(userIds: readonly string[], manager: EntityManager = this.tx.manager): Promise<Map<string, Preferences>> {
    return (await this.read(userIds, manager, false)).prefs;
  }

  /**
   * The settings of several users and which of them have a push device: the planner's one read of
   * its recipients' settings per batch. Both are this module's tables (push_subscriptions is
   * PushSubscriptions'), read in one plain statement: the devices no longer wait for the settings
   * in a second round trip, and no TypeORM query is built per batch.
   */
  withDevicesOf(userIds: readonly string[], manager: EntityManager = this.tx.manager): Promise<{ prefs: Map<string, Preferences>; withDevice: Set<string> }> {
    return this.read(userIds, manager, true);
  }

  /** One row per user (the defaults where none is stored), with whether they have a device when asked. */
  private async read(userIds: readonly string[], manager: EntityManager, devices: boolean): Promise<{ prefs: Map<string, Preferences>; withDevice: Set<string> }> {
    if (userIds.length === 0) return { prefs: new Map(), withDevice: new Set() };
    const rows = await manager.query<(PreferenceRow & { id: string; hasDevice: boolean })[]>(
      `SELECT u.id, p.user_id AS "userId", p.locale, p.time_zone AS "timeZone", p.quiet_from AS "quietFrom", p.quiet_to AS "quietTo", p.digest, p.channels,
              ${devices ? 'EXISTS (SELECT 1 FROM push_subscriptions s WHERE s.user_id = u.id)' : 'false'} AS "hasDevice"
         FROM unnest($1::uuid[]) AS u(id) LEFT JOIN notification_preferences p ON p.user_id = u.id`,
      [[...new Set(userIds)]],
    );
    const prefs = new Map(rows.map((r) => [r.id, toPreferences(r.userId ? r : null)]));
    return { prefs, withDevice: new Set(rows.filter((r) => r.hasDevice).map((r) => r.id)) };
  }

  async view(principal: Principal, reachable: Channel[]): Promise<NotificationPreferencesDto> {
    const prefs = (await this.of([principal.userId])).get(principal.userId)!;
    return {
      locale: prefs.locale,
      timeZone: prefs.timeZone,
      quietHours: prefs.quietHours,
      digest: prefs.digest,
      reachable,
      kinds: kindsOf(isStaff(principal.role) ? 'staff' : 'citizen', principal.role).map((kind) => ({
        kind,
        required: NOTICE_KIND_SPECS[kind].required,
        channels: Object.fromEntries(CHANNELS.map((c) => [c, channelOn(prefs, kind, c)])) as Record<Channel, boolean>,
      })),
    };
  }

  /** Applies a partial change; refuses what the law or the audience does not allow, with field errors. */
  async update(principal: Actor, dto: UpdateNotificationPreferencesDto): Promise<void> {
    const staff = isStaff(principal.role);
    const errors: FieldError[] = [];
    if (dto.timeZone !== undefined && !isTimeZone(dto.timeZone)) errors.push({ field: 'timeZone', code: 'invalid_time_zone', message: 'not an IANA time zone' });
    if (dto.digest !== undefined && dto.digest !== 'off' && !staff) errors.push({ field: 'digest', code: 'digest_staff_only', message: 'digests are for staff accounts' });
    const audience = staff ? 'staff' : 'citizen';
    dto.kinds?.forEach((k, i) => {
      if (!kindFor(k.kind, audience, principal.role)) errors.push({ field: `kinds.${i}.kind`, code: 'kind_not_for_audience', message: `${k.kind} is not a notice for this account` });
    });
    if (errors.length) throw new ValidationFailedError(errors);
    await this.tx.run(async (manager) => {
      const repo = manager.getRepository(NotificationPreference);
      // Locks the row (or, for a first change, the user's key) so two concurrent changes do not lose one another.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('notification_preferences:' || $1))`, [principal.userId]);
      const row = await repo.findOneBy({ userId: principal.userId });
      const channels: ChannelOverrides = structuredClone(row?.channels ?? {});
      for (const k of dto.kinds ?? []) {
        const current = { ...(channels[k.kind] ?? {}) };
        for (const c of CHANNELS) {
          const value = k.channels[c];
          if (value === undefined) continue;
          // Only departures from the default are kept, so a later change of defaults reaches everyone else.
          if (value === NOTICE_KIND_SPECS[k.kind].defaults.includes(c)) delete current[c];
          else current[c] = value;
        }
        if (Object.keys(current).length) channels[k.kind] = current;
        else delete channels[k.kind];
      }
      const silenced = silencedRequiredKinds(channels);
      if (silenced.length) {
        throw new ValidationFailedError(
          silenced.map((kind) => ({ field: `kinds.${(dto.kinds ?? []).findIndex((k) => k.kind === kind)}.channels`, code: 'required_notice', message: `${kind} is required by law: keep at least one channel on` })),
        );
      }
      const prefs = toPreferences(row);
      const quiet = dto.quietHours === undefined ? prefs.quietHours : dto.quietHours;
      const next = { locale: dto.locale ?? prefs.locale, timeZone: dto.timeZone ?? prefs.timeZone, quietHours: quiet ?? null, digest: dto.digest ?? prefs.digest, channels };
      await repo.upsert(
        {
          userId: principal.userId,
          locale: next.locale,
          timeZone: next.timeZone,
          quietFrom: quiet?.from ?? null,
          quietTo: quiet?.to ?? null,
          digest: next.digest,
          channels,
          updatedAt: new Date(),
        },
        ['userId'],
      );
      await this.audit.record(manager, principal, {
        action: 'notification_preferences.update',
        entityType: 'user',
        entityId: principal.userId,
        change: { before: { locale: prefs.locale, timeZone: prefs.timeZone, quietHours: prefs.quietHours, digest: prefs.digest, channels: prefs.channels }, after: next },
      });
    });
  }
}
