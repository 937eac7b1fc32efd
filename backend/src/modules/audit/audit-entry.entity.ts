import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit trail: the application's role may only INSERT and SELECT, and a trigger
 * refuses UPDATE, DELETE and TRUNCATE (except audit_redact's masking). Sealed into audit_chain.
 * Partitioned by month on `occurred_at` (migration 1765330000000), so the primary key holds it.
 */
@Entity('audit_log')
@Index('audit_log_entity', { synchronize: false })
@Index('audit_log_actor', { synchronize: false })
@Index('audit_log_txid', ['txid', 'id'])
@Index('audit_log_subject', { synchronize: false })
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_log_pkey' }) id: string;
  /** The database's time at insert (never the application's clock): the partition key. */
  @PrimaryColumn({ name: 'occurred_at', type: 'timestamptz', default: () => 'clock_timestamp()', insert: false, primaryKeyConstraintName: 'audit_log_pkey' }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole: string | null;
  /** The actor as they were at that moment: filled from `users` by a trigger at insert. */
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName: string | null;
  @Column({ name: 'actor_position', type: 'text', nullable: true }) actorPosition: string | null;
  @Column({ name: 'actor_department_id', type: 'uuid', nullable: true }) actorDepartmentId: string | null;
  /** The person whose personal data the action touched (the 152-ФЗ access log is read by it). */
  @Column({ name: 'subject_id', type: 'uuid', nullable: true }) subjectId: string | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'entity_type', type: 'text' }) entityType: string;
  @Column({ name: 'entity_id', type: 'text', nullable: true }) entityId: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, any>;
  /** The writing transaction (txid_current()): the sealer takes only rows of finished transactions. */
  @Column({ type: 'bigint', default: () => 'txid_current()', insert: false, select: false }) txid: string;
  /** Salts the digests of personal-data fields; cleared once all of them are masked. */
  @Column({ type: 'uuid', nullable: true, generated: 'uuid', insert: false, select: false }) salt: string | null;
  /** Masked personal-data fields → their committed digest (hex), written by audit_redact(). */
  @Column({ type: 'jsonb', nullable: true, insert: false }) redacted: Record<string, string> | null;
  /** Changed fields, `{field: {from, to}}`, personal data masked (see audit-changes.ts). */
  @Column({ type: 'jsonb', nullable: true }) changes: Record<string, any> | null;
}
