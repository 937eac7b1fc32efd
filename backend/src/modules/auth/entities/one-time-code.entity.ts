import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CodePurpose = 'registration' | 'password_reset' | 'mfa_sms' | 'contact_change';

/** A 6-digit code sent by SMS or e-mail; only its keyed hash is stored. */
@Entity('one_time_codes')
@Check('one_time_codes_purpose_check', `purpose IN ('registration', 'password_reset', 'mfa_sms', 'contact_change')`)
@Index('one_time_codes_subject', { synchronize: false })
export class OneTimeCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'one_time_codes_pkey' }) id: string;
  @Column({ type: 'text' }) purpose: CodePurpose;
  /** What the code confirms: a pending registration id, a user id or a pending contact change id. */
  @Column({ type: 'text' }) subject: string;
  @Column({ name: 'code_hash', type: 'text' }) codeHash: string;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true }) consumedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
