import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only audit trail (a trigger refuses UPDATE and DELETE). */
@Entity('audit_log')
@Index('audit_log_entity', { synchronize: false })
@Index('audit_log_actor', { synchronize: false })
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
}
