import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isStaff } from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { AnyActor } from '../../common/http/actor';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { SessionService } from '../auth/session.service';
import { OutboxService } from '../outbox/outbox.service';
import { DepartmentTree } from '../users/department-tree.repository';
import { UserAccounts } from '../users/user-accounts.repository';
import { AlertKind } from './audit-alert.entity';
import { AuditAlerts } from './audit-alerts.repository';
import { networkOf } from './network';
import { withinWorkingHours } from './working-hours';

/** What the signals look at of one audit row just written. */
export interface RecordedRow {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

/** Actions the signals react to; every other row costs nothing. */
export const SIGNAL_ACTIONS: ReadonlySet<string> = new Set(['auth.login_failed', 'auth.login', 'personal_data.view', 'attachment.download', 'attachment.preview', 'appeal.export']);

/**
 * Suspicious-activity signals, checked inside the transaction that writes the audit row (so a
 * lock takes effect with the attempt that crossed the threshold): repeated failed sign-ins of an
 * account, a staff sign-in from a network the account never used, many personal-data reveals by
 * one staff member in a short time, bulk exports, staff signing in or opening personal data
 * outside the working hours their department restricts them to. Each raises (or counts another occurrence of)
 * an alert; the failed sign-in and reveal thresholds can lock the account pending review, which
 * also ends its sessions. The alert is listed for admins and auditors and told to admins.
 */
@Injectable()
export class AuditSignals {
  private readonly logger = new Logger(AuditSignals.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly alerts: AuditAlerts,
    private readonly accounts: UserAccounts,
    private readonly sessions: SessionService,
    private readonly outbox: OutboxService,
    private readonly departments: DepartmentTree,
    private readonly clock: Clock,
  ) {}

  async inspect(manager: EntityManager, actor: AnyActor | null, row: RecordedRow): Promise<void> {
    if (!SIGNAL_ACTIONS.has(row.action)) return;
    if (row.action !== 'auth.login_failed' && row.action !== 'appeal.export') await this.offHours(manager, actor, row);
    const signals = this.config.auditSignals;
    switch (row.action) {
      case 'auth.login_failed': {
        if (!row.entityId || (row.entityType !== 'user' && row.entityType !== 'login')) return;
        const { alertAt, lockAt, windowMinutes } = signals.failedSignIns;
        const n = await this.countRecent(manager, { entityType: row.entityType, entityId: row.entityId }, row.action, windowMinutes);
        if (row.entityType === 'login') {
          // A login that matches no account (entity_id: its keyed hash): the alert, nothing to lock.
          if (n >= alertAt) await this.raise(manager, 'failed_sign_ins', null, { failures: n, windowMinutes, lastIp: ipOf(actor, row), unknownLogin: true, loginHash: row.entityId }, false, `login:${row.entityId}`);
          return;
        }
        const lock = lockAt > 0 && n >= lockAt;
        if (n >= alertAt || lock) await this.raise(manager, 'failed_sign_ins', row.entityId, { failures: n, windowMinutes, lastIp: ipOf(actor, row) }, lock);
        return;
      }
      case 'auth.login': {
        if (!signals.newNetwork || !actor?.userId || !isStaff(actor.role)) return;
        const network = networkOf(actor.ip);
        if (!network) return;
        const earlier = await manager.query<{ ip: string | null }[]>(
          `SELECT DISTINCT ip FROM (
             SELECT ip FROM audit_log WHERE actor_id = $1 AND action = 'auth.login' AND id < $2 ORDER BY id DESC LIMIT 500
           ) recent`,
          [actor.userId, row.id],
        );
        if (earlier.length === 0) return; // the first sign-in ever: nothing to compare with
        if (earlier.some((e) => networkOf(e.ip) === network)) return;
        await this.raise(manager, 'new_network', actor.userId, { network, ip: actor.ip, knownNetworks: [...new Set(earlier.map((e) => networkOf(e.ip)).filter(Boolean))].slice(0, 20) }, false, `${actor.userId}:${network}`);
        return;
      }
      case 'personal_data.view': {
        if (!actor?.userId || !isStaff(actor.role)) return;
        const n = await this.countRecent(manager, { actorId: actor.userId }, row.action, signals.reveals.windowMinutes);
        const { alertAt, lockAt } = signals.reveals;
        const lock = lockAt > 0 && n >= lockAt;
        if (n >= alertAt || lock) await this.raise(manager, 'mass_reveal', actor.userId, { reveals: n, windowMinutes: signals.reveals.windowMinutes }, lock);
        return;
      }
      case 'attachment.download':
      case 'attachment.preview':
        return;
      case 'appeal.export': {
        if (!actor?.userId) return;
        const rows = Number(row.details.rows ?? 0);
        const n = await this.countRecent(manager, { actorId: actor.userId }, row.action, signals.exports.windowMinutes);
        if (rows >= signals.exports.rows || n >= signals.exports.count) {
          await this.raise(manager, 'bulk_export', actor.userId, { rows, exports: n, windowMinutes: signals.exports.windowMinutes, format: row.details.format ?? null }, false);
        }
        return;
      }
    }
  }

  /** Staff of a department with working hours, acting outside them. */
  private async offHours(manager: EntityManager, actor: AnyActor | null, row: RecordedRow): Promise<void> {
    if (!actor?.userId || !actor.departmentId || !isStaff(actor.role)) return;
    const department = await this.departments.get(actor.departmentId, manager);
    const hours = department?.workingHours;
    if (!hours) return;
    const now = this.clock.now();
    if (withinWorkingHours(hours, now)) return;
    await this.raise(manager, 'off_hours', actor.userId, { action: row.action, at: now.toISOString(), departmentId: actor.departmentId, workingHours: hours }, false);
  }

  private async countRecent(manager: EntityManager, by: { entityType: string; entityId: string } | { actorId: string }, action: string, minutes: number): Promise<number> {
    const [where, params] = 'actorId' in by ? ['actor_id = $3::uuid', [by.actorId]] : ['entity_type = $3 AND entity_id = $4', [by.entityType, by.entityId]];
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE ${where} AND action = $1 AND occurred_at > clock_timestamp() - make_interval(mins => $2)`,
      [action, minutes, ...params],
    );
    return row.n;
  }

  /** `userId` null: the subject is no account (a login that matches none), named by `subjectKey`. */
  private async raise(manager: EntityManager, kind: AlertKind, userId: string | null, details: Record<string, unknown>, lock: boolean, subjectKey = userId ?? ''): Promise<void> {
    const account = userId ? await this.accounts.findOne({ id: userId }, { manager, lock: lock }) : null;
    let locked = !!account?.lockedAt;
    let newlyLocked = false;
    if (lock && account && !account.lockedAt) {
      await this.accounts.update(manager, account.id, { lockedAt: new Date(), lockReason: kind });
      await this.sessions.revokeOf(manager, account.id, {});
      locked = newlyLocked = true;
    }
    const alert = await this.alerts.raise(manager, { kind, subjectUserId: userId, subjectKey, details, accountLocked: locked });
    // Admins hear of a new alert, and again when a later occurrence locks the account.
    if (!alert.raised && !newlyLocked) return;
    this.logger.warn({ alert: alert.id, kind, userId, locked }, 'suspicious activity');
    await this.outbox.publish(manager, {
      eventType: 'audit.alert_raised',
      aggregateType: 'audit_alert',
      aggregateId: alert.id,
      payload: { alertId: alert.id, kind, subjectUserId: userId, subjectName: account?.fullName ?? null, accountLocked: locked },
    });
  }
}

function ipOf(actor: AnyActor | null, row: RecordedRow): string | null {
  return actor?.ip ?? (typeof row.details.ip === 'string' ? row.details.ip : null);
}
