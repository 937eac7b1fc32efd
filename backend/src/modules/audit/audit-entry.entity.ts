import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit trail: the application's role may only INSERT and SELECT, and a trigger
 * refuses UPDATE, DELETE and TRUNCATE (except audit_redact's masking). Sealed into audit_chain.
 */
@Entity('audit_log')
@Index('audit_log_entity', { synchronize: false })
@Index('audit_log_actor', { synchronize: false })
@Index('audit_log_txid', ['txid', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_log_pkey' }) id: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'clock_timestamp()', insert: false }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole: string | null;
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
}
