import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnyActor } from '../../common/http/actor';
import { auditChanges } from './audit-changes';
import { AuditEntry } from './audit-entry.entity';
import { AuditSignals } from './audit-signals';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, any>;
  /** The person whose personal data the action touched (a citizen): the 152-ФЗ access log reads it. */
  subjectId?: string | null;
  /**
   * The object before and after a change; the row keeps the fields that differ, personal data
   * masked. `before` null for a creation, `after` null for a deletion. Every configuration write
   * fills it (the coverage test checks).
   */
  change?: { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

/**
 * Writes audit rows inside the caller's transaction, so the trail and the change commit together.
 * The actor's name, position and department are copied from `users` by the table's trigger; the
 * suspicious-activity signals look at the row in the same transaction.
 */
@Injectable()
export class AuditService {
  constructor(private readonly signals: AuditSignals) {}

  async record(manager: EntityManager, actor: AnyActor | null, record: AuditRecord): Promise<void> {
    const details = record.details ?? {};
    const result = await manager.insert(AuditEntry, {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'anonymous',
      ip: actor?.ip ?? null,
      userAgent: actor?.userAgent ?? null,
      requestId: actor?.requestId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      details,
      subjectId: record.subjectId ?? null,
      changes: record.change ? (auditChanges(record.change.before, record.change.after) as Record<string, any>) : null,
    });
    const id = String((result.identifiers[0] as { id: string | number }).id);
    await this.signals.inspect(manager, actor, { id, action: record.action, entityType: record.entityType, entityId: record.entityId, details });
  }
}
