import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The record (акт) of an appeal's personal data destroyed at the end of its retention period. */
@Entity('retention_destructions')
@Index('retention_destructions_appeal', { synchronize: false })
@Check('retention_destructions_mode_check', `mode IN ('anonymised', 'deleted')`)
export class RetentionDestruction {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'retention_destructions_pkey' }) id: string;
  /** No foreign key: a deleted appeal leaves its record behind. */
  @Column({ name: 'appeal_id', type: 'uuid' }) appealId: string;
  @Column({ type: 'bigint', nullable: true }) number: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'destroyed_at', type: 'timestamptz' }) destroyedAt: Date;
  @Column({ type: 'text' }) mode: 'anonymised' | 'deleted';
  @Column({ type: 'text' }) actor: string;
  @Column({ name: 'retention_years', type: 'integer' }) retentionYears: number;
}
