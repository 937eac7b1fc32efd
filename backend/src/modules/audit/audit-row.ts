import { RowShape } from '../../common/sql/row-shape';

/**
 * The audit row's columns as the audit module declares them (AuditEntry), for writers that put
 * the audit row into the same statement as the change it records: the appeals journal
 * (JournalWriter), in its single-row and set-based forms. A spec holds it to the entity.
 */
export const AUDIT_ROW = new RowShape('audit_log', {
  actorId: 'actor_id',
  actorRole: 'actor_role',
  ip: 'ip',
  userAgent: 'user_agent',
  requestId: 'request_id',
  action: 'action',
  entityType: 'entity_type',
  entityId: 'entity_id',
  details: 'details',
  changes: 'changes',
});
