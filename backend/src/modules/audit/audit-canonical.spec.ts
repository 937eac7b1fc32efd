import { getMetadataArgsStorage } from 'typeorm';
import { asAppRole, APP_DB_ROLE } from '../../database/app-role';
import { AuditEntry } from './audit-entry.entity';
import { AUDIT_CANONICAL_FIELDS, AUDIT_REDACTABLE_FIELDS, AUDIT_UNHASHED_COLUMNS, canonicalTextSql, personalDigestSql } from './audit-canonical';

describe('the canonical form of an audit row', () => {
  it('hashes every column of the audit entity, or says why not: a new column must be placed in one list or the other', () => {
    const columns = getMetadataArgsStorage()
      .columns.filter((c) => c.target === AuditEntry)
      .map((c) => c.options.name ?? c.propertyName);
    const placed = [...AUDIT_CANONICAL_FIELDS.map((f) => f.column), ...AUDIT_UNHASHED_COLUMNS];
    expect([...columns].sort()).toEqual([...placed].sort());
  });

  it('commits personal fields by their salted digest, or the stored one once masked, and the rest in clear', () => {
    const sql = canonicalTextSql('a');
    expect(sql).toContain("'ip#' || CASE WHEN a.redacted ? 'ip' THEN a.redacted ->> 'ip'");
    expect(sql).toContain("a.salt::text || ':' || a.ip::text");
    expect(sql).not.toMatch(/'ip=/);
    expect(sql).toContain("('action=' || length(a.action::text) || ':' || a.action::text)");
    expect(personalDigestSql('details.phone', 'x')).toContain("(x.details -> 'phone')::text");
    expect(AUDIT_REDACTABLE_FIELDS).toEqual(expect.arrayContaining(['ip', 'user_agent', 'details.ip', 'details.phone']));
  });
});

describe('asAppRole', () => {
  it('makes every pooled connection start as the application role, keeping the other pool options', () => {
    const sut = asAppRole({ type: 'postgres', url: 'postgresql://x', extra: { max: 20 } });
    expect((sut as { extra: unknown }).extra).toEqual({ max: 20, options: `-c role=${APP_DB_ROLE}` });
  });
});
