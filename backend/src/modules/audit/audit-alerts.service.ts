import { Injectable } from '@nestjs/common';
import { Role } from '@otklik/shared/domain';
import { Actor } from '../../common/http/actor';
import { DEFAULT_LIMIT } from '../../common/pagination/cursor';
import { ConflictError, DomainError, NotFoundError } from '../../common/problem/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { UserAccounts } from '../users/user-accounts.repository';
import { AuditAlertDto, AuditAlertPageDto, AuditAlertQuery, ResolveAlertDto } from './audit.dto';
import { AuditAlerts } from './audit-alerts.repository';
import { AuditService } from './audit.service';

/** Suspicious-activity alerts as admins and auditors review them. */
@Injectable()
export class AuditAlertsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly alerts: AuditAlerts,
    private readonly accounts: UserAccounts,
    private readonly audit: AuditService,
  ) {}

  async list(query: AuditAlertQuery): Promise<AuditAlertPageDto> {
    const page = await this.alerts.list(this.tx.manager, { status: query.status, kind: query.kind, limit: query.limit ?? DEFAULT_LIMIT, cursor: query.cursor });
    return { items: page.items.map(AuditAlertDto.from), nextCursor: page.nextCursor };
  }

  /**
   * Closes an alert with its outcome; `unlock` (admins only: an auditor reviews, it does not
   * administer accounts) also opens the account the alert locked. One audit row records both.
   */
  async resolve(actor: Actor, id: string, dto: ResolveAlertDto): Promise<AuditAlertDto> {
    if (dto.unlock && actor.role !== Role.Admin) throw new DomainError(403, 'forbidden');
    return this.tx.run(async (manager) => {
      const alert = await this.alerts.get(manager, id, true);
      if (!alert) throw new NotFoundError('alert');
      if (alert.resolvedAt) throw new ConflictError('alert_already_resolved');
      let unlocked = false;
      if (dto.unlock && alert.subjectUserId) {
        const account = await this.accounts.findOne({ id: alert.subjectUserId }, { manager, lock: true });
        if (account?.lockedAt) {
          await this.accounts.update(manager, account.id, { lockedAt: null, lockReason: null });
          unlocked = true;
        }
      }
      await this.alerts.resolve(manager, id, actor.userId, dto.resolution, dto.note ?? null);
      await this.audit.record(manager, actor, {
        action: 'audit_alert.resolve',
        entityType: 'audit_alert',
        entityId: id,
        details: { kind: alert.kind, subjectUserId: alert.subjectUserId, unlocked },
        change: { before: { resolution: null }, after: { resolution: dto.resolution, note: dto.note ?? null } },
      });
      return AuditAlertDto.from((await this.alerts.get(manager, id))!);
    });
  }
}
