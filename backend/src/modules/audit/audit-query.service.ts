import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { AuditEntry } from './audit-entry.entity';
import { AUDIT_DEFAULT_LIMIT, AuditEntryDto, AuditPageDto, AuditQuery } from './audit.dto';
import { TransactionRunner } from '../../database/transaction-runner';

/** Reads the audit trail, newest first, with keyset pages over its sequence number. */
@Injectable()
export class AuditQueryService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(query: AuditQuery): Promise<AuditPageDto> {
    const limit = query.limit ?? AUDIT_DEFAULT_LIMIT;
    const rows = await this.filtered(query, limit + 1);
    const more = rows.length > limit;
    if (more) rows.pop();
    return { items: rows.map(AuditEntryDto.from), nextCursor: more ? encodeCursor([String(rows[rows.length - 1].id)]) : null };
  }

  /** The filtered trail, newest first, at most `limit` rows (an export reads up to its cap). */
  async filtered(query: AuditQuery, limit: number): Promise<AuditEntry[]> {
    const qb = this.tx.manager.getRepository(AuditEntry).createQueryBuilder('e');
    if (query.ip) qb.andWhere('e.ip = :ip', { ip: query.ip });
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.action?.endsWith('.')) qb.andWhere('starts_with(e.action, :prefix)', { prefix: query.action });
    else if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: new Date(query.from).toISOString() });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: new Date(query.to).toISOString() });
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, 1);
      qb.andWhere('e.id < :cursorId', { cursorId: String(id) });
    }
    return qb.orderBy('e.id', 'DESC').limit(limit).getMany();
  }
}
