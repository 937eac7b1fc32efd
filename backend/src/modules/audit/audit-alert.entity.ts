import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_KINDS = ['failed_sign_ins', 'new_network', 'mass_reveal', 'bulk_export', 'off_hours'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_RESOLUTIONS = ['confirmed', 'false_positive'] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

/**
 * A suspicious-activity alert. One stays open per kind and subject (`subject_key`: an account id,
 * or a login that matches no account); a repeat of the signal while it is open counts an
 * occurrence instead of raising another.
 */
@Entity('audit_alerts')
@Check('audit_alerts_kind_check', `kind IN ('failed_sign_ins', 'new_network', 'mass_reveal', 'bulk_export', 'off_hours')`)
@Check('audit_alerts_resolution_check', `resolution IS NULL OR resolution IN ('confirmed', 'false_positive')`)
@Check('audit_alerts_resolved_check', `(resolved_at IS NULL) = (resolution IS NULL)`)
@Index('audit_alerts_open_key', { synchronize: false })
@Index('audit_alerts_list', { synchronize: false })
export class AuditAlert {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_alerts_pkey' }) id: string;
  @Column({ type: 'text' }) kind: AlertKind;
  @Column({ name: 'subject_user_id', type: 'uuid', nullable: true }) subjectUserId: string | null;
  @Column({ name: 'subject_key', type: 'text' }) subjectKey: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' }) raisedAt: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' }) lastSeenAt: Date;
  @Column({ type: 'integer', default: 1 }) occurrences: number;
  @Column({ name: 'account_locked', type: 'boolean', default: false }) accountLocked: boolean;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy: string | null;
  @Column({ type: 'text', nullable: true }) resolution: AlertResolution | null;
  @Column({ name: 'resolution_note', type: 'text', nullable: true }) resolutionNote: string | null;
}
