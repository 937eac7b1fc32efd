import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnyActor } from '../../common/http/actor';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, any>;
}

/** Writes audit rows inside the caller's transaction, so the trail and the change commit together. */
@Injectable()
export class AuditService {
  /** The INSERT of one audit row as SQL over `params`, for callers that batch several rows in one statement. */
  insertSql(params: unknown[], actor: AnyActor | null, record: AuditRecord): string {
    const values = [
      actor?.userId ?? null,
      actor?.role ?? 'anonymous',
      actor?.ip ?? null,
      actor?.userAgent ?? null,
      actor?.requestId ?? null,
      record.action,
      record.entityType,
      record.entityId,
      JSON.stringify(record.details ?? {}),
    ].map((v) => `$${params.push(v)}`);
    return `INSERT INTO audit_log (actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details) VALUES (${values.join(', ')})`;
  }

  async record(manager: EntityManager, actor: AnyActor | null, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'anonymous',
      ip: actor?.ip ?? null,
      userAgent: actor?.userAgent ?? null,
      requestId: actor?.requestId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      details: record.details ?? {},
    });
  }
}
