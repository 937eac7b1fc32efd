import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealStatus, HistoryEvent } from '@otklik/shared/domain';
import { AnyActor } from '../../common/http/actor';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../outbox/outbox.service';
import { AppealHistory } from './appeal-history.entity';
import { Appeal } from './appeal.entity';

export interface JournalEntry {
  event: HistoryEvent;
  from: AppealStatus | null;
  comment?: string | null;
  /** Extra audit details (never personal data). */
  details?: Record<string, unknown>;
}

/**
 * Every state change of an appeal writes three rows in the caller's transaction: the
 * history row the citizen sees, the audit row, and the outbox event for other modules.
 */
@Injectable()
export class AppealJournal {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async record(manager: EntityManager, appeal: Appeal, actor: AnyActor, entry: JournalEntry): Promise<void> {
    await manager.insert(AppealHistory, {
      appealId: appeal.id,
      event: entry.event,
      fromStatus: entry.from,
      toStatus: appeal.status,
      actorId: actor.userId,
      actorRole: actor.role,
      actorName: actor.name,
      actorPosition: null,
      comment: entry.comment ?? null,
    });
    await this.audit.record(manager, actor, {
      action: `appeal.${entry.event}`,
      entityType: 'appeal',
      entityId: appeal.id,
      details: { number: appeal.number, from: entry.from, to: appeal.status, ...entry.details },
    });
    await this.outbox.publish(manager, {
      eventType: `appeal.${entry.event}`,
      aggregateType: 'appeal',
      aggregateId: appeal.id,
      payload: {
        appealId: appeal.id,
        number: appeal.number,
        citizenId: appeal.citizenId,
        departmentId: appeal.departmentId,
        type: appeal.type,
        from: entry.from,
        to: appeal.status,
        actorId: actor.userId,
        actorRole: actor.role,
      },
    });
  }
}
