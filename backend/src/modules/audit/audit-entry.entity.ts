import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only audit trail (a trigger refuses UPDATE and DELETE). */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', insert: false }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole: string | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @Column() action: string;
  @Column({ name: 'entity_type' }) entityType: string;
  @Column({ name: 'entity_id', type: 'text', nullable: true }) entityId: string | null;
  @Column({ type: 'jsonb' }) details: Record<string, any>;
}
