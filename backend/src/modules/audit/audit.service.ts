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
