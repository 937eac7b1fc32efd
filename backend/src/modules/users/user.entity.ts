import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { AnswerChannel, Role } from '@otklik/shared/domain';
import { Department } from './department.entity';

@Entity('users')
@Unique('users_email_normalized_key', ['emailNormalized'])
@Unique('users_esia_oid_key', ['esiaOid'])
@Check('users_role_check', `role IN ('citizen', 'operator', 'supervisor', 'admin', 'auditor')`)
@Check('users_trust_level_check', `trust_level IN ('confirmed', 'standard', 'simplified')`)
@Check('users_mfa_method_check', `mfa_method IN ('sms', 'totp')`)
@Check('users_preferred_answer_channel_check', `preferred_answer_channel IN ('cabinet', 'email', 'post')`)
@Index('users_department', { synchronize: false })
@Index('users_snils_hash', { synchronize: false })
@Index('users_inn_hash', { synchronize: false })
@Index('users_phone_hash', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' }) id: string;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'email_normalized', type: 'text' }) emailNormalized: string;
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash: string | null;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column({ type: 'text', nullable: true }) position: string | null;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @ManyToOne(() => Department, { nullable: true })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'users_department_id_fkey' })
  department?: Department;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** ФИО parts, birth date, SNILS, INN, phone, address: AES-256-GCM JSON (see PersonalDataCipher). */
  @Column({ name: 'personal_encrypted', type: 'text', nullable: true, select: false }) personalEncrypted: string | null;
  /** Blind indexes (keyed HMAC) for finding an account by SNILS, INN or phone without decrypting. */
  @Column({ name: 'snils_hash', type: 'text', nullable: true }) snilsHash: string | null;
  @Column({ name: 'inn_hash', type: 'text', nullable: true }) innHash: string | null;
  @Column({ name: 'phone_hash', type: 'text', nullable: true }) phoneHash: string | null;
  /** The person's ESIA object id, when the account is linked to (or came from) ESIA. */
  @Column({ name: 'esia_oid', type: 'text', nullable: true }) esiaOid: string | null;
  @Column({ name: 'trust_level', type: 'text', nullable: true }) trustLevel: TrustLevel | null;
  @Column({ name: 'email_verified', type: 'boolean', default: false }) emailVerified: boolean;
  @Column({ name: 'phone_verified', type: 'boolean', default: false }) phoneVerified: boolean;
  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' }) passwordChangedAt: Date;
  /** Version and time of the separate consent to personal-data processing (152-ФЗ). */
  @Column({ name: 'pd_consent_version', type: 'text', nullable: true }) pdConsentVersion: string | null;
  @Column({ name: 'pd_consent_at', type: 'timestamptz', nullable: true }) pdConsentAt: Date | null;
  @Column({ name: 'totp_secret_encrypted', type: 'text', nullable: true, select: false }) totpSecretEncrypted: string | null;
  /** The second factor the account signs in with; null → none enrolled. */
  @Column({ name: 'mfa_method', type: 'text', nullable: true }) mfaMethod: 'sms' | 'totp' | null;
  /** Locked pending review by a suspicious-activity alert (the audit module's thresholds); null → open. */
  /** The citizen's default channel for answers (issue 18): the cabinet, e-mail, or a printed letter by post. */
  @Column({ name: 'preferred_answer_channel', type: 'text', default: 'cabinet' }) preferredAnswerChannel: AnswerChannel;
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true }) lockedAt: Date | null;
  @Column({ name: 'lock_reason', type: 'text', nullable: true }) lockReason: string | null;
  /** Networks (addresses or CIDRs) the account may work from; empty → anywhere. Checked at sign-in and on every request. */
  @Column({ name: 'ip_allow_list', type: 'text', array: true, default: () => "'{}'" }) ipAllowList: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** ESIA trust levels: confirmed (подтверждённая), standard, simplified. */
export type TrustLevel = 'confirmed' | 'standard' | 'simplified';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
