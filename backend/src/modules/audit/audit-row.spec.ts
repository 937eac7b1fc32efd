import { getMetadataArgsStorage } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AUDIT_ROW } from './audit-row';

describe('AUDIT_ROW', () => {
  it('writes columns of the audit entity, under the names the entity gives them', () => {
    const columns = new Map(
      getMetadataArgsStorage()
        .columns.filter((c) => c.target === AuditEntry)
        .map((c) => [c.propertyName, c.options.name ?? c.propertyName]),
    );
    const sql = AUDIT_ROW.values({ actorId: '$1', actorRole: '$2', ip: '$3', userAgent: '$4', requestId: '$5', action: '$6', entityType: '$7', entityId: '$8', details: '$9', changes: '$10' });
    const written = /\(([^)]*)\) VALUES/.exec(sql)![1].split(', ');
    expect(written).toEqual(['actorId', 'actorRole', 'ip', 'userAgent', 'requestId', 'action', 'entityType', 'entityId', 'details', 'changes'].map((p) => columns.get(p)));
    expect(sql.startsWith('INSERT INTO audit_log ')).toBe(true);
  });
});
