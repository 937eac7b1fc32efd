import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { DomainError } from '../../common/problem/domain-error';
import { AlertKind, AlertResolution, AuditAlert } from './audit-alert.entity';

export interface RaisedAlert {
  id: string;
  /** True for a new alert; false when an open one of the same kind and subject counted another occurrence. */
  raised: boolean;
}

export interface AlertFilter {
  status?: 'open' | 'resolved';
  kind?: AlertKind;
  limit: number;
  cursor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalidCursor(): DomainError {
  return new DomainError(422, 'validation_failed', {}, [{ field: 'cursor', code: 'invalid_cursor', message: 'invalid cursor' }]);
}

/** All SQL of the audit_alerts table. */
@Injectable()
export class AuditAlerts {
  /** Raises an alert, or counts one more occurrence of the open alert of that kind and subject. */
  async raise(
    manager: EntityManager,
    alert: { kind: AlertKind; subjectUserId: string | null; subjectKey: string; details: Record<string, unknown>; accountLocked: boolean },
  ): Promise<RaisedAlert> {
    const [row] = await manager.query<{ id: string; raised: boolean }[]>(
      `INSERT INTO audit_alerts (kind, subject_user_id, subject_key, details, account_locked)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, subject_key) WHERE resolved_at IS NULL DO UPDATE
         SET occurrences = audit_alerts.occurrences + 1, last_seen_at = now(), details = EXCLUDED.details,
             account_locked = audit_alerts.account_locked OR EXCLUDED.account_locked
       RETURNING id, (xmax = 0) AS raised`,
      [alert.kind, alert.subjectUserId, alert.subjectKey, JSON.stringify(alert.details), alert.accountLocked],
    );
    return row;
  }

  /** Newest first, keyset over (raised_at, id). */
  async list(manager: EntityManager, filter: AlertFilter): Promise<{ items: AuditAlert[]; nextCursor: string | null }> {
    const qb = manager.getRepository(AuditAlert).createQueryBuilder('a');
    if (filter.status === 'open') qb.andWhere('a.resolved_at IS NULL');
    if (filter.status === 'resolved') qb.andWhere('a.resolved_at IS NOT NULL');
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    // Keyset in milliseconds, as the cursor carries the time (raised_at has microseconds).
    const raisedMs = "date_trunc('milliseconds', a.raised_at)";
    if (filter.cursor) {
      const [at, id] = decodeCursor(filter.cursor, 2);
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
      qb.andWhere(`(${raisedMs}, a.id) < (:at::timestamptz, :id::uuid)`, { at, id });
    }
    const rows = await qb.orderBy(raisedMs, 'DESC').addOrderBy('a.id', 'DESC').limit(filter.limit + 1).getMany();
    const more = rows.length > filter.limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return { items: rows, nextCursor: more ? encodeCursor([last.raisedAt.toISOString(), last.id]) : null };
  }

  get(manager: EntityManager, id: string, lock = false): Promise<AuditAlert | null> {
    return manager.getRepository(AuditAlert).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async resolve(manager: EntityManager, id: string, by: string, resolution: AlertResolution, note: string | null): Promise<void> {
    await manager.query('UPDATE audit_alerts SET resolved_at = now(), resolved_by = $2, resolution = $3, resolution_note = $4 WHERE id = $1', [id, by, resolution, note]);
  }
}
